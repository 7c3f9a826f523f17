"""A scratch site on a SQLite file, for tests that run the real processes
(workers killed mid-task, gunicorn behind a lock, nginx in front)."""

from __future__ import annotations

import collections
import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller

from samizdat.newsletter.tests import conftest as newsletter
from samizdat.newsletter.tests.conftest import Sink
from samizdat.operations import loopback

ROOT = Path(__file__).resolve().parents[3]
SUBSCRIBERS = 45
STAFF = ("editor", "a-long-test-password-for-the-editor")


_recent: collections.deque[int] = collections.deque(maxlen=6)


def free_port() -> int:
    """A free port, from 8120-8129 where one is free (the range kept for this
    work on shared machines), else any; never one of the last few handed out,
    which their servers may not have bound yet."""
    for port in range(8120, 8130):
        if port in _recent:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _recent.append(port)
        return port
    return newsletter.free_port()


def site_env(db: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        "DATABASE_URL": f"sqlite:///{db}",
        **extra,
    }


def run(
    db: Path,
    smtp_port: int,
    *args: str,
    check: bool = True,
    env: dict[str, str] | None = None,
):
    """Run crash_mailing.py's step ARGS against the site in `db`."""
    env = site_env(
        db,
        **(env or {}),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        TASK_LEASE_SECONDS="1",
        NEWSLETTER_LEASE_SECONDS="1",
        NEWSLETTER_BATCH="10",
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "samizdat.operations.tests.crash_mailing", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    if check:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Path:
    """A migrated site with its subscribers, a staff account and a
    just-published article whose mailing is queued; made once, copied by
    each test that needs it."""
    db = tmp_path_factory.mktemp("site") / "template.sqlite3"
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env=site_env(db),
        check=True,
        timeout=600,
    )
    run(db, 25, "setup", str(SUBSCRIBERS))
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


@pytest.fixture
def smtp():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


@contextlib.contextmanager
def gunicorn(db: Path, port: int | None = None, **extra: str) -> Iterator[str]:
    """The site under gunicorn with the shipped configuration, on loopback."""
    port = port or free_port()
    env = site_env(db, GUNICORN_BIND=f"127.0.0.1:{port}", **extra)
    proc = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "samizdat.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(base + "/en/", timeout=30)
                break
            except requests.RequestException:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"gunicorn did not start: {proc.stderr.read()[-2000:]}"
                    ) from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=40)


@contextlib.contextmanager
def write_lock(db: Path, seconds: float) -> Iterator[float]:
    """Another process holds SQLite's write lock on `db` for `seconds`;
    yields the monotonic time at which the lock ends."""
    code = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        'c.execute("UPDATE wagtailcore_site SET site_name = site_name")\n'
        "print('locked', flush=True)\n"
        "time.sleep(float(sys.argv[2]))\n"
        "c.execute('COMMIT')\n"
    )
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", code, str(db), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    try:
        yield time.monotonic() + seconds
    finally:
        proc.wait(timeout=seconds + 30)


@contextlib.contextmanager
def nginx(tmp: Path, app_port: int) -> Iterator[dict[str, int]]:
    """The shipped nginx configuration in front of the app on `app_port`."""
    ports = {"http": free_port(), "https": free_port(), "purge": free_port()}
    with loopback.nginx(tmp, app_port, ports) as running:
        yield running

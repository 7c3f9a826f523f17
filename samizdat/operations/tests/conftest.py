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

ROOT = Path(__file__).resolve().parents[3]
NGINX = os.environ.get("SAMIZDAT_NGINX", "/usr/sbin/nginx")
NGINX_PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
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
    """Debian's nginx with deploy/nginx/samizdat.conf, its paths and ports
    substituted, in front of the app on `app_port`; a self-signed
    certificate for TLS. Yields the ports: http, https, purge."""
    ports = {"http": free_port(), "https": free_port(), "purge": free_port()}
    srv = tmp / "srv"
    for folder in ("staticfiles", "media", "cache", "acme", "tls", "logs"):
        (tmp / folder).mkdir(parents=True, exist_ok=True)
    srv.mkdir(exist_ok=True)
    for folder in ("staticfiles", "media"):
        (srv / folder).mkdir(exist_ok=True)
    tls = tmp / "tls"
    subprocess.run(  # noqa: S603
        [
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-days", "1", "-subj", "/CN=localhost",
            "-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    site = (ROOT / "deploy" / "nginx" / "samizdat.conf").read_text()
    for shipped, here in (
        ("listen [::]:80;", ""),
        ("listen [::]:443 ssl http2;", ""),
        ("listen 80;", f"listen 127.0.0.1:{ports['http']};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{ports['https']} ssl http2;"),
        ("listen 127.0.0.1:8081;", f"listen 127.0.0.1:{ports['purge']};"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("/etc/letsencrypt/live/example.org/", f"{tls}/"),
        ("/var/cache/nginx/samizdat", str(tmp / "cache")),
        ("/var/www/letsencrypt", str(tmp / "acme")),
        ("/srv/samizdat/", f"{srv}/"),
    ):
        assert shipped in site, shipped
        site = site.replace(shipped, here)
    (tmp / "site.conf").write_text(site)
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp = tmp / "logs"
    (tmp / "nginx.conf").write_text(
        f"load_module {NGINX_PURGE_MODULE};\n{user}"
        f"pid {tmp}/nginx.pid;\nerror_log {temp}/error.log warn;\n"
        "worker_processes 1;\nevents { worker_connections 256; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  access_log off;\n"
        f"  client_body_temp_path {temp}/body;\n  proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi;\n  uwsgi_temp_path {temp}/uwsgi;\n"
        f"  scgi_temp_path {temp}/scgi;\n  include {tmp}/site.conf;\n}}\n"
    )
    command = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
    checked = subprocess.run(  # noqa: S603
        [*command, "-t"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    proc = subprocess.Popen([*command, "-g", "daemon off;"])  # noqa: S603
    try:
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", ports["https"])) == 0:
                    break
            assert proc.poll() is None and time.monotonic() < deadline, (
                temp / "error.log"
            ).read_text()
            time.sleep(0.1)
        yield ports
    finally:
        proc.terminate()
        proc.wait(timeout=20)

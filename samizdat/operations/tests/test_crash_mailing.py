"""A worker SIGKILLed at each step of a mailing: after a restart (one clock
tick, one worker) every confirmed subscriber has exactly one copy at a real
SMTP server. Each scenario runs in processes of its own on a SQLite file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings

from samizdat.newsletter.tests.conftest import Sink, free_port

TASKS = "django_tasks_database_dbtaskresult"
ROOT = Path(__file__).resolve().parents[3]
SUBSCRIBERS = 45

pytestmark = pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs its processes on SQLite files (the PostgreSQL run tests claims)",
)


def run(db: Path, smtp_port: int, *args: str, check: bool = True):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        "DATABASE_URL": f"sqlite:///{db}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "TASK_LEASE_SECONDS": "1",
        "NEWSLETTER_LEASE_SECONDS": "1",
        "NEWSLETTER_BATCH": "10",
    }
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


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A migrated site with its subscribers and a just-published article
    whose mailing is queued, made once and copied for each scenario."""
    db = tmp_path_factory.mktemp("crash") / "template.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        "DATABASE_URL": f"sqlite:///{db}",
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env=env,
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


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def received(sink: Sink) -> Counter:
    return Counter(address for e in sink.envelopes for address in e.rcpt_tos)


@pytest.mark.parametrize(
    ("step", "after"), [("ledger", 2), ("sending", 12), ("marking", 17)]
)
def test_it_sends_each_subscriber_one_copy_whatever_step_the_worker_dies_at(
    template, smtp, tmp_path, step, after
):
    sink, port = smtp
    db = tmp_path / "site.sqlite3"
    shutil.copy(template, db)

    killed = run(db, port, "work", step, str(after), check=False)
    assert killed.returncode == -9, killed.stderr[-3000:]
    # The kill left work behind: a RUNNING task and a mailing not finished.
    assert rows(
        db,
        f"SELECT count(*) FROM {TASKS} WHERE status='RUNNING'",  # noqa: S608
    ) == [(1,)]
    assert rows(db, "SELECT count(*) FROM newsletter_mailing WHERE finished_at IS NULL")
    ledger = rows(db, "SELECT count(*) FROM newsletter_delivery")[0][0]
    before = received(sink)
    if step == "ledger":
        assert ledger == 10 * after and not before
    else:
        assert ledger == SUBSCRIBERS and sum(before.values()) == after

    time.sleep(2.2)  # past the task lease and the delivery lease
    run(db, port, "recover")

    counts = received(sink)
    assert len(counts) == SUBSCRIBERS
    assert set(counts.values()) == {1}
    assert rows(
        db,
        f"SELECT count(*) FROM {TASKS} WHERE status IN ('RUNNING', 'READY')",  # noqa: S608
    ) == [(0,)]
    assert rows(
        db,
        "SELECT state, count(*) FROM newsletter_delivery GROUP BY state",
    ) == [("sent", SUBSCRIBERS)]
    [(finished,)] = rows(db, "SELECT finished_at FROM newsletter_mailing")
    assert finished is not None
    # The task the dead worker held ran again under the new worker.
    retried = rows(
        db,
        f"SELECT task_path, status FROM {TASKS} WHERE worker_ids LIKE '%,%'",  # noqa: S608
    )
    assert len(retried) == 1 and retried[0][1] == "SUCCESSFUL", retried

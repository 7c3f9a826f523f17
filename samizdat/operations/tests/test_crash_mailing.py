"""A worker SIGKILLed at each step of a mailing: after a restart (one clock
tick, one worker) every confirmed subscriber has exactly one copy at a real
SMTP server. Each scenario runs in processes of its own on a SQLite file."""

from __future__ import annotations

import shutil
import time
from collections import Counter

import pytest
from django.conf import settings as django_settings

from samizdat.newsletter.tests.conftest import Sink

from .conftest import SUBSCRIBERS, rows, run

TASKS = "django_tasks_database_dbtaskresult"

pytestmark = pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs its processes on SQLite files (the PostgreSQL run tests claims)",
)


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

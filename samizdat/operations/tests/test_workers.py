"""Lost tasks: a RUNNING task whose worker stopped beating is queued again,
one whose worker still beats is left alone, and a task that keeps losing its
worker fails with the reason instead of looping."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samizdat.core.tasks import publish_scheduled_pages
from samizdat.operations import workers
from samizdat.operations.models import WorkerBeat

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_LEASE_SECONDS = 60
    settings.TASK_MAX_ATTEMPTS = 3


def running(worker_ids: list[str], started: dt.datetime) -> DBTaskResult:
    result = publish_scheduled_pages.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=started, worker_ids=worker_ids
    )
    return DBTaskResult.objects.get(pk=result.id)


def test_it_requeues_what_a_dead_worker_held_and_leaves_a_live_ones_task():
    now = timezone.now()
    long_ago = now - dt.timedelta(minutes=5)
    workers.beat("alive")
    WorkerBeat.objects.create(worker_id="dead", started_at=long_ago, seen_at=long_ago)
    lost = running(["dead"], long_ago)
    busy = running(["alive"], long_ago)
    young = running(["gone-without-a-beat"], now - dt.timedelta(seconds=5))

    found = workers.recover_lost_tasks()

    assert found.retried == [str(lost.pk)] and found.failed == []
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.READY and lost.started_at is None
    assert DBTaskResult.objects.ready().filter(pk=lost.pk).exists()
    for untouched in (busy, young):
        untouched.refresh_from_db()
        assert untouched.status == TaskResultStatus.RUNNING
    assert workers.recover_lost_tasks().retried == []


def test_it_fails_a_task_that_lost_its_worker_too_often():
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    result = running(["a", "b", "c"], long_ago)

    found = workers.recover_lost_tasks()

    assert found.failed == [str(result.pk)]
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path == workers.LOST
    assert "3 time(s)" in result.traceback


def test_a_heartbeat_keeps_its_worker_alive_and_forgets_it_on_stop():
    heartbeat = workers.Heartbeat("w1", every=3600)
    heartbeat.start()
    first = WorkerBeat.objects.get(worker_id="w1").seen_at
    heartbeat.stop()
    assert not WorkerBeat.objects.filter(worker_id="w1").exists()
    assert first <= timezone.now()

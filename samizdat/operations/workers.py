"""Task workers that die do not take their tasks with them.

django-tasks' database backend marks a task RUNNING when a worker claims it
and never looks at it again: a worker killed mid-task (OOM, a deploy, a power
cut) leaves it RUNNING for ever. Our worker (`manage.py worker`) writes a
heartbeat row every `TASK_HEARTBEAT_SECONDS`; the clock runs
`recover_lost_tasks` periodically, which puts back to READY every RUNNING task
whose worker has not been seen for `TASK_LEASE_SECONDS` (the lease), so the
next free worker runs it again. Our tasks are idempotent (ledgers, claims,
conditional updates), so a second run finishes what the first began. A task
lost `TASK_MAX_ATTEMPTS` times is marked FAILED with the reason, so a task
that kills its worker cannot loop for ever."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus, task_finished
from django_tasks_db.models import DBTaskResult

from .models import WorkerBeat

logger = logging.getLogger("samizdat.operations")

LOST = "samizdat.operations.workers.WorkerLost"


class WorkerLost(Exception):
    """The worker running a task stopped beating before the task finished."""


@dataclasses.dataclass(frozen=True)
class Recovery:
    retried: list[str]
    failed: list[str]


def beat(worker_id: str, started_at: dt.datetime | None = None) -> None:
    """Say that this worker is alive now."""
    now = timezone.now()
    updated = WorkerBeat.objects.filter(worker_id=worker_id).update(seen_at=now)
    if not updated:
        WorkerBeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={"seen_at": now, "started_at": started_at or now},
        )


def forget(worker_id: str) -> None:
    """A worker that stops cleanly removes its heartbeat."""
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


class Heartbeat:
    """A daemon thread that beats for `worker_id` until stopped; it dies with
    the process, which is the point."""

    def __init__(self, worker_id: str, every: float | None = None) -> None:
        self.worker_id = worker_id
        self.every = every or settings.TASK_HEARTBEAT_SECONDS
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"heartbeat-{worker_id}", daemon=True
        )

    def start(self) -> None:
        beat(self.worker_id)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.every + 5)
        forget(self.worker_id)

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.every):
                close_old_connections()
                try:
                    beat(self.worker_id)
                except Exception:  # noqa: BLE001 - a missed beat is retried next time
                    logger.warning("worker %s: heartbeat failed", self.worker_id)
        finally:
            connection.close()


def recover_lost_tasks(now: dt.datetime | None = None) -> Recovery:
    """Put tasks held by dead workers back in the queue (or fail them after
    `TASK_MAX_ATTEMPTS` losses). Safe to run anywhere, any number of times: each
    row changes only if it is still as this call read it."""
    now = now or timezone.now()
    stale = now - dt.timedelta(seconds=settings.TASK_LEASE_SECONDS)
    alive = set(
        WorkerBeat.objects.filter(seen_at__gte=stale).values_list(
            "worker_id", flat=True
        )
    )
    retried: list[str] = []
    failed: list[str] = []
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=stale
    ).only("id", "worker_ids", "started_at", "task_path")
    for result in running:
        worker = result.worker_ids[-1] if result.worker_ids else ""
        if worker in alive:
            continue
        same = DBTaskResult.objects.filter(
            pk=result.pk,
            status=TaskResultStatus.RUNNING,
            started_at=result.started_at,
        )
        if len(result.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
            changed = same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=LOST,
                traceback=(
                    f"WorkerLost: worker {worker} stopped during this task, "
                    f"{len(result.worker_ids)} time(s)\n"
                ),
            )
            if changed:
                failed.append(str(result.pk))
                logger.error(
                    "task %s %s failed: its worker was lost %d times",
                    result.pk,
                    result.task_path,
                    len(result.worker_ids),
                )
            continue
        if same.update(status=TaskResultStatus.READY, started_at=None, run_after=now):
            retried.append(str(result.pk))
            logger.warning(
                "task %s %s: worker %s lost, queued again",
                result.pk,
                result.task_path,
                worker,
            )
    WorkerBeat.objects.filter(seen_at__lt=now - dt.timedelta(days=1)).delete()
    return Recovery(retried=retried, failed=failed)


def log_failures() -> None:
    """Log one line per failed task (the traceback stays in the task's row)."""
    task_finished.connect(_log_failed_task, dispatch_uid="samizdat-task-failed")


def _log_failed_task(sender, task_result, **kwargs) -> None:
    if task_result.status != TaskResultStatus.FAILED:
        return
    errors = getattr(task_result, "errors", None) or []
    reason = errors[-1].exception_class_path if errors else "unknown error"
    logger.error(
        "task %s %s failed: %s", task_result.id, task_result.task.module_path, reason
    )

"""Whether this deployment can do its work, for a load balancer and a pager.

`/healthz` (django-health-check) answers 200 when every check passes and 500
with the failing check's one-line reason otherwise; it is never cached and
answers on every host. `/healthz/web` runs only what this app server needs
to serve readers (database, cache, disk), for a load balancer that should
keep a server in rotation while the background jobs are down. The checks of
our own: the task queue is moving (no task waiting longer than
HEALTH_TASK_BACKLOG_SECONDS), a task worker's heartbeat is fresh, the clock
enqueued a periodic task within HEALTH_CLOCK_SECONDS, and the disks holding
the database, media and backups have HEALTH_MIN_FREE_MB free. The task
checks read django-tasks' database backend; with the RQ backend they are
left out (watch RQ's own queue length)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from .models import WorkerBeat


def _seconds(delta: dt.timedelta) -> int:
    return int(delta.total_seconds())


def database_queue() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@dataclasses.dataclass
class TaskBacklog(HealthCheck):
    """Tasks due to run are being run: the oldest waiting one is not old."""

    def run(self) -> None:
        now = timezone.now()
        due = DBTaskResult.objects.ready()
        # A task is due from its enqueueing, or from its run_after when set
        # (a retry, a task recovered from a dead worker).
        since = [
            due.filter(run_after=get_date_max())
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first(),
            due.exclude(run_after=get_date_max())
            .order_by("run_after")
            .values_list("run_after", flat=True)
            .first(),
        ]
        known = [moment for moment in since if moment is not None]
        if not known:
            return
        waited = now - min(known)
        if waited > dt.timedelta(seconds=settings.HEALTH_TASK_BACKLOG_SECONDS):
            raise ServiceUnavailable(
                f"{due.count()} task(s) waiting, the oldest for {_seconds(waited)} s"
            )


@dataclasses.dataclass
class WorkerHeartbeat(HealthCheck):
    """At least one task worker beat within the lease."""

    def run(self) -> None:
        last = (
            WorkerBeat.objects.order_by("-seen_at")
            .values_list("seen_at", flat=True)
            .first()
        )
        if last is None:
            raise ServiceUnavailable("no task worker has ever beaten")
        silent = timezone.now() - last
        if silent > dt.timedelta(seconds=settings.TASK_LEASE_SECONDS):
            raise ServiceUnavailable(f"no task worker seen for {_seconds(silent)} s")


@dataclasses.dataclass
class ClockTick(HealthCheck):
    """The clock enqueued one of its periodic tasks lately."""

    def run(self) -> None:
        paths = [path for path, _every in settings.SAMIZDAT_PERIODIC_TASKS]
        last = (
            DBTaskResult.objects.filter(task_path__in=paths)
            .order_by("-enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
        if last is None:
            raise ServiceUnavailable("the clock has never enqueued a task")
        silent = timezone.now() - last
        if silent > dt.timedelta(seconds=settings.HEALTH_CLOCK_SECONDS):
            raise ServiceUnavailable(f"no clock tick for {_seconds(silent)} s")


@dataclasses.dataclass
class DiskSpace(HealthCheck):
    """The disks the site writes to have room left."""

    def run(self) -> None:
        need = settings.HEALTH_MIN_FREE_MB * 1024 * 1024
        for name, folder in disk_folders().items():
            free = shutil.disk_usage(folder).free
            if free < need:
                raise ServiceUnavailable(
                    f"{name}: {free // (1024 * 1024)} MB free, "
                    f"under {settings.HEALTH_MIN_FREE_MB} MB"
                )


def disk_folders() -> dict[str, Path]:
    """The nearest existing folder of each place the site writes to."""
    places: dict[str, Path] = {"var": Path(settings.VAR_DIR)}
    if isinstance(settings.MEDIA_ROOT, (str, Path)) and settings.MEDIA_ROOT:
        places["media"] = Path(settings.MEDIA_ROOT)
    places["backups"] = Path(settings.BACKUP_DIR)
    name = settings.DATABASES["default"].get("NAME")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and name:
        if str(name) != ":memory:":
            places["database"] = Path(str(name)).parent
    found = {}
    for label, path in places.items():
        while not path.exists() and path != path.parent:
            path = path.parent
        found[label] = path
    return found


WEB = (
    "health_check.checks.Database",
    "health_check.checks.Cache",
    DiskSpace,
)
JOBS = (TaskBacklog, WorkerHeartbeat, ClockTick)


class Health(HealthCheckView):
    """Plain text by default (`?format=json` or `Accept: application/json` for
    JSON): a load balancer reads the status, a person reads the reason."""

    web_only = False

    def get_checks(self):
        self.checks = WEB if self.web_only or not database_queue() else WEB + JOBS
        return super().get_checks()

    async def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = await super().get(request, *args, **kwargs)
        if response["Content-Type"].startswith(("application/json", "text/plain")):
            return response
        status = 500 if any(result.error for result in self.results) else 200
        return self.render_to_response_text(status)

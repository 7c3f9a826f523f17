"""Periodic jobs of running the site, enqueued by the clock."""

from __future__ import annotations

from django_tasks import task

from . import workers


@task()
def recover_lost_tasks() -> dict[str, list[str]]:
    """Periodic: queue again what dead workers left RUNNING."""
    found = workers.recover_lost_tasks()
    return {"retried": found.retried, "failed": found.failed}

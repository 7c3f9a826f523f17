"""Periodic staff housekeeping, enqueued by `manage.py clock`."""

from __future__ import annotations

from django_tasks import task

from samizdat.staff import audit


@task()
def prune_staff_log() -> int:
    """Forget sign-in records past their retention; idempotent."""
    return audit.prune()

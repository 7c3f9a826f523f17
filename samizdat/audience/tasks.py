"""Periodic audience jobs, enqueued by `manage.py clock`."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def fold_counts() -> int:
    """Fold buffered hits into hourly buckets. Idempotent: see services.fold."""
    return services.fold()


@task()
def rank_popular_posts() -> dict[str, int]:
    """Recompute Popular Posts of every edition; running twice changes nothing."""
    return {str(k): v for k, v in services.rank_popular().items()}

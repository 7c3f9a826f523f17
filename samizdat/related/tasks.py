from __future__ import annotations

from django_tasks import task

from . import services


@task()
def refresh_related(article_id: int) -> int:
    """Refresh the related lists touched by one piece (idempotent)."""
    return services.refresh(article_id)


@task()
def rebuild_related() -> int:
    """Rebuild every related list, once, after a bulk load (idempotent)."""
    return services.rebuild_all()

"""Periodic jobs of running the site, enqueued by the clock."""

from __future__ import annotations

from django_tasks import task
from wagtail.models import Page

from samizdat.people.models import Person

from . import backups, purge, workers


@task()
def recover_lost_tasks() -> dict[str, list[str]]:
    """Periodic: queue again what dead workers left RUNNING."""
    found = workers.recover_lost_tasks()
    return {"retried": found.retried, "failed": found.failed}


@task()
def purge_page(page_id: int) -> int:
    """Purge every cached URL that shows this page (or section)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    return purge.purge(purge.urls_showing(page))


@task()
def purge_person(person_id: int) -> int:
    """Purge a person's pages and every piece with their byline."""
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        return 0
    return purge.purge(purge.urls_of_person(person))


@task()
def scheduled_backup() -> str:
    """Periodic: a backup once the newest is BACKUP_INTERVAL_HOURS old."""
    made = backups.backup_if_due()
    return str(made.path) if made else ""

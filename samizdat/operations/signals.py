"""What operations does when content changes: purge the front cache. During
a bulk load (an import) nothing is purged per page; the load's end purges each
listing it filled, each page it changed and each person it bylined, once."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from samizdat.core import bulk
from samizdat.people.models import Person

from . import purge
from .tasks import purge_page, purge_person

# Ahead of the search index and related lists that the same publish queues:
# readers should see a correction before anything else is refreshed.
PURGE_PRIORITY = 50


@receiver(page_published)
@receiver(page_unpublished)
def purge_changed_page(sender, instance, **kwargs) -> None:
    """Publish, unpublish, a correction (a new revision) or a scheduled
    go-live: purge what shows the page, from a task, once committed."""
    if not purge.enabled() or bulk.active():
        return
    page_id = instance.pk
    transaction.on_commit(
        lambda: purge_page.using(priority=PURGE_PRIORITY).enqueue(page_id)
    )


@receiver(post_save, sender=Person)
def purge_changed_person(sender, instance, **kwargs) -> None:
    if not purge.enabled() or bulk.active():
        return
    person_id = instance.pk
    transaction.on_commit(
        lambda: purge_person.using(priority=PURGE_PRIORITY).enqueue(person_id)
    )


@receiver(bulk.loaded)
def purge_after_bulk_load(sender, updated=(), sections=(), people=(), **kwargs) -> None:
    """New pages were in no cache; what lists them and what changed was."""
    if not purge.enabled():
        return
    page_ids = list(dict.fromkeys([*sections, *updated]))
    person_ids = list(people)

    def enqueue() -> None:
        for page_id in page_ids:
            purge_page.using(priority=PURGE_PRIORITY).enqueue(page_id)
        for person_id in person_ids:
            purge_person.using(priority=PURGE_PRIORITY).enqueue(person_id)

    transaction.on_commit(enqueue)

"""What operations does when content changes: purge the front cache."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

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
    if not purge.enabled():
        return
    page_id = instance.pk
    transaction.on_commit(
        lambda: purge_page.using(priority=PURGE_PRIORITY).enqueue(page_id)
    )


@receiver(post_save, sender=Person)
def purge_changed_person(sender, instance, **kwargs) -> None:
    if not purge.enabled():
        return
    person_id = instance.pk
    transaction.on_commit(
        lambda: purge_person.using(priority=PURGE_PRIORITY).enqueue(person_id)
    )

"""Publishing, unpublishing or deleting a piece queues the refresh of the
related lists it touches, after the transaction commits. A bulk load (an
import) queues one rebuild of every list when it is done instead."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from samizdat.articles.models import ArticlePage
from samizdat.core import bulk

from . import queries
from .tasks import rebuild_related, refresh_related


def enqueue_refresh(article_id: int) -> None:
    transaction.on_commit(lambda: refresh_related.enqueue(article_id))


@receiver(page_published)
@receiver(page_unpublished)
def refresh_on_change(sender, instance, **kwargs) -> None:
    if issubclass(sender, ArticlePage) and not bulk.active():
        enqueue_refresh(instance.pk)


@receiver(pre_delete)
def refresh_before_delete(sender, instance, **kwargs) -> None:
    """The lists that showed a piece about to disappear are refreshed."""
    if isinstance(sender, type) and issubclass(sender, ArticlePage):
        for article_id in queries.listing(instance.pk):
            enqueue_refresh(article_id)


@receiver(bulk.loaded)
def rebuild_after_bulk_load(sender, pages, **kwargs) -> None:
    if pages:
        transaction.on_commit(rebuild_related.enqueue)

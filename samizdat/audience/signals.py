from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .models import AudienceSettings
from .queries import forget_page, forget_popular
from .tasks import rank_popular_posts


@receiver(page_published)
@receiver(page_unpublished)
def forget_liveness(sender, instance=None, **kwargs) -> None:
    """This process stops (or starts) counting a page at once. (Counts of a
    deleted page are dropped when the buffer is folded.)"""
    if isinstance(instance, Page):
        forget_page(instance.pk)
        forget_popular()


@receiver(post_save, sender=AudienceSettings)
def rerank_on_new_window(sender, **kwargs) -> None:
    """A changed window shows in Popular Posts at the next worker run."""
    transaction.on_commit(rank_popular_posts.enqueue)

from __future__ import annotations

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .queries import forget_page


@receiver(page_published)
@receiver(page_unpublished)
def forget_liveness(sender, instance=None, **kwargs) -> None:
    """This process stops (or starts) counting a page at once. (Counts of a
    deleted page are dropped when the buffer is folded.)"""
    if isinstance(instance, Page):
        forget_page(instance.pk)

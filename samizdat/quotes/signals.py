"""Publishing or unpublishing a piece rewrites its rows in the quotation
record at once, in the same transaction: a piece's quotations appear with it
and disappear with it, never from a draft. One piece's rows cost a delete and
an insert, so this runs now rather than on the worker."""

from __future__ import annotations

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from samizdat.articles.models import ArticlePage

from . import services


@receiver(page_published)
def record_on_publish(sender, instance, **kwargs) -> None:
    if isinstance(sender, type) and issubclass(sender, ArticlePage):
        services.record(instance.pk)


@receiver(page_unpublished)
def forget_on_unpublish(sender, instance, **kwargs) -> None:
    # Not `record`: Wagtail also sends this signal while deleting a live page,
    # before the row is gone and with `live` changed in memory only, so
    # reading the page back would write its rows again behind the deletion.
    if isinstance(sender, type) and issubclass(sender, ArticlePage):
        services.forget(instance.pk)

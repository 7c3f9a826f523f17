from __future__ import annotations

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from samizdat.articles.models import ArticlePage

from . import queries, services


@receiver(page_published)
@receiver(page_unpublished)
def refresh_on_change(sender, instance, **kwargs) -> None:
    if issubclass(sender, ArticlePage):
        services.schedule_refresh(instance.pk)


@receiver(pre_delete)
def refresh_before_delete(sender, instance, **kwargs) -> None:
    if isinstance(sender, type) and issubclass(sender, ArticlePage):
        services.forget(queries.listing(instance.pk))

from __future__ import annotations

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from samizdat.core import routing

from . import navigation
from .models import ArticlePage, AuthorIndexPage, HomePage, SectionPage, TagIndexPage


@receiver(post_page_move)
def keep_section_in_step(sender, instance, parent_page_after, **kwargs) -> None:
    """A piece moved to another section belongs to that section."""
    if not issubclass(sender, ArticlePage):
        return
    section_id = (
        parent_page_after.pk
        if parent_page_after.specific_class is SectionPage
        else None
    )
    ArticlePage.objects.filter(pk=instance.pk).update(section_id=section_id)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete)
def forget_navigation(sender, **kwargs) -> None:
    if sender in (HomePage, SectionPage, AuthorIndexPage, TagIndexPage):
        navigation.forget()
        routing.forget_roots()

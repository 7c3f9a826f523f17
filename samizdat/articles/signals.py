from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    copy_for_translation_done,
    init_new_page,
    page_published,
    page_unpublished,
    post_page_move,
)

from samizdat.core import sites
from samizdat.people.models import Person

from . import navigation, rendering, translating
from .models import (
    ArticlePage,
    AuthorIndexPage,
    HomePage,
    SectionPage,
    Tag,
    TagIndexPage,
)


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


@receiver(init_new_page)
def preselect_section_kind(sender, page, parent, **kwargs) -> None:
    """A piece added under a section starts as that section's default kind
    (Opinion preselects opinion); a caricature is always opinion."""
    if type(page) is ArticlePage and parent.specific_class is SectionPage:
        page.kind = parent.specific.default_kind


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete)
def forget_navigation(sender, **kwargs) -> None:
    if sender in (HomePage, SectionPage, AuthorIndexPage, TagIndexPage):
        navigation.forget()
        sites.forget_roots()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_save, sender=Person)
@receiver(post_save, sender=get_image_model())
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete)
def stale_rendered_bodies(sender, **kwargs) -> None:
    """What was rendered from a piece earlier may show a person's old name,
    an image's old file, a tag's old name or a page's old address, and a
    piece's view restrictions may have changed: every process renders afresh
    (`rendering.per_revision`)."""
    if sender in (Person, get_image_model(), Tag, PageViewRestriction) or (
        isinstance(sender, type) and issubclass(sender, Page)
    ):
        rendering.bump_generation()


@receiver(copy_for_translation_done)
def carry_over_to_translation(sender, source_obj, target_obj, **kwargs) -> None:
    """A translated piece is signed by the target edition's people and tagged
    with its tags (`translating.carry_over`)."""
    if isinstance(target_obj, ArticlePage):
        translating.carry_over(target_obj)

from __future__ import annotations

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import (
    copy_for_translation_done,
    init_new_page,
    page_published,
    page_unpublished,
    post_page_move,
)

from samizdat.core import sites
from samizdat.people.models import Person

from . import navigation
from .models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    HomePage,
    SectionPage,
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


@receiver(copy_for_translation_done)
def sign_translation_with_translated_people(sender, source_obj, target_obj, **kwargs):
    """A translated piece keeps its authors, by their names in the new edition.

    Wagtail copies the bylines as they are; where a person has a translation
    in the target edition, the copy is signed with it instead."""
    if not isinstance(target_obj, ArticlePage):
        return
    bylines = list(ArticleAuthor.objects.filter(article=target_obj))
    translated = {
        person.translation_key: person.pk
        for person in Person.objects.filter(
            locale_id=target_obj.locale_id,
            translation_key__in=[b.person.translation_key for b in bylines],
        )
    }
    mapping = {}
    for byline in bylines:
        new_pk = translated.get(byline.person.translation_key)
        if new_pk and new_pk != byline.person_id:
            mapping[byline.person_id] = new_pk
            byline.person_id = new_pk
            byline.save(update_fields=["person"])
    revision = target_obj.latest_revision
    if mapping and revision is not None:
        for item in revision.content.get("article_authors", []):
            item["person"] = mapping.get(item.get("person"), item.get("person"))
        revision.save(update_fields=["content"])

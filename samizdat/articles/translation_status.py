"""Where a piece exists and which of its translations lag behind.

A piece and its translations share Wagtail's translation key. The source is
the one made first (the lowest page id: a translation is always copied from a
piece that already exists). A translation is *out of date* when its source
was published again (a correction, an edit) after the translation's latest
revision: the translator has not looked at it since. Reads only; uses the
page's own API so that the admin panel here can sit below the page models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.models import Locale, Page

from samizdat.editions.conf import edition_for


@dataclass(frozen=True)
class EditionCopy:
    """One edition of a piece, as the admin panel lists it."""

    code: str
    name: str
    page_id: int | None
    edit_url: str | None
    live: bool
    is_source: bool
    out_of_date: bool
    is_this: bool


def touched_at(page: Page) -> dt.datetime | None:
    """When someone last saved or published this page."""
    return page.latest_revision_created_at or page.last_published_at


def is_out_of_date(translation: Page, source: Page) -> bool:
    """Whether `source` was published after `translation` was last touched."""
    if translation.pk == source.pk or source.last_published_at is None:
        return False
    touched = touched_at(translation)
    return touched is None or touched < source.last_published_at


def family(page: Page) -> list[Page]:
    """The page and its translations, source first."""
    return list(
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("pk")
    )


def editions_of(page: Page) -> list[EditionCopy]:
    """Every edition, with this piece's copy there (or none)."""
    pages = family(page) if page.pk else [page]
    source = pages[0]
    by_locale = {p.locale_id: p for p in pages}
    copies = []
    for locale in Locale.objects.order_by("pk"):
        found = by_locale.get(locale.pk)
        edition = edition_for(locale.language_code)
        copies.append(
            EditionCopy(
                code=edition.code,
                name=edition.name,
                page_id=found.pk if found else None,
                edit_url=(
                    reverse("wagtailadmin_pages:edit", args=[found.pk])
                    if found is not None and found.pk
                    else None
                ),
                live=bool(found and found.live),
                is_source=found is not None and found.pk == source.pk,
                out_of_date=found is not None and is_out_of_date(found, source),
                is_this=found is not None and found.pk == page.pk,
            )
        )
    return copies


def left_to_translate(page: Any) -> tuple[list[str], list[str]]:
    """Names in the byline and tags of a translation still written as in its
    source: people added to this edition by the translation, tags editors
    have not named in this edition yet."""
    pages = family(page) if page.pk else []
    if not pages or pages[0].pk == page.pk:
        return [], []
    source = pages[0].specific
    source_names = {
        a.person.translation_key: a.person.name for a in source.article_authors.all()
    }
    people = [
        a.person.name
        for a in page.article_authors.all()
        if a.person.locale_id == page.locale_id
        and source_names.get(a.person.translation_key) == a.person.name
    ]
    source_tags = {t.name for t in source.tags.all()}
    tags = [t.name for t in page.tags.all() if t.name in source_tags]
    return people, tags


class TranslationsPanel(Panel):
    """Shows, on a piece's edit page, which editions it exists in, whether a
    translation is older than its source's last published change, and what
    of a translation is still in the source's language."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/panels/translations.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            people, tags = left_to_translate(page)
            context.update(
                editions=editions_of(page),
                people_to_translate=people,
                tags_to_translate=tags,
                tag_translations_url=reverse(
                    "wagtailsnippets_articles_tagtranslation:list"
                ),
            )
            return context

"""The masthead and footer links of an edition, cached briefly.

Every reader page shows them, so they are read once per edition and kept in
the cache for NAV_SECONDS; publishing, moving or unpublishing a page clears
them (see signals)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import Locale

from samizdat.editions.conf import current_code

from .models import (
    ArticlePage,
    AuthorIndexPage,
    HomePage,
    ItemIndexPage,
    SectionPage,
    TagIndexPage,
)

NAV_SECONDS = 60


@dataclass(frozen=True)
class SectionLink:
    """What pages show of a section: enough to link to it and label pieces."""

    pk: int
    title: str
    url: str
    default_kind: str


@dataclass
class Navigation:
    """An edition's masthead and footer links, and its sections by id."""

    locale_id: int | None = None
    home_url: str = "/"
    sections: list[SectionLink] = field(default_factory=list)
    section_map: dict[int, SectionLink] = field(default_factory=dict)
    authors_url: str = ""
    tags_url: str = ""
    # A digest of the links: parts of pages rendered from this navigation
    # are cached under it (articles.rendering), so none outlives the links it
    # showed, and a rebuild that finds the same links keeps them.
    stamp: str = ""

    def seal(self) -> Navigation:
        links = (
            self.locale_id,
            self.home_url,
            self.sections,
            sorted(self.section_map.items()),
            self.authors_url,
            self.tags_url,
        )
        digest = hashlib.sha1(repr(links).encode(), usedforsecurity=False)
        self.stamp = digest.hexdigest()[:16]
        return self


def _key(language: str) -> str:
    return f"samizdat:nav:3:{language}"


def edition_nav(request) -> Navigation:
    language = current_code()
    memo = getattr(request, "_samizdat_nav", None)
    if memo is not None:
        return memo
    nav = cache.get(_key(language))
    if nav is None:
        nav = _build(request, language)
        cache.set(_key(language), nav, NAV_SECONDS)
    request._samizdat_nav = nav
    return nav


def _build(request, language: str) -> Navigation:
    locale = Locale.objects.filter(language_code=language).first()
    nav = Navigation()
    if locale is None:
        return nav.seal()
    nav.locale_id = locale.pk
    home = (
        HomePage.objects.live().filter(locale=locale).select_related("locale").first()
    )
    if home is not None:
        nav.home_url = home.get_url(request)
    in_menu = []
    for section in SectionPage.of_edition(locale, menu_only=False):
        link = SectionLink(
            pk=section.pk,
            title=section.title,
            url=section.get_url(request),
            default_kind=section.default_kind,
        )
        nav.section_map[section.pk] = link
        if section.show_in_menus:
            in_menu.append(link)
    nav.sections = in_menu
    indexes = index_pages(locale.pk)
    if indexes["authors"]:
        nav.authors_url = indexes["authors"].get_url(request)
    if indexes["tags"]:
        nav.tags_url = indexes["tags"].get_url(request)
    return nav.seal()


def index_pages(locale_id: int) -> dict[str, ItemIndexPage | None]:
    """The author and tag index pages of an edition, for byline and tag links."""
    return {
        "authors": AuthorIndexPage.of_edition(locale_id),
        "tags": TagIndexPage.of_edition(locale_id),
    }


def section_of(request, page: ArticlePage) -> SectionLink | SectionPage | None:
    """The section a piece belongs to, from the cached navigation when the
    piece is in the edition being read (always, on reader pages)."""
    if page.section_id is None:
        return None
    nav = edition_nav(request)
    if nav.locale_id == page.locale_id:
        link = nav.section_map.get(page.section_id)
        if link is not None:
            return link
    return SectionPage.objects.filter(pk=page.section_id).first()


def forget() -> None:
    """Drop cached navigation of every edition (after a change of pages)."""
    cache.delete_many(
        [_key(code) for code in Locale.objects.values_list("language_code", flat=True)]
    )

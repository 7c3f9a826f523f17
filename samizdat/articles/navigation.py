"""The masthead and footer links of an edition, cached briefly.

Every reader page shows them, so they are read once per edition and kept in
the cache for NAV_SECONDS; publishing, moving or unpublishing a page clears
them (see signals)."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from . import queries
from .models import HomePage

NAV_SECONDS = 60


def _key(language: str) -> str:
    return f"samizdat:nav:{language}"


def edition_nav(request) -> dict:
    language = (get_language() or "en").split("-")[0]
    memo = getattr(request, "_samizdat_nav", None)
    if memo is not None:
        return memo
    nav = cache.get(_key(language))
    if nav is None:
        nav = _build(request, language)
        cache.set(_key(language), nav, NAV_SECONDS)
    request._samizdat_nav = nav
    return nav


def _build(request, language: str) -> dict:
    locale = Locale.objects.filter(language_code=language).first()
    nav = {
        "locale_id": None,
        "home_url": "/",
        "sections": [],
        "authors_url": "",
        "tags_url": "",
    }
    if locale is None:
        return nav
    nav["locale_id"] = locale.pk
    home = (
        HomePage.objects.live().filter(locale=locale).select_related("locale").first()
    )
    if home is not None:
        nav["home_url"] = home.get_url(request)
    nav["sections"] = [
        {"pk": s.pk, "title": s.title, "url": s.get_url(request)}
        for s in queries.sections(locale)
    ]
    indexes = queries.index_pages(locale.pk)
    if indexes["authors"]:
        nav["authors_url"] = indexes["authors"].get_url(request)
    if indexes["tags"]:
        nav["tags_url"] = indexes["tags"].get_url(request)
    return nav


def forget() -> None:
    """Drop cached navigation of every edition (after a change of pages)."""
    cache.delete_many(
        [_key(code) for code in Locale.objects.values_list("language_code", flat=True)]
    )

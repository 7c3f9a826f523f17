"""Reads shared by every reader page: editions, alternates, navigation."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from samizdat.editions.conf import Edition, all_editions, edition_for


def alternates(page: Page, request: HttpRequest) -> list[dict]:
    """The page in every edition that has it, for hreflang and the switcher.

    Editions without a translation point to their home page, so the language
    switcher always leads somewhere."""
    pages = {
        p.locale.language_code: p
        for p in Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }
    result = []
    missing = [e.code for e in all_editions() if e.code not in pages]
    homes = {}
    if missing:
        site = Site.find_for_request(request)
        root = site.root_page if site else None
        if root is not None:
            homes = {
                p.locale.language_code: p
                for p in Page.objects.live()
                .filter(
                    translation_key=root.translation_key,
                    locale__language_code__in=missing,
                )
                .select_related("locale")
            }
    for edition in all_editions():
        target = pages.get(edition.code) or homes.get(edition.code)
        if target is None:
            continue
        result.append(
            {
                "edition": edition,
                "url": target.get_url(request),
                "full_url": absolute_url(target.get_url(request)),
                "is_translation": edition.code in pages,
                "is_current": target.pk == page.pk,
            }
        )
    return result


def locale_for(edition: Edition | None = None) -> Locale:
    edition = edition or edition_for()
    return Locale.objects.get(language_code=edition.code)


def absolute_url(url: str) -> str:
    """An absolute URL on the canonical site (BASE_URL), for canonical,
    hreflang, og:url, feeds and mail; never for links inside pages."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.BASE_URL + url

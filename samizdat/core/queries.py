"""Reads shared by every reader page: editions, alternates, navigation."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Locale, Page

from samizdat.editions.conf import Edition, all_editions, edition_for

from .sites import edition_homes


@dataclass(frozen=True)
class Alternate:
    """One edition's version of the page being read, for hreflang, the
    canonical link and the language switcher."""

    edition: Edition
    url: str
    full_url: str
    is_translation: bool
    is_current: bool


def alternates(page: Page, request: HttpRequest) -> list[Alternate]:
    """The page in every edition that has it, for hreflang and the switcher.

    Editions without a translation point to their home page, so the language
    switcher always leads somewhere."""
    pages = {
        p.locale.language_code: p
        for p in Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }
    homes = edition_homes(request)
    result = []
    for edition in all_editions():
        target = pages.get(edition.code)
        url = target.get_url(request) if target else homes.get(edition.code)
        if not url:
            continue
        result.append(
            Alternate(
                edition=edition,
                url=url,
                full_url=absolute_url(url),
                is_translation=target is not None,
                is_current=target is not None and target.pk == page.pk,
            )
        )
    return result


def translations_at(
    urls: dict[str, str], current: str | None = None
) -> list[Alternate]:
    """Alternates for a page every listed edition has, at the given URLs
    (edition code → URL), in the editions' order; `current` (default: the
    edition being read) is the one on screen."""
    current = current or edition_for().code
    return [
        Alternate(
            edition=edition,
            url=urls[edition.code],
            full_url=absolute_url(urls[edition.code]),
            is_translation=True,
            is_current=edition.code == current,
        )
        for edition in all_editions()
        if edition.code in urls
    ]


def locale_for(edition: Edition | None = None) -> Locale:
    edition = edition or edition_for()
    return Locale.objects.get(language_code=edition.code)


def absolute_url(url: str) -> str:
    """An absolute URL on the canonical site (BASE_URL), for canonical,
    hreflang, og:url, feeds and mail; never for links inside pages."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.BASE_URL + url

"""The site and its edition roots, cached: what routing and the language
switcher read on every request.

Only models are imported here (no view), so any module, page models
included, may import it while Django loads."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Page, Site

ROOTS_KEY = "samizdat:edition-roots"
HOMES_KEY = "samizdat:edition-homes"
ROOTS_SECONDS = 300


def single_site() -> tuple[Site, dict[str, str]] | None:
    """The only site and the url_path of every edition's home page on it,
    or None when several sites exist (then Wagtail routes as usual)."""
    found = cache.get(ROOTS_KEY)
    if found is None:
        sites = list(Site.objects.select_related("root_page")[:2])
        if len(sites) != 1:
            found = ()
        else:
            root = sites[0].root_page
            roots = dict(
                Page.objects.filter(translation_key=root.translation_key).values_list(
                    "locale__language_code", "url_path"
                )
            )
            found = (sites[0], roots)
        cache.set(ROOTS_KEY, found, ROOTS_SECONDS)
    return found or None


def edition_homes(request: HttpRequest) -> dict[str, str]:
    """The URL of every edition's home page, for links to an edition that
    has no translation of the page being read."""
    homes = cache.get(HOMES_KEY)
    if homes is None:
        site = Site.find_for_request(request)
        homes = {}
        if site is not None:
            for page in (
                Page.objects.live()
                .filter(translation_key=site.root_page.translation_key)
                .select_related("locale")
            ):
                homes[page.locale.language_code] = page.get_url(request)
        cache.set(HOMES_KEY, homes, ROOTS_SECONDS)
    return homes


def forget_roots() -> None:
    """Drop the cached site and edition homes (after a change of pages)."""
    cache.delete_many([ROOTS_KEY, HOMES_KEY])

"""A short way from a URL to an article, in one query.

Wagtail routes a request by walking the tree one level at a time (two
queries a level). Articles are the pages readers load most, so for them we
look the page up by its stored `url_path` under the edition's root, then hand
the result to Wagtail's own `serve`, which runs every `before_serve_page`
hook (view restrictions included) as usual. Anything the short way does not
find goes down Wagtail's normal route."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

ROOTS_KEY = "samizdat:edition-roots"
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


HOMES_KEY = "samizdat:edition-homes"


def edition_homes(request) -> dict[str, str]:
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
    cache.delete_many([ROOTS_KEY, HOMES_KEY])


def _article_route(request, path: str) -> RouteResult | None:
    from samizdat.articles.models import ArticlePage

    components = [c for c in path.split("/") if c]
    if len(components) != 2:
        return None
    found = single_site()
    language = (get_language() or "").split("-")[0]
    if not found or language not in found[1]:
        return None
    site, roots = found
    url_path = roots[language] + "/".join(components) + "/"
    page = (
        ArticlePage.objects.filter(url_path=url_path, live=True)
        .select_related("locale")
        .first()
    )
    if page is None:
        return None
    if page.content_type_id != ArticlePage.content_type_id_cached():
        page = page.specific
    request._wagtail_site = site
    return RouteResult(page)


def serve(request, path: str):
    """Wagtail's serve, with articles found in one query."""
    if not hasattr(request, "_wagtail_route_for_request"):
        route = _article_route(request, path)
        if route is not None:
            request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)

"""A short way from a URL to an article, in one query.

Wagtail routes a request by walking the tree one level at a time (two
queries a level). Articles are the pages readers load most, so for them we
look the page up by its stored `url_path` under the edition's root (its
section comes from the cached navigation, not a join: a joined section
page adds some thirty columns to build on every view), then hand
the result to Wagtail's own `serve`, which runs every `before_serve_page`
hook (view restrictions included) as usual. Anything the short way does not
find goes down Wagtail's normal route."""

from __future__ import annotations

from django.db.models import Subquery
from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.url_routing import RouteResult

from samizdat.core.sites import single_site
from samizdat.editions.conf import current_code

from . import rendering
from .models import ArticlePage


def _article_route(request: HttpRequest, path: str) -> RouteResult | None:
    components = [c for c in path.split("/") if c]
    if len(components) != 2:
        return None
    found = single_site()
    language = current_code()
    if not found or language not in found[1]:
        return None
    site, roots = found
    url_path = roots[language] + "/".join(components) + "/"
    # A url_path names one page: no ordering to build or sort by.
    page = next(
        iter(
            ArticlePage.objects.filter(url_path=url_path, live=True)
            .select_related("locale")
            .annotate(render_generation=Subquery(rendering.generation_query()))
            .order_by()[:1]
        ),
        None,
    )
    if page is None:
        return None
    if page.content_type_id != ArticlePage.content_type_id_cached():
        generation, page = page.render_generation, page.specific
        page.render_generation = generation
    request._wagtail_site = site  # type: ignore[attr-defined]
    return RouteResult(page)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's serve, with articles found in one query."""
    if not hasattr(request, "_wagtail_route_for_request"):
        route = _article_route(request, path)
        if route is not None:
            request._wagtail_route_for_request = route  # type: ignore[attr-defined]
    return wagtail_views.serve(request, path)

"""Feeds, sitemaps, robots.txt and security.txt: cheap, cacheable documents."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.models import Locale

from samizdat.core.queries import absolute_url
from samizdat.editions.conf import all_editions, current_code, edition_for

from . import formats, queries

CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


def cacheable(response: HttpResponse) -> HttpResponse:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.SAMIZDAT_FEED_MAX_AGE,
        s_maxage=settings.SAMIZDAT_FEED_SHARED_MAX_AGE,
    )
    return response


def _locale() -> Locale:
    locale = Locale.objects.filter(language_code=current_code()).first()
    if locale is None:
        raise Http404
    return locale


def feed(request: HttpRequest, fmt: str, kind: str = "edition", slug: str = ""):
    """A full-text feed of an edition, section, author or tag."""
    scope = queries.feed_scope(request, _locale(), kind, slug)
    items = formats.build_items(request, scope, queries.feed_items(scope.items))
    if fmt == "json":
        body = formats.json_feed(request, scope, items)
    else:
        body = formats.syndication(fmt, request, scope, items)
    return cacheable(HttpResponse(body, content_type=CONTENT_TYPES[fmt]))


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The sitemaps of every edition and their Google News sitemaps."""
    maps = []
    for edition in all_editions():
        for name in ("sitemap.xml", "news-sitemap.xml"):
            maps.append(absolute_url(f"/{edition.code}/{name}"))
    body = render_to_string("feeds/sitemap_index.xml", {"maps": maps})
    return cacheable(HttpResponse(body, content_type="application/xml"))


def sitemap(request: HttpRequest) -> HttpResponse:
    """Every page of the edition with its translations as hreflang alternates."""
    entries = queries.sitemap_entries(request, _locale())
    body = render_to_string("feeds/sitemap.xml", {"entries": entries})
    return cacheable(HttpResponse(body, content_type="application/xml"))


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """The last two days' pieces in Google News sitemap form."""
    locale = _locale()
    entries = [
        {
            "loc": absolute_url(piece.get_url(request)),
            "title": piece.title,
            "published": piece.first_published_at,
        }
        for piece in queries.recent_news(locale)
    ]
    body = render_to_string(
        "feeds/news_sitemap.xml",
        {
            "entries": entries,
            "publication": edition_for(locale.language_code).site_name,
            "language": locale.language_code,
        },
    )
    return cacheable(HttpResponse(body, content_type="application/xml"))


def robots(request: HttpRequest) -> HttpResponse:
    body = render_to_string(
        "feeds/robots.txt", {"sitemap": absolute_url("/sitemap.xml")}
    )
    return cacheable(HttpResponse(body, content_type="text/plain; charset=utf-8"))


def security_txt(request: HttpRequest) -> HttpResponse:
    """RFC 9116 contact details; Expires moves with the clock, a year ahead."""
    expires = (timezone.now() + dt.timedelta(days=365)).replace(microsecond=0)
    body = render_to_string(
        "feeds/security.txt",
        {
            "contact": settings.SAMIZDAT_SECURITY_CONTACT,
            "policy": settings.SAMIZDAT_SECURITY_POLICY,
            "expires": expires.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "languages": ", ".join(e.code for e in all_editions()),
            "canonical": absolute_url("/.well-known/security.txt"),
        },
    )
    return cacheable(HttpResponse(body, content_type="text/plain; charset=utf-8"))

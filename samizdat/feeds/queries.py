"""Reads for feeds and sitemaps: a fixed number of queries per document,
whatever the number of items, authors or tags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Page

from samizdat.articles import navigation
from samizdat.articles import queries as articles
from samizdat.articles.models import (
    ArticlePage,
    ArticlePageTag,
    CaricaturePage,
    SectionPage,
    Tag,
)
from samizdat.core.queries import absolute_url
from samizdat.people.models import Person

FEED_SIZE = 20
NEWS_SITEMAP_DAYS = 2


@dataclass
class FeedScope:
    """What one feed covers: a whole edition, or a section, author or tag."""

    locale: Locale
    kind: str
    title: str
    link: str
    items: QuerySet[ArticlePage]
    slug: str = ""
    extra: dict = field(default_factory=dict)


def feed_scope(
    request: HttpRequest, locale: Locale, kind: str, slug: str = ""
) -> FeedScope:
    """The pieces and page of a feed; 404 for an unknown section, author or tag."""
    pieces = articles.published(locale)
    indexes = navigation.index_pages(locale.pk)
    if kind == "edition":
        home = Page.objects.live().filter(locale=locale, depth=2).first()
        link = home.get_url(request) if home else "/"
        return FeedScope(locale, kind, "", link, pieces)
    if kind == "section":
        section = (
            SectionPage.objects.live()
            .filter(locale=locale, slug=slug)
            .select_related("locale")
            .first()
        )
        if section is None:
            raise Http404
        return FeedScope(
            locale,
            kind,
            section.title,
            section.get_url(request),
            pieces.filter(section=section),
            slug,
        )
    if kind == "author":
        person = Person.objects.filter(locale=locale, slug=slug).first()
        index = indexes["authors"]
        if person is None or index is None:
            raise Http404
        return FeedScope(
            locale,
            kind,
            person.byline_name,
            index.author_url(request, person.slug),
            pieces.filter(article_authors__person=person).distinct(),
            slug,
        )
    if kind == "tag":
        tag = Tag.objects.filter(slug=slug).first()
        index = indexes["tags"]
        if tag is None or index is None:
            raise Http404
        return FeedScope(
            locale,
            kind,
            tag.name,
            index.tag_url(request, tag.slug),
            pieces.filter(tagged_items__tag=tag).distinct(),
            slug,
        )
    raise Http404


def feed_items(queryset: QuerySet[ArticlePage], size: int = FEED_SIZE) -> list:
    """The newest pieces with authors, tags and cartoons fetched in bulk."""
    items = list(
        articles.as_cards(queryset).prefetch_related(
            Prefetch(
                "tagged_items",
                queryset=ArticlePageTag.objects.select_related("tag"),
            )
        )[:size]
    )
    cartoons = {
        c.pk: c
        for c in CaricaturePage.objects.filter(
            pk__in=[i.pk for i in items]
        ).select_related("cartoon")
    }
    for item in items:
        item.caricature = cartoons.get(item.pk)
    return items


def sitemap_entries(request: HttpRequest, locale: Locale) -> list[dict]:
    """Every live public page of an edition with its translations' URLs."""
    pages = list(
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .only(
            "id",
            "path",
            "depth",
            "url_path",
            "translation_key",
            "locale",
            "last_published_at",
        )
        .order_by("path")
    )
    by_key: dict = {}
    for page in pages:
        by_key.setdefault(page.translation_key, []).append(page)
    entries = []
    for page in pages:
        if page.locale_id != locale.pk:
            continue
        url = page.get_url(request)
        if not url:
            continue
        versions = by_key[page.translation_key]
        entries.append(
            {
                "loc": absolute_url(url),
                "lastmod": page.last_published_at,
                "alternates": [
                    (v.locale.language_code, absolute_url(v.get_url(request)))
                    for v in versions
                ]
                if len(versions) > 1
                else [],
            }
        )
    return entries


def recent_news(locale: Locale, now: dt.datetime | None = None) -> list:
    """Pieces of the last two days, for the Google News sitemap."""
    since = (now or timezone.now()) - dt.timedelta(days=NEWS_SITEMAP_DAYS)
    return list(
        articles.published(locale)
        .filter(first_published_at__gte=since)
        .select_related("locale")
        .only("id", "title", "url_path", "locale", "first_published_at", "path")
    )

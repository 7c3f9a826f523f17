"""Reads of audience data: is a page countable, what is popular, how many
views a page had."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Max, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from samizdat.articles.models import ArticlePage

from .models import AudienceSettings, HourlyViews, PopularArticle, PopularWindow

WINDOWS = {
    PopularWindow.DAY: timedelta(hours=24),
    PopularWindow.WEEK: timedelta(days=7),
    PopularWindow.MONTH: timedelta(days=30),
}
LIVE_MEMO_SECONDS = 300
NOT_LIVE_MEMO_SECONDS = 30
MAX_ID_SECONDS = 10
LIVE_MEMO_SIZE = 50_000

_live: dict[int, tuple[bool, float]] = {}
_max_id: list[float] = [0, 0.0]  # highest page id, when it was read
_live_lock = threading.Lock()


def is_countable_page(page_id: int) -> bool:
    """Whether a page id belongs to a published page.

    Answers from this process's memory (LIVE_MEMO_SECONDS for live pages,
    NOT_LIVE_MEMO_SECONDS for others), so the count endpoint touches the
    database once per page every few minutes; ids above the highest page id
    (read every MAX_ID_SECONDS) are refused without a query."""
    now = time.monotonic()
    memo = _live.get(page_id)
    if memo is not None and memo[1] > now:
        return memo[0]
    if _max_id[1] <= now:
        _max_id[0] = Page.objects.aggregate(top=Max("pk"))["top"] or 0
        _max_id[1] = now + MAX_ID_SECONDS
    if page_id > _max_id[0]:
        return False
    live = Page.objects.filter(pk=page_id, live=True, depth__gt=1).exists()
    with _live_lock:
        if len(_live) >= LIVE_MEMO_SIZE:
            _live.clear()
        _live[page_id] = (
            live,
            now + (LIVE_MEMO_SECONDS if live else NOT_LIVE_MEMO_SECONDS),
        )
    return live


def forget_page(page_id: int | None = None) -> None:
    """Drop this process's memory of which pages are live."""
    with _live_lock:
        _max_id[1] = 0.0
        if page_id is None:
            _live.clear()
        else:
            _live.pop(page_id, None)


def popular_window(site: Site | None = None) -> timedelta:
    """The period Popular Posts covers, as the editor set it."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return WINDOWS[PopularWindow.WEEK]
    return WINDOWS.get(
        AudienceSettings.for_site(site).popular_window, WINDOWS[PopularWindow.WEEK]
    )


def most_read(locale_id: int, since: datetime) -> list[tuple[int, int]]:
    """(article id, views) of an edition's published articles read since a
    moment, most read first; ties go to the newer page."""
    return list(
        HourlyViews.objects.filter(
            hour__gt=since,
            page__live=True,
            page__locale_id=locale_id,
            page_id__in=ArticlePage.objects.values("pk"),
        )
        .values("page_id")
        .annotate(total=Sum("views"))
        .filter(total__gt=0)
        .order_by("-total", "-page_id")
        .values_list("page_id", "total")
    )


def popular(
    locale_id: int, exclude_id: int | None = None, limit: int = 5
) -> list[ArticlePage]:
    """Popular Posts of an edition, in at most two queries: the stored ranking,
    then the latest articles to fill the list while too few were read."""
    ranked = (
        PopularArticle.objects.filter(locale_id=locale_id, article__live=True)
        .exclude(article_id=exclude_id)
        .select_related("article", "article__locale")
        .order_by("rank")[:limit]
    )
    articles = [row.article for row in ranked]
    if len(articles) < limit:
        skip = [a.pk for a in articles] + ([exclude_id] if exclude_id else [])
        articles += list(
            ArticlePage.objects.live()
            .filter(locale_id=locale_id)
            .exclude(pk__in=skip)
            .select_related("locale")
            .order_by("-first_published_at", "-pk")[: limit - len(articles)]
        )
    return articles


def views_per_article(now: datetime | None = None) -> QuerySet[ArticlePage]:
    """Articles with their views over the last day, week and month."""
    now = now or timezone.now()

    def total(days: int) -> Sum:
        return Sum(
            "hourly_views__views",
            filter=Q(hourly_views__hour__gt=now - timedelta(days=days)),
            default=0,
        )

    return ArticlePage.objects.select_related("locale").annotate(
        views_day=total(1), views_week=total(7), views_month=total(30)
    )


@dataclass(frozen=True)
class ViewTotals:
    day: int
    week: int
    month: int


def page_views(page_id: int, now: datetime | None = None) -> ViewTotals:
    """One page's views over the last day, week and month."""
    now = now or timezone.now()
    rows = HourlyViews.objects.filter(
        page_id=page_id, hour__gt=now - timedelta(days=30)
    )
    return ViewTotals(
        **rows.aggregate(
            day=Sum("views", filter=Q(hour__gt=now - timedelta(days=1)), default=0),
            week=Sum("views", filter=Q(hour__gt=now - timedelta(days=7)), default=0),
            month=Sum("views", default=0),
        )
    )


def daily_views(page_id: int, days: int = 30) -> list[Mapping[str, Any]]:
    """A page's views per day (site time zone), newest first."""
    since = timezone.now() - timedelta(days=days)
    return list(
        HourlyViews.objects.filter(page_id=page_id, hour__gt=since)
        .annotate(day=TruncDate("hour"))
        .values("day")
        .annotate(views=Sum("views"))
        .order_by("-day")
    )


POPULAR_CACHE_SECONDS = 60


def _popular_key(locale_id: int) -> str:
    return f"samizdat:popular:{locale_id}"


def popular_links(request, locale_id: int, exclude_id: int | None, limit: int = 5):
    """Popular Posts as (title, url) pairs, shared by every page of an edition.

    The ranking changes only when the worker recomputes it, so pages read a
    copy kept in the cache for a minute (dropped when a page is published or
    unpublished, or the ranking is recomputed) instead of the database."""
    links = cache.get(_popular_key(locale_id))
    if links is None:
        links = [
            (article.pk, article.title, article.get_url(request))
            for article in popular(locale_id, limit=limit + 1)
        ]
        cache.set(_popular_key(locale_id), links, POPULAR_CACHE_SECONDS)
    return [(title, url) for pk, title, url in links if pk != exclude_id][:limit]


def forget_popular() -> None:
    """Drop every edition's cached Popular Posts."""
    cache.delete_many(
        [_popular_key(pk) for pk in Locale.objects.values_list("pk", flat=True)]
    )

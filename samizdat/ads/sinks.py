"""Impressions and clicks fold into per-creative daily rows, through the
audience app's buffer and fold (one counting mechanism for the site)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from django.utils import timezone

from samizdat.audience.models import CountKind
from samizdat.audience.services import existing_ids, register_sink, upsert_add

from .models import Creative, CreativeDay

# The names ads.views counts with.
IMPRESSION = CountKind.IMPRESSION
CLICK = CountKind.CLICK


def _fold(rows: list[tuple[int, datetime, int]], column: int) -> None:
    alive = existing_ids(Creative, (creative for creative, _hour, _n in rows))
    days: Counter[tuple[int, date]] = Counter()
    for creative, hour, n in rows:
        if creative in alive:
            days[(creative, timezone.localtime(hour).date())] += n
    upsert_add(
        CreativeDay,
        ["creative", "day"],
        ["impressions", "clicks"],
        [
            (creative, day, n, 0) if column == 0 else (creative, day, 0, n)
            for (creative, day), n in days.items()
        ],
    )


def fold_impressions(rows: list[tuple[int, datetime, int]]) -> None:
    _fold(rows, 0)


def fold_clicks(rows: list[tuple[int, datetime, int]]) -> None:
    _fold(rows, 1)


register_sink(IMPRESSION, fold_impressions)
register_sink(CLICK, fold_clicks)

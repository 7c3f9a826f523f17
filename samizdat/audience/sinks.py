"""Where view counts go when the buffer is folded: hourly buckets per page."""

from __future__ import annotations

from datetime import datetime

from wagtail.models import Page

from .models import CountKind, HourlyViews
from .services import existing_ids, register_sink, upsert_add


def fold_views(rows: list[tuple[int, datetime, int]]) -> None:
    alive = existing_ids(Page, (page_id for page_id, _hour, _n in rows))
    upsert_add(
        HourlyViews,
        ["page", "hour"],
        ["views"],
        [(page_id, hour, n) for page_id, hour, n in rows if page_id in alive],
    )


register_sink(CountKind.VIEW, fold_views)

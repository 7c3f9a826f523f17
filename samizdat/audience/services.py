"""Writes of the counting mechanism: record a hit, fold the buffer into
buckets, rank Popular Posts. Ads count impressions and clicks through the
same `record_hit` and fold them through a sink of their own."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale

from . import privacy
from .buffer import Key, current_hour, get_store
from .models import CountKind, FoldedBatch, PopularArticle
from .queries import forget_popular, most_read, popular_window

log = logging.getLogger(__name__)

Sink = Callable[[list[tuple[int, datetime, int]]], None]
_sinks: dict[str, Sink] = {}

_salt: tuple[str, bytes] | None = None

NOT_COUNTED = "not counted"
FOLDED_BATCH_DAYS = 7
POPULAR_STORED = 10


def register_sink(kind: CountKind, sink: Sink) -> None:
    """Route buffered counts of one kind to their buckets."""
    _sinks[CountKind(kind)] = sink


def record_hit(
    request: HttpRequest,
    kind: CountKind,
    object_id: int,
    *,
    once_a_day: bool = True,
) -> str:
    """Count one hit unless it is a bot, a prefetch or today's repeat.

    Returns LIMITED (over the per-reader rate), NOT_COUNTED (a bot or a
    prefetch), REPEAT (known at once to be today's repeat) or RECORDED
    (accepted; with Redis a repeat is dropped when the batch is sent).
    Nothing about the reader is kept outside the cache, and there only until
    midnight."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if privacy.is_bot(user_agent) or privacy.is_prefetch(request):
        return NOT_COUNTED
    store = get_store()
    day, ttl = privacy.today()
    client = privacy.client_hash(
        _daily_salt(store, day, ttl), privacy.client_address(request), user_agent
    )
    seen = f"{day}:{client}:{kind}:{object_id}" if once_a_day else None
    return store.hit(
        (kind, object_id, current_hour()),
        seen,
        ttl,
        client,
        settings.SAMIZDAT_COUNT_RATE_PER_MINUTE,
    )


def _daily_salt(store, day: str, ttl: int) -> bytes:
    global _salt
    memo = _salt
    if memo is None or memo[0] != day:
        memo = _salt = (day, store.salt(day, ttl))
    return memo[1]


def forget_salt() -> None:
    """Drop this process's copy of today's salt (tests; a store change)."""
    global _salt
    _salt = None


def fold() -> int:
    """Move every buffered count into its bucket; returns the hits folded.

    Safe to run twice at once and to be killed at any point: each batch is
    committed in one transaction with a record that prevents a second fold."""
    folded = get_store().fold(apply_counts)
    FoldedBatch.objects.filter(
        folded_at__lt=timezone.now() - timedelta(days=FOLDED_BATCH_DAYS)
    ).delete()
    return folded


def apply_counts(counts: dict[Key, int]) -> None:
    """Hand summed counts to each kind's sink (inside the fold transaction)."""
    by_kind: dict[str, list[tuple[int, datetime, int]]] = {}
    for (kind, object_id, hour), count in counts.items():
        by_kind.setdefault(kind, []).append((object_id, hour_start(hour), count))
    for kind, rows in by_kind.items():
        sink = _sinks.get(kind)
        if sink is None:
            log.warning("dropping %d counts of unknown kind %r", len(rows), kind)
            continue
        sink(rows)


def hour_start(hour: int) -> datetime:
    return datetime.fromtimestamp(hour * 3600, tz=UTC)


def existing_ids(model: type[models.Model], ids: Iterable[int]) -> set[int]:
    """Which of these primary keys still exist (a page may be deleted before
    its counts are folded)."""
    ids = sorted(set(ids))
    found: set[int] = set()
    for start in range(0, len(ids), 900):
        found.update(
            model._default_manager.filter(pk__in=ids[start : start + 900]).values_list(
                "pk", flat=True
            )
        )
    return found


def upsert_add(
    model: type[models.Model],
    keys: Sequence[str],
    values: Sequence[str],
    rows: list[tuple],
) -> None:
    """Add to counters in bucket rows, creating missing rows: one
    INSERT ... ON CONFLICT DO UPDATE, which SQLite and PostgreSQL share."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    fields = [_concrete(model, name) for name in (*keys, *values)]
    columns = [str(field.column) for field in fields]
    # Table and column names come from model metadata; values are parameters.
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(quote(c) for c in columns[: len(keys)])}) "
        "DO UPDATE SET "
        + ", ".join(
            f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}"
            for c in columns[len(keys) :]
        )
    )
    prepared = [
        tuple(
            f.get_db_prep_value(value, connection, prepared=False)
            for f, value in zip(fields, row, strict=True)
        )
        for row in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(prepared), 5000):
            cursor.executemany(sql, prepared[start : start + 5000])


def _concrete(model: type[models.Model], name: str) -> models.Field:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or not field.column:
        raise TypeError(f"{model.__name__}.{name} is not a column")
    return field


@transaction.atomic
def rank_popular(now: datetime | None = None) -> dict[int, int]:
    """Recompute every edition's Popular Posts over the chosen window.

    Returns how many articles each edition (locale id) ranks."""
    since = (now or timezone.now()) - popular_window()
    ranked: dict[int, int] = {}
    rows: list[PopularArticle] = []
    for locale_id in Locale.objects.values_list("pk", flat=True):
        top = most_read(locale_id, since)[:POPULAR_STORED]
        ranked[locale_id] = len(top)
        rows.extend(
            PopularArticle(locale_id=locale_id, rank=rank, article_id=pk, views=views)
            for rank, (pk, views) in enumerate(top, 1)
        )
    PopularArticle.objects.all().delete()
    PopularArticle.objects.bulk_create(rows)
    forget_popular()
    return ranked

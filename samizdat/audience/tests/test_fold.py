from __future__ import annotations

import datetime as dt
import itertools

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from samizdat.articles.tests import factories
from samizdat.audience import services
from samizdat.audience.buffer import LocalStore, RedisStore, get_store
from samizdat.audience.models import FoldedBatch, HourlyViews, PendingCount

from .conftest import count_url, reader

NINE = dt.datetime(2026, 3, 1, 9, 15, tzinfo=dt.UTC)
_readers = itertools.count(1)


class Crash(Exception):
    pass


@pytest.fixture
def pieces(editions):
    news = factories.section("News")
    return [factories.article(news, f"Piece {n}") for n in range(3)]


def hit(client, page, n: int, hour: dt.datetime) -> None:
    with time_machine.travel(hour, tick=False):
        for _ in range(n):
            n = next(_readers)
            client.get(count_url(page), **reader(address=f"10.{n // 250}.{n % 250}.1"))


def buckets() -> dict[tuple[int, dt.datetime], int]:
    return {
        (row.page_id, row.hour): row.views
        for row in HourlyViews.objects.order_by("page_id", "hour")
    }


def test_it_folds_hits_into_one_bucket_per_page_and_hour(client, pieces, backend):
    a, b, _c = pieces
    hit(client, a, 3, NINE)
    hit(client, b, 2, NINE)
    hit(client, a, 1, NINE + dt.timedelta(hours=1))

    assert services.fold() == 6
    assert services.fold() == 0
    assert buckets() == {
        (a.pk, NINE.replace(minute=0)): 3,
        (a.pk, NINE.replace(minute=0) + dt.timedelta(hours=1)): 1,
        (b.pk, NINE.replace(minute=0)): 2,
    }


def test_it_adds_to_existing_buckets(client, pieces, backend):
    a = pieces[0]
    hit(client, a, 2, NINE)
    services.fold()
    with time_machine.travel(NINE, tick=False):
        client.get(count_url(a), **reader(address="203.0.113.50"))
    services.fold()

    assert buckets() == {(a.pk, NINE.replace(minute=0)): 3}


def test_it_loses_nothing_when_the_fold_crashes_before_commit(
    client, pieces, backend, monkeypatch
):
    a, b, _c = pieces
    hit(client, a, 4, NINE)
    hit(client, b, 1, NINE)

    def crash(rows):
        raise Crash

    monkeypatch.setitem(services._sinks, "v", crash)
    with pytest.raises(Crash):
        services.fold()
    monkeypatch.undo()
    assert HourlyViews.objects.count() == 0

    hit(client, b, 1, NINE)  # new hits keep arriving meanwhile
    services.fold()

    assert buckets() == {
        (a.pk, NINE.replace(minute=0)): 4,
        (b.pk, NINE.replace(minute=0)): 2,
    }


@pytest.mark.redis
def test_it_doubles_nothing_when_redis_cleanup_crashes_after_commit(
    client, pieces, redis_backend, monkeypatch
):
    a = pieces[0]
    hit(client, a, 5, NINE)
    store = get_store()
    assert isinstance(store, RedisStore)

    def crash(*keys):
        raise Crash

    monkeypatch.setattr(store.redis, "delete", crash)
    with pytest.raises(Crash):
        services.fold()
    monkeypatch.undo()
    assert buckets() == {(a.pk, NINE.replace(minute=0)): 5}
    assert FoldedBatch.objects.count() == 1

    services.fold()

    assert buckets() == {(a.pk, NINE.replace(minute=0)): 5}
    assert store.pending() == {}


def test_it_keeps_counts_when_a_spill_fails(pieces, monkeypatch):
    store = get_store()
    assert isinstance(store, LocalStore)
    a = pieces[0]
    store.add({("v", a.pk, 10): 7})

    def crash(*args, **kwargs):
        raise Crash

    monkeypatch.setattr(store, "insert_sql", crash)
    with pytest.raises(Crash):
        store.spill()
    monkeypatch.undo()

    assert store.pending() == {("v", a.pk, 10): 7}
    services.fold()
    assert HourlyViews.objects.get(page=a).views == 7


def test_it_spills_about_once_a_second_for_the_worker(pieces, settings):
    settings.SAMIZDAT_COUNT_SPILL_SECONDS = 1
    store = get_store()
    a = pieces[0]
    with time_machine.travel(NINE, tick=True):
        store.last_spill -= 5
        store.add({("v", a.pk, 10): 2})

    assert list(PendingCount.objects.values_list("object_id", "count")) == [(a.pk, 2)]


def test_it_drops_counts_of_pages_deleted_before_the_fold(client, pieces, backend):
    a, b, _c = pieces
    hit(client, a, 2, NINE)
    hit(client, b, 1, NINE)
    a.delete()

    services.fold()

    assert buckets() == {(b.pk, NINE.replace(minute=0)): 1}


def test_flush_counts_folds_at_once(client, pieces, capsys, backend):
    hit(client, pieces[0], 2, NINE)

    call_command("flush_counts")

    assert "folded 2 hits" in capsys.readouterr().out
    assert HourlyViews.objects.get().views == 2


def test_flush_counts_exits_with_one_line_when_it_cannot_fold(monkeypatch, db):
    def crash():
        raise Crash("database is locked")

    monkeypatch.setattr(services, "fold", crash)
    with pytest.raises(CommandError, match="could not fold counts: database is locked"):
        call_command("flush_counts")


@pytest.mark.redis
def test_it_sends_hits_to_redis_in_batches_and_keeps_them_if_redis_fails(
    client, pieces, redis_backend, monkeypatch
):
    a = pieces[0]
    store = get_store()
    hit(client, a, 3, NINE)
    assert store.redis.hlen(store.buffer) == 0  # waiting in this process

    def crash(*args, **kwargs):
        raise Crash

    monkeypatch.setattr(store, "record", crash)
    with pytest.raises(Crash):
        store.flush()
    monkeypatch.undo()
    services.fold()

    assert buckets() == {(a.pk, NINE.replace(minute=0)): 3}

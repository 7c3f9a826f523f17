from __future__ import annotations

import uuid

import time_machine
from django.core.cache.backends.locmem import LocMemCache

from samizdat.core import ratelimit


def cache() -> LocMemCache:
    """A cache of its own (local-memory caches of one name share their data)."""
    return LocMemCache(f"test-ratelimit-{uuid.uuid4().hex}", {})


def test_it_allows_the_limit_and_refuses_the_next_within_a_window():
    store = cache()
    with time_machine.travel(1_000_020, tick=False):
        answers = [ratelimit.allow(store, lambda n: f"k:{n}", 3, 60) for _ in range(5)]
    assert answers == [True, True, True, False, False]


def test_it_starts_again_in_the_next_window():
    store = cache()
    with time_machine.travel(1_000_020, tick=False) as clock:
        for _ in range(3):
            assert ratelimit.allow(store, lambda n: f"k:{n}", 3, 60)
        assert not ratelimit.allow(store, lambda n: f"k:{n}", 3, 60)
        clock.shift(60)
        assert ratelimit.allow(store, lambda n: f"k:{n}", 3, 60)


def test_it_gives_the_caller_the_window_number_to_build_its_key():
    store, seen = cache(), []
    with time_machine.travel(1_000_020, tick=False):
        ratelimit.allow(store, lambda n: seen.append(n) or f"k:{n}", 3, 600)
    assert seen == [1_000_020 // 600]


def test_it_counts_keys_apart():
    store = cache()
    assert ratelimit.allow(store, lambda n: f"a:{n}", 1, 60)
    assert ratelimit.allow(store, lambda n: f"b:{n}", 1, 60)
    assert not ratelimit.allow(store, lambda n: f"a:{n}", 1, 60)

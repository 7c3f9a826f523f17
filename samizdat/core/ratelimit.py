"""The one rate limiter: a fixed-window counter kept in a cache.

Each window (`window` seconds, counted from the epoch) has its own key, made
by the caller from the window's number, so a caller may hash the key
together with the window (the newsletter does, so nothing in its cache
links one window's client to the next). The key lives in the cache only
for the window; nothing is written anywhere else."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache.backends.base import BaseCache


def allow(cache: BaseCache, key: Callable[[int], str], limit: int, window: int) -> bool:
    """Count one attempt; whether it is within `limit` for this window."""
    name = key(int(time.time() // window))
    try:
        used = cache.incr(name)
    except ValueError:
        # The window's first attempt (or its key just expired). `add` is
        # atomic, so of two first attempts at once only one starts at 1.
        used = 1 if cache.add(name, 1, window) else cache.incr(name)
    return used <= limit

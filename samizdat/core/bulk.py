"""A bulk load (an import of a whole archive) under way in this context.

Publishing one page queues work for that page: its related lists, a purge of
the cached pages that show it, a mailing. An import publishes thousands of
pages in a row, and doing that work per page would cost more than the import
itself and mail an archive to subscribers. While `loading()` is on (in this
thread or task only, so editors publishing elsewhere are untouched), those
receivers do nothing; the loader then sends `loaded` once, and each receiver
catches up in one piece of work (a rebuild, a purge per listing)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

_loading: ContextVar[bool] = ContextVar("samizdat_bulk_loading", default=False)

# Sent once after a bulk load wrote pages, with `pages` (ids of every page it
# published or changed), `updated` (those that existed before), `sections`
# (ids of the listings the pages went into) and `people` (ids of bylined
# people).
loaded = Signal()


@contextmanager
def loading() -> Iterator[None]:
    """Per-page publish work held back until `loaded` is sent."""
    token = _loading.set(True)
    try:
        yield
    finally:
        _loading.reset(token)


def active() -> bool:
    """Whether a bulk load is under way in this context."""
    return _loading.get()

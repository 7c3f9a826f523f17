from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command

from samizdat.articles.setup import ensure_editions


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editions(db):
    """Both editions' home, author and topic pages, as `setup_site` makes them."""
    return ensure_editions("Samizdat")


def _clock_and_worker() -> None:
    """What `make run` does in the background: the clock enqueues the periodic
    tasks and the database worker runs everything queued, then stops."""
    call_command("clock", "--once")
    call_command(
        "db_worker",
        "--batch",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.1",
        verbosity=0,
    )


@pytest.fixture
def clock_and_worker():
    """Run one tick of the clock, then the worker until the queue is empty
    (needs a transactional database: the worker commits its own work)."""
    return _clock_and_worker

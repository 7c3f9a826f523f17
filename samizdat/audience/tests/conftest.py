from __future__ import annotations

import os

import pytest

from samizdat.audience import services
from samizdat.audience.buffer import get_store
from samizdat.audience.queries import forget_page

REDIS_URL = os.environ.get("SAMIZDAT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


def _reset() -> None:
    get_store().clear()
    services.forget_salt()
    forget_page()


@pytest.fixture(autouse=True)
def _fresh_counts(settings):
    """Each test starts with an empty embedded buffer and spills only on fold."""
    settings.SAMIZDAT_COUNT_SPILL_SECONDS = 0
    settings.SAMIZDAT_COUNT_REDIS_URL = ""
    _reset()
    yield
    _reset()


@pytest.fixture(params=["local", pytest.param("redis", marks=pytest.mark.redis)])
def backend(request, settings) -> str:
    """Run a test with the embedded store and with Redis."""
    if request.param == "redis":
        settings.SAMIZDAT_COUNT_REDIS_URL = REDIS_URL
        settings.SAMIZDAT_COUNT_PREFIX = "samizdat-test:count:"
        _reset()
        request.addfinalizer(_reset)
    return request.param


@pytest.fixture
def redis_backend(settings) -> str:
    """Run a test with the Redis store only (mark it `redis`)."""
    settings.SAMIZDAT_COUNT_REDIS_URL = REDIS_URL
    settings.SAMIZDAT_COUNT_PREFIX = "samizdat-test:count:"
    _reset()
    yield "redis"
    _reset()


def reader(address: str = "198.51.100.7", agent: str | None = None) -> dict:
    return {
        "REMOTE_ADDR": address,
        "HTTP_USER_AGENT": READER["HTTP_USER_AGENT"] if agent is None else agent,
    }


def count_url(page) -> str:
    return f"/count/{page.pk}.gif"

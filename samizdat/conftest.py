from __future__ import annotations

import pytest
from django.core.cache import cache

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

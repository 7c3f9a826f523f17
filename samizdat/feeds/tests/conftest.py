from __future__ import annotations

import pytest

from samizdat.articles.tests import factories


@pytest.fixture
def publication(db):
    """Both editions with translations, two authors, tags and a caricature."""
    return factories.publication()

from __future__ import annotations

import pytest

from samizdat.articles.tests import factories


@pytest.fixture(scope="module")
def publication(django_db_setup, django_db_blocker):
    """Both editions with every page type, built once per test module."""
    with factories.built_once(django_db_blocker):
        yield factories.publication()

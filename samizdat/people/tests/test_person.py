from __future__ import annotations

import pytest

from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


def test_it_shows_the_pen_name_in_brackets_in_bylines(editions):
    writer = factories.person("Leila Karimi", pen_name="Nightingale")
    assert writer.byline_name == "Leila Karimi (Nightingale)"
    assert str(writer) == "Leila Karimi (Nightingale)"


def test_it_shows_the_name_alone_without_a_pen_name(editions):
    assert factories.person("Omid Rahimi").byline_name == "Omid Rahimi"


def test_it_makes_a_slug_that_keeps_zwnj_from_the_name(editions):
    assert factories.person("Omid Rahimi").slug == "omid-rahimi"
    persian = factories.person("می‌نو رحیمی", code="fa")
    assert persian.slug == "می\u200cنو-رحیمی"

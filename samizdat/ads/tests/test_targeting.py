from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from wagtail.models import Locale

from samizdat.ads.queries import creatives_for, slots_for
from samizdat.articles.tests import factories

from .conftest import creative, slot

NOW = dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC)


def names(key: str, language: str = "en", section=None) -> list[str]:
    with time_machine.travel(NOW, tick=False):
        return [c["id"] for c in creatives_for(key, language, section)]


@pytest.fixture
def side(db):
    return slot()


def test_it_shows_a_creative_only_between_its_dates(side):
    running = creative("Running", [side], starts_at=NOW - dt.timedelta(days=1))
    creative("Future", [side], starts_at=NOW + dt.timedelta(hours=1))
    creative(
        "Over",
        [side],
        starts_at=NOW - dt.timedelta(days=9),
        ends_at=NOW - dt.timedelta(seconds=1),
    )
    creative("Paused", [side], starts_at=NOW - dt.timedelta(days=1), active=False)

    assert names("side") == [running.pk]


def test_it_targets_editions(editions, side):
    everywhere = creative("Everywhere", [side], starts_at=NOW - dt.timedelta(days=1))
    persian = creative("Persian", [side], starts_at=NOW - dt.timedelta(days=1))
    persian.editions.set([Locale.objects.get(language_code="fa")])

    assert names("side", "en") == [everywhere.pk]
    assert names("side", "fa") == [everywhere.pk, persian.pk]


def test_it_targets_sections(editions, side):
    news = factories.section("News")
    sport = factories.section("Sport")
    anywhere = creative("Anywhere", [side], starts_at=NOW - dt.timedelta(days=1))
    for_sport = creative("Sport only", [side], starts_at=NOW - dt.timedelta(days=1))
    for_sport.sections.set([sport])

    assert names("side", section=news.pk) == [anywhere.pk]
    assert names("side", section=sport.pk) == [anywhere.pk, for_sport.pk]
    assert names("side", section=None) == [anywhere.pk]


def test_it_fills_only_the_slots_a_creative_is_booked_for(side):
    header = slot("top", "header", width=728, height=90)
    booked = creative("Top", [header], starts_at=NOW - dt.timedelta(days=1))

    assert names("top") == [booked.pk]
    assert names("side") == []
    with time_machine.travel(NOW, tick=False):
        assert [s["key"] for s in slots_for("en", None)] == ["top"]


def test_it_notices_a_changed_creative_at_once(side):
    made = creative("Shoes", [side], starts_at=NOW - dt.timedelta(days=1))
    assert names("side") == [made.pk]

    made.active = False
    made.save()

    assert names("side") == []

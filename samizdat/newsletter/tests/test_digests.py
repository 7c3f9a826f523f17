"""Digests: what was published in the period, once, and nothing when empty."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from samizdat.articles.tests import factories
from samizdat.newsletter import delivery, mailings
from samizdat.newsletter.models import Mailing

from .conftest import confirmed

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 4, 7, 0, tzinfo=dt.UTC)  # a Wednesday, after 06:00


def setup(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    settings.NEWSLETTER_DIGEST_HOUR = 6
    settings.NEWSLETTER_DIGEST_WEEKDAY = 0


def test_it_skips_a_digest_when_nothing_was_published(editions, smtp, settings):
    setup(settings)
    confirmed("daily@example.org", frequency="daily")
    news = factories.section("News")
    factories.article(news, published_at=NOW - dt.timedelta(days=10))
    assert mailings.create_digests(NOW) == []
    assert not Mailing.objects.filter(kind="digest").exists()
    assert smtp.messages == []


def test_it_sends_the_period_once_to_its_readers(editions, smtp, settings):
    setup(settings)
    news = factories.section("News")
    opinion = factories.section("Opinion")
    confirmed("daily@example.org", frequency="daily")
    confirmed("opinion@example.org", frequency="daily", sections=[opinion])
    confirmed("every@example.org", frequency="every")
    confirmed("weekly@example.org", frequency="weekly")
    factories.article(news, "Fresh news", published_at=NOW - dt.timedelta(hours=10))
    factories.article(news, "Old news", published_at=NOW - dt.timedelta(days=4))
    created = mailings.create_digests(NOW)
    assert {(m.frequency, m.language) for m in created} == {
        ("daily", "en"),
        ("weekly", "en"),
    }
    for mailing in created:
        delivery.deliver(mailing.pk)
    subjects = {str(m["To"]): m for m in smtp.messages}
    assert set(subjects) == {"daily@example.org", "weekly@example.org"}
    daily = subjects["daily@example.org"].get_body(("plain",)).get_content()
    assert "Fresh news" in daily and "Old news" not in daily
    weekly = subjects["weekly@example.org"].get_body(("plain",)).get_content()
    assert "Old news" in weekly and "Fresh news" not in weekly
    with time_machine.travel(NOW + dt.timedelta(hours=3), tick=False):
        assert mailings.create_digests() == []


def test_it_schedules_periods_at_the_digest_hour(settings):
    setup(settings)
    start, end = mailings.digest_period("daily", NOW)
    assert end == dt.datetime(2026, 3, 4, 6, 0, tzinfo=dt.UTC)
    assert start == end - dt.timedelta(days=1)
    start, end = mailings.digest_period("weekly", NOW)
    assert end == dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
    assert start == end - dt.timedelta(days=7)

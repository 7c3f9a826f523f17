"""Mail in the reader's edition: language, direction, digits, calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from samizdat.articles.tests import factories
from samizdat.newsletter import delivery, mailings
from samizdat.newsletter.content import renderer_for
from samizdat.newsletter.mail import build

from .conftest import body_of, confirmed

pytestmark = pytest.mark.django_db

PUBLISHED = dt.datetime(2025, 3, 8, 10, 0, tzinfo=dt.UTC)


def test_it_renders_persian_mail_right_to_left(editions, smtp, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    section = factories.section("اخبار", code="fa", slug="news")
    confirmed("khanande@example.org", language="fa")
    page = factories.article(section, "سیل در شهر", published_at=PUBLISHED, slug="seil")
    mailing = mailings.queue_article_mailing(page)
    delivery.deliver(mailing.pk)
    [mail] = smtp.messages
    html, text = body_of(mail, "html"), body_of(mail, "plain")
    assert '<html lang="fa" dir="rtl">' in html
    assert 'dir="rtl"' in html.split("<body", 1)[1][:40]
    assert "سیل در شهر" in html and str(mail["Subject"]) == "سیل در شهر"
    assert "۱۸ اسفند ۱۴۰۳" in html and "۱۸ اسفند ۱۴۰۳" in text
    assert "2025" not in text
    assert "/fa/newsletter/unsubscribe/" in str(mail["List-Unsubscribe"])


def test_it_carries_the_rfc_8058_headers_and_the_site_address(editions, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    news = factories.section("News")
    subscriber = confirmed("reader@example.org")
    page = factories.article(news, "Election results", published_at=PUBLISHED)
    mailing = mailings.queue_article_mailing(page)
    rendered = renderer_for(mailing)(subscriber)
    message = build(rendered, "reader@example.org", "en", subscriber.address_hash)
    parsed = message.message()
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["List-Unsubscribe"].startswith(f"<{settings.BASE_URL}/en/newsletter/")
    assert message.body.count(settings.BASE_URL + "/en/") >= 2
    assert "8 March 2025" in message.body
    assert "samizdat-" not in message.body
    assert "samizdat-" not in message.alternatives[0][0]

"""Subjects and plain text carry the headline as written; only HTML escapes."""

from __future__ import annotations

import datetime as dt

import pytest

from samizdat.articles.tests import factories
from samizdat.newsletter import delivery, mailings

from .conftest import body_of, confirmed

pytestmark = pytest.mark.django_db

PUBLISHED = dt.datetime(2026, 3, 4, 0, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 3, 4, 7, 0, tzinfo=dt.UTC)
HEADLINES = {
    "en": ("News", 'Iran\'s leaders: "This is not negotiation" & <no> deal'),
    "fa": ("اخبار", "رهبران «ایران»: 'مذاکره نیست' & <هرگز> \"نه\""),
}


@pytest.mark.parametrize("code", ["en", "fa"])
def test_it_sends_headlines_unescaped_outside_html(code, editions, smtp, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    settings.NEWSLETTER_DIGEST_HOUR = 6
    title, headline = HEADLINES[code]
    section = factories.section(title, code=code, slug="news")
    standfirst = f"Standfirst of {headline}."
    confirmed(f"every-{code}@example.org", language=code)
    confirmed(f"daily-{code}@example.org", language=code, frequency="daily")
    page = factories.article(section, headline, published_at=PUBLISHED)
    delivery.deliver(mailings.queue_article_mailing(page).pk)
    for mailing in mailings.create_digests(NOW):
        delivery.deliver(mailing.pk)
    mails = {str(m["To"]): m for m in smtp.messages}
    assert set(mails) == {f"every-{code}@example.org", f"daily-{code}@example.org"}
    article, digest = (
        mails[f"every-{code}@example.org"],
        mails[f"daily-{code}@example.org"],
    )
    # a long non-ASCII subject is folded; the parser keeps the fold's space
    assert str(article["Subject"]).strip() == headline
    for mail in (article, digest):
        text, html = body_of(mail, "plain"), body_of(mail, "html")
        assert headline in text and standfirst in text
        assert "&#x27;" not in text and "&quot;" not in text and "&amp;" not in text
        assert "&lt;" not in text and "&gt;" not in text
        assert "<no>" not in html and "<هرگز>" not in html
        assert "&lt;no&gt;" in html or "&lt;هرگز&gt;" in html

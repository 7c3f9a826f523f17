"""Drafts, unpublished pages and pages not yet due are never shown to the
public: not at their address, not in any listing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from samizdat.articles.models import AuthorIndexPage, TagIndexPage
from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def hidden(publication, django_db_blocker):
    with django_db_blocker.unblock():
        news, writer = publication.news, publication.writer
        draft = factories.article(
            news, "Draft headline", authors=[writer], tags=["water"], publish=False
        )
        withdrawn = factories.article(
            news, "Withdrawn headline", authors=[writer], tags=["water"]
        )
        withdrawn.unpublish()
        scheduled = factories.article(
            news, "Scheduled headline", authors=[writer], tags=["water"], publish=False
        )
        scheduled.go_live_at = timezone.now() + dt.timedelta(days=1)
        scheduled.save_revision().publish()
        changed = factories.article(
            news, "Live headline", authors=[writer], tags=["water"]
        )
        changed.title = "Unpublished change"
        changed.save_revision()
    return {
        "pages": [draft, withdrawn, scheduled],
        "titles": [
            "Draft headline",
            "Withdrawn headline",
            "Scheduled headline",
            "Unpublished change",
        ],
        "changed": changed,
    }


def test_it_answers_404_for_pages_readers_may_not_see(client, publication, hidden):
    for page in hidden["pages"]:
        page.refresh_from_db()
        assert not page.live
        assert client.get(page.url).status_code == 404, page.title


def test_it_serves_the_published_version_not_the_pending_change(client, hidden):
    html = client.get(hidden["changed"].url).content.decode()
    assert "Live headline" in html
    assert "Unpublished change" not in html


def test_it_lists_none_of_them(client, publication, hidden):
    authors = AuthorIndexPage.objects.get(locale__language_code="en")
    tags = TagIndexPage.objects.get(locale__language_code="en")
    listings = [
        publication.homes["en"].url,
        publication.news.url,
        authors.author_url(None, publication.writer.slug),
        tags.tag_url(None, "water"),
    ]
    for url in listings:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Live headline" in html, url
        for title in hidden["titles"]:
            assert title not in html, (url, title)


def test_it_lists_no_topic_used_only_by_hidden_pages(client, publication):
    factories.article(publication.news, tags=["secret-plans"], publish=False)
    tags = TagIndexPage.objects.get(locale__language_code="en")
    assert "secret-plans" not in client.get(tags.url).content.decode()

from __future__ import annotations

import json

import feedparser
from django.conf import settings

from samizdat.articles.tests import factories


def test_it_serves_full_text_rss_with_every_author(client, publication):
    response = client.get("/en/feeds/rss.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    entry = next(e for e in feed.entries if e.title == "Rivers run dry")
    assert entry.link == settings.BASE_URL + publication.story.url
    assert "Paragraph 1 of the report" in entry.content[0].value
    creators = response.content.decode().count("<dc:creator>")
    assert creators >= 3
    assert {"water", "climate", "News"} <= {t.term for t in entry.tags}


def test_it_serves_atom_with_authors_and_absolute_images(client, publication):
    response = client.get("/en/feeds/atom.xml")

    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    story = next(e for e in feed.entries if e.title == "Rivers run dry")
    assert [a.name for a in story.authors] == [
        "Leila Karimi (Nightingale)",
        "Omid Rahimi",
    ]
    cartoon = next(e for e in feed.entries if e.title == "The ballot box")
    assert f'src="{settings.BASE_URL}/media/' in cartoon.content[0].value


def test_it_serves_a_json_feed_for_the_edition(client, publication):
    response = client.get("/fa/feeds/feed.json")

    assert response["Content-Type"].startswith("application/feed+json")
    document = json.loads(response.content)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["language"] == "fa"
    titles = [item["title"] for item in document["items"]]
    assert "رودخانه‌ها خشک می‌شوند" in titles
    assert all(item["url"].startswith(settings.BASE_URL) for item in document["items"])
    for item in document["items"]:
        assert {"id", "url", "content_html", "date_published", "authors"} <= set(item)


def test_it_scopes_feeds_to_a_section_an_author_and_a_tag(client, publication):
    for url, expected, unexpected in (
        ("/en/feeds/section/news/rss.xml", "Rivers run dry", "The ballot box"),
        ("/en/feeds/author/sara-naderi/atom.xml", "The ballot box", "Rivers run dry"),
        ("/en/feeds/tag/water/rss.xml", "Rivers run dry", "The ballot box"),
    ):
        feed = feedparser.parse(client.get(url).content)
        titles = [e.title for e in feed.entries]
        assert not feed.bozo, url
        assert expected in titles and unexpected not in titles, url


def test_it_keeps_persian_slugs_in_tag_feeds(client, publication):
    feed = feedparser.parse(client.get("/fa/feeds/tag/آب/rss.xml").content)

    assert [e.title for e in feed.entries] == ["رودخانه‌ها خشک می‌شوند"]


def test_it_answers_404_for_an_unknown_scope(client, publication):
    assert client.get("/en/feeds/section/nowhere/rss.xml").status_code == 404
    assert client.get("/en/feeds/planet/news/rss.xml").status_code == 404


def test_it_lets_caches_keep_feeds(client, publication):
    response = client.get("/en/feeds/rss.xml")

    assert "public" in response["Cache-Control"]
    assert f"max-age={settings.SAMIZDAT_FEED_MAX_AGE}" in response["Cache-Control"]
    assert not response.cookies


def test_it_reads_a_feed_in_a_fixed_number_of_queries(
    client, publication, django_assert_max_num_queries
):
    client.get("/en/feeds/rss.xml")
    with django_assert_max_num_queries(20) as few:
        client.get("/en/feeds/rss.xml")
    for _ in range(6):
        factories.article(
            publication.news,
            authors=[publication.writer, publication.colleague],
            tags=["water"],
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/feeds/rss.xml")

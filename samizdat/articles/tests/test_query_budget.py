"""Reader pages cost a fixed number of SQL queries, whatever they show."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samizdat.articles.models import AuthorIndexPage, TagIndexPage
from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db

# A warm article view: its route, which also reads the render generation.
ARTICLE_BUDGET = 1
LISTING_BUDGET = 16


def queries_for(client, url: str) -> list[str]:
    """The queries of a warm render: caches filled by an identical first one."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


def body_with_images(blocks: int, picture) -> list:
    body = factories.body(blocks)
    for i in range(0, blocks, 5):
        body[i] = (
            "image",
            {"image": picture, "alt_text": f"Picture {i}", "caption": "A river"},
        )
    return body


@pytest.fixture(scope="module")
def pieces(django_db_setup, django_db_blocker):
    with factories.built_once(django_db_blocker):
        from samizdat.articles.setup import ensure_editions

        ensure_editions("Samizdat")
        news = factories.section("News")
        picture = factories.image("River")
        people = [factories.person(f"Writer {i}") for i in range(5)]
        # Articles show the newest caricature beside them.
        factories.caricature(
            factories.section("Caricature", slug="caricature"), authors=people[:1]
        )
        small = factories.article(
            news,
            "Small",
            authors=people[:1],
            body=body_with_images(5, picture),
            lead_image=picture,
        )
        large = factories.article(
            news,
            "Large",
            authors=people,
            tags=[f"topic {i}" for i in range(20)],
            body=body_with_images(100, picture),
            lead_image=picture,
        )
        factories.correction(large, "A figure was wrong.")
        # Enough for every box of the front page: three secondary stories, an
        # opinion column with a photo, and rows below.
        columnist = factories.person("Columnist", photo=factories.image("Face"))
        for i in range(5):
            factories.article(
                news, f"Filler {i}", authors=people[:1], lead_image=picture
            )
        factories.article(news, "A view", authors=[columnist], kind="opinion")
        yield {
            "news": news,
            "small": small,
            "large": large,
            "people": people,
            "picture": picture,
        }


def test_it_renders_an_article_in_the_same_queries_whatever_it_holds(client, pieces):
    small = queries_for(client, pieces["small"].url)
    large = queries_for(client, pieces["large"].url)
    assert len(large) == len(small), "\n".join(large)
    assert len(small) <= ARTICLE_BUDGET, "\n".join(small)


@pytest.mark.parametrize("listing", ["home", "section", "author", "tag"])
def test_it_renders_listings_in_the_same_queries_whatever_they_list(
    client, pieces, listing
):
    news, people = pieces["news"], pieces["people"]
    authors = AuthorIndexPage.objects.get(locale__language_code="en")
    tags = TagIndexPage.objects.get(locale__language_code="en")
    url = {
        "home": factories.home().url,
        "section": news.url,
        "author": authors.author_url(None, people[0].slug),
        "tag": tags.tag_url(None, "topic-1"),
    }[listing]
    few = queries_for(client, url)
    # More cards, each with its own picture: the renditions are prefetched.
    for i in range(12):
        factories.article(
            news,
            f"More {i}",
            authors=people[i % 5 :],
            tags=["topic 1", f"extra {i}"],
            lead_image=factories.image(f"Picture {i}"),
        )
    many = queries_for(client, url)
    assert len(many) == len(few), "\n".join(many)
    assert len(few) <= LISTING_BUDGET, "\n".join(few)


def test_it_renders_the_index_pages_in_a_fixed_number_of_queries(client, pieces):
    authors = AuthorIndexPage.objects.get(locale__language_code="en")
    tags = TagIndexPage.objects.get(locale__language_code="en")
    assert len(queries_for(client, authors.url)) <= LISTING_BUDGET
    assert len(queries_for(client, tags.url)) <= LISTING_BUDGET

"""Every reader page type renders in both editions with its language and
direction, and listings paginate with stable URLs."""

from __future__ import annotations

import pytest

from samizdat.articles import models
from samizdat.articles.models import AuthorIndexPage, TagIndexPage

pytestmark = pytest.mark.django_db


def reader_urls(pub) -> dict[str, dict[str, str]]:
    """Each page type's URL in each edition."""
    urls: dict[str, dict[str, str]] = {}
    editions = {
        "en": (pub.homes["en"], pub.news, pub.story, pub.drawing, pub.writer, "water"),
        "fa": (
            pub.homes["fa"],
            pub.fa_news,
            pub.fa_story,
            pub.fa_drawing,
            pub.fa_writer,
            "آب",
        ),
    }
    for code, (home, news, story, drawing, writer, tag_name) in editions.items():
        authors = AuthorIndexPage.objects.get(locale__language_code=code)
        tags = TagIndexPage.objects.get(locale__language_code=code)
        tag = story.tags.get(name=tag_name)
        urls[code] = {
            "home": home.url,
            "section": news.url,
            "article": story.url,
            "caricature": drawing.url,
            "author index": authors.url,
            "author": authors.author_url(None, writer.slug),
            "tag index": tags.url,
            "tag": tags.tag_url(None, tag.slug),
        }
    return urls


@pytest.mark.parametrize(
    "code,lang,direction", [("en", "en", "ltr"), ("fa", "fa", "rtl")]
)
def test_it_renders_every_page_type_in_the_edition_language(
    client, publication, code, lang, direction
):
    for kind, url in reader_urls(publication)[code].items():
        assert url.startswith(f"/{code}/"), (kind, url)
        response = client.get(url)
        assert response.status_code == 200, (kind, url)
        html = response.content.decode()
        assert f'<html lang="{lang}" dir="{direction}">' in html, (kind, url)


def test_it_shows_what_each_listing_lists(client, publication):
    urls = reader_urls(publication)["en"]
    home = client.get(urls["home"]).content.decode()
    assert "Rivers run dry" in home
    assert "The ballot box" in home
    assert "Rivers run dry" in client.get(urls["section"]).content.decode()
    author = client.get(urls["author"]).content.decode()
    assert "Leila Karimi" in author and "Rivers run dry" in author
    assert "Rivers run dry" in client.get(urls["tag"]).content.decode()
    assert (
        "Leila Karimi (Nightingale)"
        in client.get(urls["author index"]).content.decode()
    )
    assert "climate" in client.get(urls["tag index"]).content.decode()


def test_it_paginates_sections_with_stable_urls(client, publication, monkeypatch):
    from samizdat.articles.tests import factories

    for _ in range(2):
        factories.article(publication.news)
    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    first = publication.news.url
    second = publication.news.section_url(None, 2)
    assert second == f"{first}page/2/"

    response = client.get(second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rivers run dry" in html
    assert f'href="{first}" rel="prev"' in html
    assert client.get(f"{first}page/3/").status_code == 404
    assert client.get(f"{first}page/1/").status_code == 301


def test_it_paginates_author_and_tag_pages(client, publication, monkeypatch):
    from samizdat.articles.tests import factories

    writer = publication.writer
    factories.article(publication.news, authors=[writer], tags=["water"])
    monkeypatch.setattr(models, "PAGE_SIZE", 1)
    authors = AuthorIndexPage.objects.get(locale__language_code="en")
    tags = TagIndexPage.objects.get(locale__language_code="en")
    for url_for in (
        lambda n: authors.author_url(None, writer.slug, n),
        lambda n: tags.tag_url(None, "water", n),
    ):
        assert url_for(2).endswith("/page/2/")
        assert client.get(url_for(2)).status_code == 200
        assert client.get(url_for(3)).status_code == 404
        assert client.get(url_for(1) + "page/1/").status_code == 301


def test_it_paginates_persian_listings_with_persian_digits(
    client, publication, monkeypatch
):
    from samizdat.articles.tests import factories

    factories.article(publication.fa_news)
    monkeypatch.setattr(models, "PAGE_SIZE", 1)
    response = client.get(publication.fa_news.section_url(None, 2))
    assert response.status_code == 200
    assert '<span aria-current="page">۲</span>' in response.content.decode()


def test_it_answers_404_for_unknown_authors_and_tags(client, publication):
    urls = reader_urls(publication)["en"]
    assert client.get(urls["author index"] + "nobody/").status_code == 404
    assert client.get(urls["tag index"] + "no-such-topic/").status_code == 404


@pytest.mark.parametrize("accept,edition", [("fa-IR,fa;q=0.9", "fa"), ("en", "en")])
def test_it_sends_a_reader_at_the_root_to_their_edition(
    client, publication, accept, edition
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == publication.homes[edition].url
    assert not response.cookies

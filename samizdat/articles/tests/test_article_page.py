"""The article page: semantic HTML, bylines, dates in the edition's calendar."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from samizdat.articles import rendering
from samizdat.articles.models import ArticlePage, AuthorIndexPage

pytestmark = pytest.mark.django_db


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_it_marks_up_the_article_semantically(client, publication):
    soup = soup_of(client, publication.story.url)
    article = soup.find("article", class_="article")
    assert article is not None
    assert [h1.get_text() for h1 in soup.find_all("h1")] == ["Rivers run dry"]
    # factories.body(3): a subheading, a paragraph and a quotation.
    assert [h2.get_text() for h2 in article.select(".body h2")] == ["Subheading 0"]
    figure = article.select_one("figure.quotation")
    blockquote = figure.find("blockquote", recursive=False)
    caption = figure.find("figcaption", recursive=False)
    assert blockquote.get_text(strip=True) == "Quoted words 2."
    assert blockquote.find_next_sibling("figcaption") is caption
    assert caption.find("cite").get_text() == "Speaker 2"
    assert "witness" in caption.get_text()


def test_it_links_each_byline_to_the_author_page(client, publication):
    soup = soup_of(client, publication.story.url)
    authors = AuthorIndexPage.objects.get(locale__language_code="en")
    links = soup.select(".article-head .byline a[rel=author]")
    assert [(a["href"], a.get_text()) for a in links] == [
        (
            authors.author_url(None, publication.writer.slug),
            "Leila Karimi (Nightingale)",
        ),
        (authors.author_url(None, publication.colleague.slug), "Omid Rahimi"),
    ]
    assert client.get(links[0]["href"]).status_code == 200


def test_it_links_the_section_and_the_tags(client, publication):
    soup = soup_of(client, publication.story.url)
    assert soup.select_one(".kicker a")["href"] == publication.news.url
    tag_links = soup.select("nav.tags a[rel=tag]")
    assert sorted(a.get_text() for a in tag_links) == ["climate", "water"]
    for link in tag_links:
        assert client.get(link["href"]).status_code == 200


def test_it_dates_the_article_with_a_time_element(client, publication):
    soup = soup_of(client, publication.story.url)
    time = soup.select_one(".article-head time")
    published = publication.story.first_published_at
    assert time["datetime"] == published.isoformat(timespec="minutes")
    assert time.get_text() == f"{published.day} {published:%B %Y}"


def test_it_dates_a_persian_article_in_solar_hijri_with_persian_digits(
    client, publication
):
    soup = soup_of(client, publication.fa_story.url)
    time = soup.select_one(".article-head time")
    assert time["datetime"] == "2025-03-08T09:00+00:00"
    assert time.get_text() == "۱۸ اسفند ۱۴۰۳"
    assert soup.html["lang"] == "fa" and soup.html["dir"] == "rtl"


def test_it_shows_the_reading_time(client, publication):
    soup = soup_of(client, publication.story.url)
    assert "1-minute read" in soup.select_one(".article-head .meta").get_text()
    pieces = ArticlePage.objects.filter(
        pk__in=[publication.story.pk, publication.fa_story.pk]
    )
    # Written behind the editor's back: tell the rendered parts, as a new
    # revision or a changed person would.
    pieces.update(reading_minutes=5)
    rendering.bump_generation()
    try:
        meta = soup_of(client, publication.story.url).select_one(".article-head .meta")
        assert "5-minute read" in meta.get_text()
        assert "minutes" not in meta.get_text()
        fa = soup_of(client, publication.fa_story.url).select_one(".article-head .meta")
        assert "۵ دقیقه مطالعه" in fa.get_text()
    finally:
        pieces.update(reading_minutes=1)
        rendering.bump_generation()


def test_it_shows_the_cartoon_first_with_its_alt_text(client, publication):
    soup = soup_of(client, publication.drawing.url)
    figure = soup.select_one("article.caricature > figure.cartoon")
    assert figure.find("img")["alt"] == publication.drawing.alt_text
    assert figure.find_next_sibling("header").find("h1").get_text() == "The ballot box"

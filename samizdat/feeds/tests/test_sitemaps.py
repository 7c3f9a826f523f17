from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import time_machine
from django.conf import settings

from samizdat.articles.tests import factories

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def test_it_lists_hreflang_alternates_of_translated_pages(client, publication):
    response = client.get("/en/sitemap.xml")

    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    urls = {u.find("s:loc", NS).text: u for u in tree.findall("s:url", NS)}
    story = urls[settings.BASE_URL + publication.story.url]
    alternates = {
        link.get("hreflang"): link.get("href") for link in story.findall("x:link", NS)
    }
    assert alternates == {
        "en": settings.BASE_URL + publication.story.url,
        "fa": settings.BASE_URL + publication.translation.url,
    }
    assert settings.BASE_URL + publication.drawing.url in urls
    assert settings.BASE_URL + publication.fa_story.url not in urls


def test_it_indexes_every_edition_sitemap(client, publication):
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output

    locs = [loc.text for loc in tree.findall("s:sitemap/s:loc", NS)]
    assert settings.BASE_URL + "/fa/sitemap.xml" in locs
    assert settings.BASE_URL + "/en/news-sitemap.xml" in locs


def test_it_puts_only_the_last_two_days_in_the_news_sitemap(client, publication):
    old = factories.article(
        publication.news,
        "Old news",
        published_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(hours=1)):
        response = client.get("/en/news-sitemap.xml")

    tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    titles = [t.text for t in tree.findall("s:url/n:news/n:title", NS)]
    assert "Rivers run dry" in titles
    assert old.title not in titles
    assert tree.find("s:url/n:news/n:publication/n:language", NS).text == "en"


def test_it_serves_robots_and_security_txt(client, editions):
    robots = client.get("/robots.txt").content.decode()
    security = client.get("/.well-known/security.txt").content.decode()

    assert f"Sitemap: {settings.BASE_URL}/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots
    assert f"Contact: {settings.SAMIZDAT_SECURITY_CONTACT}" in security
    assert "Expires: " in security
    assert "Preferred-Languages: en, fa" in security

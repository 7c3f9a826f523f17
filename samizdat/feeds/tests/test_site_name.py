"""A Persian reader reads the outlet's name in Persian script: on the page,
in what the page tells search engines and social sites, in feeds and mails."""

from __future__ import annotations

import json

import feedparser
from bs4 import BeautifulSoup

from samizdat.newsletter import mail

from .test_metadata import head_of

PERSIAN = "سامیزدات"


def test_each_edition_shows_its_own_masthead_and_titles(client, publication):
    for url, name in (
        ("/en/", "Samizdat"),
        (publication.fa_story.url, PERSIAN),
        (publication.fa_news.url, PERSIAN),
    ):
        response = client.get(url)
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("header.masthead a.brand").get_text() == name, url
        assert soup.title.get_text().endswith(name), url
        assert name in soup.select_one("footer").get_text(), url
        head = head_of(response)
        assert head.meta["og:site_name"] == name, url
        assert all(
            link["title"].endswith(name)
            for link in head.links
            if link.get("rel") == "alternate" and link.get("type")
        ), url


def test_an_article_names_its_publisher_in_the_edition(client, publication):
    data = json.loads(head_of(client.get(publication.fa_story.url)).jsonld[0])
    assert data["publisher"]["name"] == PERSIAN


def test_feeds_carry_the_editions_name(client, publication):
    persian = feedparser.parse(client.get("/fa/feeds/rss.xml").content)
    english = feedparser.parse(client.get("/en/feeds/rss.xml").content)
    assert persian.feed.title == PERSIAN
    assert english.feed.title == "Samizdat"
    section = feedparser.parse(client.get("/fa/feeds/tag/آب/rss.xml").content)
    assert section.feed.title.endswith(f" · {PERSIAN}")


def test_mails_name_the_outlet_in_the_readers_edition(editions):
    persian = mail.render("newsletter-confirm", {"confirm_url": "x"}, "fa")
    english = mail.render("newsletter-confirm", {"confirm_url": "x"}, "en")
    assert PERSIAN in persian.text and PERSIAN in persian.html
    assert "Samizdat" in english.text and PERSIAN not in english.html

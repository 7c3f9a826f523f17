"""A dated correction on a published article: a notice at the top links to
the list of corrections at the bottom."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


def test_it_shows_no_correction_notice_on_an_uncorrected_article(client, publication):
    soup = BeautifulSoup(client.get(publication.story.url).content, "html.parser")
    assert soup.select(".correction-notice") == []
    assert soup.select("#corrections") == []


def test_it_links_a_notice_at_the_top_to_dated_corrections_at_the_bottom(
    client, publication
):
    factories.correction(
        publication.story,
        "An earlier version gave the wrong river.",
        dt.date(2025, 3, 9),
    )
    soup = BeautifulSoup(client.get(publication.story.url).content, "html.parser")

    notice = soup.select_one(".article-head .correction-notice a")
    assert notice["href"] == "#corrections"
    corrections = soup.find(id="corrections")
    assert corrections is not None
    article = soup.select_one("article.article")
    parts = [el for el in article.descendants if el in (notice, corrections)]
    assert parts == [notice, corrections], "notice first, corrections after the body"
    item = corrections.find("li")
    assert item.find("time")["datetime"] == "2025-03-09"
    assert item.find("time").get_text() == "9 March 2025"
    assert "An earlier version gave the wrong river." in item.get_text()


def test_it_lists_corrections_in_date_order_in_the_edition_calendar(
    client, publication
):
    factories.correction(publication.fa_story, "دومین اصلاح.", dt.date(2025, 3, 10))
    factories.correction(publication.fa_story, "نخستین اصلاح.", dt.date(2025, 3, 9))
    soup = BeautifulSoup(client.get(publication.fa_story.url).content, "html.parser")
    items = soup.select("#corrections li")
    assert [li.find("time").get_text() for li in items] == [
        "۱۹ اسفند ۱۴۰۳",
        "۲۰ اسفند ۱۴۰۳",
    ]
    assert "نخستین اصلاح." in items[0].get_text()

"""The article page stays within the budgets of DESIGN.md: compressed HTML
at most 30 KB, one stylesheet at most 15 KB, fonts at most 45 KB, no script
needed to read; the stylesheet uses logical properties only."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db

KB = 1024
PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\b"
    r"|(?<![-\w])(?:left|right)\s*:"
    r"|(?:float|clear|text-align)\s*:\s*(?:left|right)\b"
)


def body_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_it_keeps_a_long_article_within_the_page_budgets(client, publication):
    writers = [factories.person(f"Reporter {i}") for i in range(3)]
    page = factories.article(
        publication.news,
        "A long report",
        authors=writers,
        tags=[f"topic {i}" for i in range(8)],
        blocks=60,
    )
    factories.correction(page, "A date was wrong.")
    response = client.get(page.url)
    html = response.content
    assert len(gzip.compress(html)) <= 30 * KB

    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all("script", src=True) == []
    stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert len(stylesheets) == 1
    css = body_of(client.get(stylesheets[0]))
    assert len(gzip.compress(css)) <= 15 * KB

    fonts = re.findall(rb"url\(\s*['\"]?([^'\")]+\.woff2)", css)
    weight = 0
    for font in set(fonts):
        font_response = client.get(urljoin(stylesheets[0], font.decode()))
        assert font_response.status_code == 200, font
        weight += len(body_of(font_response))
    assert weight <= 45 * KB


def test_it_styles_with_logical_properties_only(client, publication):
    soup = BeautifulSoup(client.get(publication.story.url).content, "html.parser")
    href = soup.select_one("link[rel=stylesheet]")["href"]
    css = body_of(client.get(href)).decode()
    assert PHYSICAL.findall(css) == []

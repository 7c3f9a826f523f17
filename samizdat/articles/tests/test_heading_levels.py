"""Every reader page type has one h1 and never skips a heading level."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def levels(html: bytes) -> list[int]:
    soup = BeautifulSoup(html, "html.parser")
    return [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def assert_in_order(url: str, found: list[int]) -> None:
    assert found.count(1) == 1 and found[0] == 1, (url, found)
    for before, after in zip(found, found[1:], strict=False):
        assert after <= before + 1, (url, found)


def test_it_orders_headings_on_every_page_type(client, publication):
    checked = 0
    for code, home in (("en", "/en/"), ("fa", "/fa/")):
        soup = BeautifulSoup(client.get(home).content, "html.parser")
        story = publication.story if code == "en" else publication.fa_story
        story_soup = BeautifulSoup(client.get(story.url).content, "html.parser")
        urls = {
            home,
            story.url,
            (publication.news if code == "en" else publication.fa_news).url,
            (publication.cartoons if code == "en" else publication.fa_cartoons).url,
            (publication.drawing if code == "en" else publication.fa_drawing).url,
            story_soup.select_one(".byline a")["href"],
            story_soup.select_one(".tags a")["href"],
            f"/{code}/search/?q=rivers",
            f"/{code}/newsletter/",
        }
        urls.update(a["href"] for a in soup.select(".site-footer a[href^='/']"))
        for url in sorted(urls):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_in_order(url, levels(response.content))
            checked += 1
    # home, article, section, caricature section and piece, author, tag,
    # search, newsletter, author index and tag index, in both editions
    assert checked == 22

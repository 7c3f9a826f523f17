"""What an anonymous reader's browser sees, sends and stores."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from samizdat.articles.tests import factories

pytestmark = pytest.mark.browser

HEADLINE = "Night trains return to the northern line"


@pytest.fixture
def story(newsroom):
    section = factories.section("News")
    author = factories.person("Leila Ahmadi")
    return factories.article(section, HEADLINE, authors=[author], blocks=6)


def test_it_reads_an_article_with_javascript_off(newsroom, new_context, story):
    page = new_context(java_script_enabled=False).new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(newsroom.at("/en/"))
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_url(newsroom.at(story.url))
    page.wait_for_load_state("load")

    piece = page.locator("article.article")
    expect(piece.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(piece.locator(".byline")).to_contain_text("Leila Ahmadi")
    expect(piece.get_by_text("Paragraph 1 of the report, with facts.")).to_be_visible()
    quotation = piece.locator("figure.quotation").first
    expect(quotation.locator("figcaption")).to_contain_text("Speaker 2")
    assert requested, "the browser recorded no request"
    foreign = [url for url in requested if not url.startswith(newsroom.url + "/")]
    assert foreign == []
    assert newsroom.foreign_requests == []


def test_it_sets_no_cookie_for_an_anonymous_reader(newsroom, new_context, story):
    context = new_context()
    page = context.new_page()
    page.goto(newsroom.at("/en/"))
    page.get_by_role("link", name="News").first.click()
    page.wait_for_url(newsroom.at(story.get_parent().url))
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_url(newsroom.at(story.url))
    page.goto(newsroom.at("/fa/"))
    assert context.cookies() == []
    assert newsroom.foreign_requests == []

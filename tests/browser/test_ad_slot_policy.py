"""The framed ad-slot documents work under their own Content-Security-Policy
(their inline style, our images, framed by our pages only) inside a reader
page under the strict reader policy, with no violation in the console."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from samizdat.ads.tests.conftest import creative, slot
from samizdat.articles.tests import factories

pytestmark = pytest.mark.browser


def test_it_shows_image_and_text_ads_under_their_own_policy(newsroom, new_context):
    news = factories.section("News")
    piece = factories.article(news, "Story with ads", blocks=6)
    side = slot()
    inside = slot("inside", "in_article", position=1)
    creative(
        "Poster",
        [side],
        text="",
        image=factories.image("Poster", (120, 90)),
        alt_text="A poster",
    )
    creative("Words", [inside], text="<b>Good</b> shoes")

    page = new_context().new_page()
    policies = {}
    page.on(
        "response",
        lambda response: (
            policies.__setitem__(
                response.url, response.headers.get("content-security-policy")
            )
            if "/ads/slot/" in response.url
            else None
        ),
    )
    page.goto(newsroom.at(piece.url))
    expect(page.locator("iframe")).to_have_count(2)

    poster = page.frame_locator(".ad-sidebar iframe").locator("img")
    expect(poster).to_have_attribute("alt", "A poster")
    assert poster.evaluate("img => img.complete && img.naturalWidth > 0")
    words = page.frame_locator(".ad-in_article iframe").locator("a")
    expect(words).to_contain_text("Good shoes")
    # The document's own inline style applied: its link fills the frame.
    assert words.evaluate("a => getComputedStyle(a).display") == "flex"
    assert words.get_attribute("target") == "_top"

    assert len(policies) == 2
    for policy in policies.values():
        assert "frame-ancestors 'self'" in policy
        assert "default-src 'none'" in policy
        assert "script-src" not in policy
    assert newsroom.foreign_requests == []
    # new_context's teardown fails the test on any policy violation.

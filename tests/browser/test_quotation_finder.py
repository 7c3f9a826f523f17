"""An editor pastes a wire passage into the quotation finder, accepts two of
its three proposals (correcting one speaker), drops the third, publishes,
and the reader finds the statements on the speaker's record."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from samizdat.articles.models import ArticlePage
from samizdat.articles.tests import factories
from samizdat.quotes.models import Quotation

from .conftest import log_in

pytestmark = pytest.mark.browser

PASSAGE = (
    'Khamenei said on March 8, 2025, "We will not negotiate under pressure." '
    "Trump declared, “They will come to the table.” "
    "He added: “The deal is close.”"
)


def test_an_editor_accepts_corrects_and_drops_proposed_quotations(
    newsroom, new_context
):
    news = factories.section("News")
    factories.person("Amira Haddad")
    leader = factories.person("Ali Khamenei", public_figure=True)
    trump = factories.person("Donald Trump", public_figure=True)

    editor = log_in(new_context(), newsroom, "eddie")
    editor.goto(newsroom.at(f"/admin/pages/add/articles/articlepage/{news.pk}/"))
    editor.get_by_role("textbox", name="Title*").fill("Talks, or not")
    editor.get_by_role("button", name="Choose person").first.click()
    editor.get_by_role("dialog").get_by_role("link", name="Amira Haddad").click()
    expect(editor.get_by_role("dialog")).to_be_hidden()

    finder = editor.get_by_role("region", name="Find quotations")
    finder.get_by_label("Paste a passage (English or Persian)").fill(PASSAGE)
    finder.get_by_role("button", name="Propose quotations").click()
    proposals = finder.locator(".quotes-finder-proposal")
    expect(proposals).to_have_count(3)
    body = editor.locator("#body-root [data-streamfield-child]")
    expect(body).to_have_count(0)  # nothing inserted without a click

    first, second, third = (
        proposals.filter(has=editor.locator(f"#quotes-finder-text-{n}"))
        for n in range(3)
    )
    expect(first.get_by_label("Speaker", exact=True)).to_have_value(str(leader.pk))
    expect(first.get_by_label("Date said")).to_have_value("2025-03-08")
    expect(second.get_by_label("Speaker", exact=True)).to_have_value(str(trump.pk))
    expect(third.get_by_label("Speaker", exact=True)).to_have_value(str(trump.pk))

    first.get_by_role("button", name="Accept").click()
    # The editor knows the last line was Khamenei's, not Trump's.
    third.get_by_label("Speaker", exact=True).select_option(str(leader.pk))
    third.get_by_role("button", name="Accept").click()
    second.get_by_role("button", name="Drop").click()
    expect(proposals).to_have_count(0)
    expect(body).to_have_count(2)
    # Let the add form's autosave (0.5 s after the last change) make its draft
    # first: a Publish that overtakes it finds its own slug taken.
    editor.wait_for_timeout(1500)

    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish", exact=True).click()
    # "created and published", or "has been published" once autosave made it.
    expect(
        editor.get_by_text(re.compile(r"Page 'Talks, or not' .*published\."))
    ).to_be_visible()

    article = ArticlePage.objects.get(title="Talks, or not")
    assert article.live
    rows = list(
        Quotation.objects.filter(page=article)
        .order_by("position")
        .values_list("text", "person_id", "date_said")
    )
    assert [(text, person) for text, person, _ in rows] == [
        ("We will not negotiate under pressure.", leader.pk),
        ("The deal is close.", leader.pk),
    ]
    assert rows[0][2].isoformat() == "2025-03-08"

    reader = new_context().new_page()
    reader.goto(newsroom.at("/en/said/ali-khamenei/"))
    expect(reader.locator(".said-item blockquote")).to_have_count(2)
    expect(reader.locator(".said-item blockquote").first).to_have_text(
        "We will not negotiate under pressure."
    )
    assert not newsroom.foreign_requests

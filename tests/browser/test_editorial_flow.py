"""From a contributor's draft to the reader's screen, through the real admin."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from samizdat.articles.models import ArticlePage
from samizdat.articles.tests import factories

from .conftest import log_in

pytestmark = pytest.mark.browser

HEADLINE = "Dam water returns to the valley"
STANDFIRST = "Farmers welcome the first flow in a decade."
AUTHOR = "Amira Haddad"
SUBHEADINGS = ["Water at last", "What comes next"]
PARAGRAPH = "The sluice gates opened at dawn and the canals filled by noon."
QUOTATION = "We waited ten years for this morning."
SPEAKER = "Reza Karimi"


def add_block(page, kind: str):
    """Append a block of `kind` to the body and return its container."""
    body = page.locator("#body-root")
    blocks = body.locator("[data-streamfield-child]")
    count = blocks.count()
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    block = blocks.nth(count)
    expect(block.get_by_role("textbox").first).to_be_editable()
    return block


def write_article(page, newsroom, section) -> None:
    page.goto(newsroom.at(f"/admin/pages/add/articles/articlepage/{section.pk}/"))
    page.get_by_role("textbox", name="Title*").fill(HEADLINE)
    page.get_by_role("textbox", name="Standfirst").fill(STANDFIRST)

    page.get_by_role("button", name="Choose person").click()
    page.get_by_role("dialog").get_by_role("link", name=AUTHOR).click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.locator("#id_article_authors-0-person-title")).to_have_text(AUTHOR)

    add_block(page, "Subheading").get_by_role("textbox").fill(SUBHEADINGS[0])
    add_block(page, "Paragraph").get_by_role("textbox").fill(PARAGRAPH)
    quotation = add_block(page, "Quotation")
    quotation.get_by_role("textbox", name="Quotation*").fill(QUOTATION)
    quotation.get_by_role("textbox", name="Speaker (free text)").fill(SPEAKER)
    add_block(page, "Subheading").get_by_role("textbox").fill(SUBHEADINGS[1])


def test_it_takes_an_article_from_contributor_to_editor_to_reader(
    newsroom, new_context
):
    news = factories.section("News")
    factories.person(AUTHOR)

    # A contributor writes the piece and submits it for review.
    writer = log_in(new_context(), newsroom, "carla")
    write_article(writer, newsroom, news)
    writer.get_by_role("button", name="More actions").click()
    submit = writer.get_by_role("button", name="Submit to Editorial review")
    expect(submit).to_be_visible()
    expect(writer.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    submit.click()
    expect(writer.get_by_text("submitted for moderation")).to_be_visible()

    article = ArticlePage.objects.get(title=HEADLINE)
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    assert [b.block_type for b in article.get_latest_revision_as_object().body] == [
        "subheading",
        "paragraph",
        "quotation",
        "subheading",
    ]

    # An editor finds it on the dashboard, approves and publishes it.
    editor = log_in(new_context(), newsroom, "eddie")
    review = editor.get_by_role("region", name="Awaiting your review")
    review.get_by_role("link", name=HEADLINE).click()
    editor.wait_for_url(newsroom.at(f"/admin/pages/{article.pk}/edit/"))
    editor.get_by_role("button", name="More actions").click()
    expect(editor.get_by_role("button", name="Publish", exact=True)).to_be_visible()
    editor.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(editor.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible()
    article.refresh_from_db()
    assert article.live

    # A reader, not logged in, goes from the front page to the article.
    reader = new_context().new_page()
    reader.goto(newsroom.at("/en/"))
    reader.get_by_role("link", name=HEADLINE).first.click()
    reader.wait_for_url(newsroom.at(article.url))
    piece = reader.locator("article.article")
    expect(piece.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(piece.locator(".standfirst")).to_have_text(STANDFIRST)
    byline = piece.locator(".byline")
    expect(byline).to_contain_text(AUTHOR)
    expect(byline.get_by_role("link", name=AUTHOR)).to_be_visible()
    expect(piece.get_by_role("heading", level=2)).to_have_text(SUBHEADINGS)
    expect(piece.get_by_text(PARAGRAPH)).to_be_visible()
    quote = piece.locator("figure.quotation")
    expect(quote.locator("blockquote")).to_have_text(QUOTATION)
    expect(quote.locator("figcaption")).to_contain_text(SPEAKER)

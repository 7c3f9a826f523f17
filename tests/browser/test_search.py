"""A reader searches from the masthead of each edition, with JavaScript off."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from samizdat.articles.tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _index_at_once(settings):
    """Run Wagtail's indexing tasks as they are enqueued, as a worker would."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }


@pytest.mark.parametrize(
    ("code", "headline", "typed", "marked"),
    [
        ("en", "Night trains return to the northern line", "northern trains", "trains"),
        ("fa", "کتاب تازهٔ شاعر منتشر شد", "كتاب", "کتاب"),
    ],
)
def test_it_searches_from_the_masthead(
    newsroom, new_context, code, headline, typed, marked
):
    slug = "news" if code == "en" else "خبر"
    section = factories.section("News" if code == "en" else "خبر", code=code, slug=slug)
    factories.article(section, headline)
    factories.article(section, "Weather" if code == "en" else "هوا")

    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(newsroom.at(f"/{code}/"))
    box = page.locator("header form[role=search] input[name=q]")
    box.fill(typed)
    box.press("Enter")
    page.wait_for_url(f"**/{code}/search/?q=*")

    results = page.locator("ol.search-results > li")
    expect(results).to_have_count(1)
    expect(results.first.locator("h2 a")).to_have_text(headline)
    expect(results.first.locator("mark").first).to_have_text(marked)
    assert page.locator("html").get_attribute("lang") == code
    assert context.cookies() == []
    assert newsroom.foreign_requests == []

    results.first.locator("h2 a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(headline)

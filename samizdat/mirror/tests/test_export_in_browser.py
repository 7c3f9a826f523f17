"""The export opened from disk (file://) in Chromium: pages, images, CSS and
the static search work with no server at all."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from samizdat.mirror.export import export_mirror
from samizdat.mirror.rewrite import file_for

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("SAMIZDAT_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def exported(publication, tmp_path):
    directory = tmp_path / "mirror"
    report = export_mirror(directory)
    assert not report.errors
    return directory


@pytest.fixture
def page():

    refused: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            headless=True, executable_path=CHROMIUM, args=LAUNCH_ARGS
        )
        context = browser.new_context()
        context.set_default_timeout(20_000)

        def refuse(route):
            refused.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith("file://"), refuse)
        tab = context.new_page()
        tab.refused = refused
        yield tab
        browser.close()
    assert refused == []


def test_it_shows_an_article_with_its_images_from_disk(exported, publication, page):
    page.goto((exported / file_for(publication.pictured.url)).as_uri())

    assert page.locator("h1").inner_text() == "Pictures of the drought"
    image = page.locator("figure.lead-image img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    skip_link = page.locator("a.skip")
    assert skip_link.evaluate("a => getComputedStyle(a).position") == "absolute"

    page.locator(".kicker a").first.click()
    assert page.url.endswith("/en/news/index.html")
    assert page.locator("h1").inner_text() == "News"


def test_it_shows_a_caricature_and_the_persian_edition(exported, publication, page):
    page.goto((exported / file_for(publication.drawing.url)).as_uri())
    assert page.locator("figure.cartoon img").evaluate("img => img.naturalWidth > 0")

    page.locator("nav.editions a").first.click()
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_it_searches_the_export_without_a_server(exported, page):
    page.goto((exported / "en/index.html").as_uri())
    page.locator("input[name=q]").first.fill("drought")
    page.locator("input[name=q]").first.press("Enter")

    results = page.locator("#mirror-search-results a")
    results.first.wait_for()
    assert results.first.inner_text() == "Pictures of the drought"
    results.first.click()
    assert page.locator("h1").inner_text() == "Pictures of the drought"

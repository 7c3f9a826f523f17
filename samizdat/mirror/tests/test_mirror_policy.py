"""Every exported page carries its own Content-Security-Policy (a mirror's
host sends none of ours) and still works under it in Chromium, opened from
disk and from a plain HTTP server: styles, fonts, images and the static
search, with no violation reported."""

from __future__ import annotations

import functools
import html as html_module
import http.server
import os
import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from samizdat.mirror.export import export_mirror
from samizdat.mirror.rewrite import file_for

CHROMIUM = os.environ.get("SAMIZDAT_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
META = re.compile(
    r'<head>\s*<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
    r'content="(?P<policy>[^"]+)">'
)
READER = {
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
}


@pytest.fixture
def exported(publication, tmp_path) -> Path:
    directory = tmp_path / "mirror"
    report = export_mirror(directory)
    assert not report.errors
    return directory


def _policy(html: str) -> set[str]:
    found = META.search(html)
    assert found, html[:300]
    policy = html_module.unescape(found.group("policy"))
    return {part.strip() for part in policy.split(";")}


def test_it_puts_the_policy_first_in_every_exported_page(exported):
    checked = 0
    for path in exported.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        policy = _policy(html)
        if "search/index.html" in str(path):
            assert policy == READER | {"script-src 'self'"}, path
        else:
            assert policy == READER, path
            assert "<script src=" not in html, path
        assert html.count('http-equiv="Content-Security-Policy"') == 1, path
        checked += 1
    assert checked > 40


@pytest.fixture
def served(exported):
    """The export behind a plain static server, as any host would serve it."""
    handler = functools.partial(QuietHandler, directory=str(exported))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def browse():
    """A Chromium tab that records policy violations and any request that
    leaves the mirror's own origin."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            headless=True, executable_path=CHROMIUM, args=LAUNCH_ARGS
        )

        def open_tab(origin: str):
            context = browser.new_context()
            context.set_default_timeout(20_000)
            tab = context.new_page()
            tab.violations = []
            tab.foreign = []

            def refuse(route):
                tab.foreign.append(route.request.url)
                route.abort()

            context.route(lambda url: not url.startswith(origin), refuse)
            tab.on(
                "console",
                lambda message: (
                    tab.violations.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            return tab

        yield open_tab
        browser.close()


def _walk(tab, start: str, publication) -> int:
    """An article with its pictures, styles and fonts; then the search."""
    tab.goto(start + file_for(publication.pictured.url))
    assert tab.locator("h1").inner_text() == "Pictures of the drought"
    image = tab.locator("figure.lead-image img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    # The stylesheet applied (the skip link is moved off-screen by it).
    skip = tab.locator("a.skip")
    assert skip.evaluate("a => getComputedStyle(a).position") == "absolute"
    tab.evaluate("document.fonts.ready")
    tab.goto(start + "en/index.html")
    tab.locator("input[name=q]").first.fill("drought")
    tab.locator("input[name=q]").first.press("Enter")
    results = tab.locator("#mirror-search-results a")
    results.first.wait_for()
    assert results.first.inner_text() == "Pictures of the drought"
    results.first.click()
    assert tab.locator("h1").inner_text() == "Pictures of the drought"
    return 3


@pytest.mark.browser
def test_it_works_under_its_policy_from_disk(exported, publication, browse):
    tab = browse("file://")
    assert _walk(tab, exported.as_uri() + "/", publication) == 3
    assert tab.violations == []
    assert tab.foreign == []


@pytest.mark.browser
def test_it_works_under_its_policy_from_any_host(served, publication, browse):
    tab = browse(served)
    assert _walk(tab, served, publication) == 3
    assert tab.violations == []
    assert tab.foreign == []
    # A script that found its way into a page would not run.
    tab.goto(served + "en/index.html")
    tab.evaluate(
        """() => { const s = document.createElement('script');
        s.textContent = 'window.ran = true'; document.body.append(s); }"""
    )
    assert tab.evaluate("window.ran === undefined")
    assert any("script-src" in text or "default-src" in text for text in tab.violations)

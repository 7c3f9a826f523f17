"""A reader with JavaScript off is counted: one view of the article and one
impression of the ad beside it, then a click through the signed redirect."""

from __future__ import annotations

import os

import pytest
from django.db import connections
from django.utils import timezone

from samizdat.ads.models import AdSlot, Creative, CreativeDay
from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories
from samizdat.audience import services
from samizdat.audience.buffer import get_store
from samizdat.audience.models import HourlyViews

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SAMIZDAT_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Headless Chromium says "HeadlessChrome", which the counter rightly takes
# for a robot; this test plays an ordinary reader.
READER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0 Safari/537.36"
)
LANDING = "https://advertiser.example/landing"

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            headless=True, executable_path=CHROMIUM, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()
        # Django calls made while Playwright's loop runs get their own
        # connections; close them, or PostgreSQL keeps the test database busy.
        connections.close_all()


@pytest.fixture
def site(transactional_db, live_server):
    get_store().clear()
    services.forget_salt()
    ensure_editions("Samizdat")
    piece = factories.article(factories.section("News"), "Counted without a trace")
    slot = AdSlot.objects.create(name="Sidebar", key="side", placement="sidebar")
    ad = Creative.objects.create(
        name="Bookshop",
        text="<b>Banned books</b>, delivered",
        link_url=LANDING,
        starts_at=timezone.now() - timezone.timedelta(hours=1),
    )
    ad.slots.add(slot)
    yield {"url": live_server.url, "piece": piece, "ad": ad}
    get_store().clear()


def test_it_counts_a_view_an_impression_and_a_click_without_javascript(chromium, site):
    context = chromium.new_context(java_script_enabled=False, user_agent=READER_AGENT)
    outside = []

    def elsewhere(route):
        outside.append(route.request.url)
        route.fulfill(status=200, body="landing", content_type="text/plain")

    context.route(lambda url: not url.startswith(site["url"]), elsewhere)
    page = context.new_page()

    page.goto(site["url"] + site["piece"].url, wait_until="load")
    services.fold()

    assert HourlyViews.objects.get(page=site["piece"]).views == 1
    assert CreativeDay.objects.get(creative=site["ad"]).impressions == 1

    ad_frame = page.frame_locator(".ad iframe")
    ad_frame.get_by_role("link").click()
    page.wait_for_url(LANDING)
    services.fold()

    assert outside == [LANDING]
    assert CreativeDay.objects.get(creative=site["ad"]).clicks == 1
    assert context.cookies() == []
    context.close()

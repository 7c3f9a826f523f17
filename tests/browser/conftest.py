"""Playwright driving Debian's Chromium against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django would
refuse database calls there as "async unsafe"; these tests are synchronous
code and allow it. Each test starts the browser and gets fresh contexts (no
cookies shared); requests to any other host are recorded and then refused, so
the suite never touches the network."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connections

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("SAMIZDAT_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "a-long-browser-test-password"
TIMEOUT_MS = 20_000
VIEWPORT = {"width": 1280, "height": 1000}


@pytest.fixture(autouse=True)
def wagtail_tree(transactional_db):
    """Put back the rows Wagtail's migrations make and a test's flush erases.

    Browser tests commit for real, so pytest-django empties the tables after
    each one; whichever test runs next finds the root page, root collection
    and default locale again, whatever ran before it."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", url_path="/"))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


@dataclass
class Newsroom:
    """The live site with its editions, roles and two staff accounts."""

    url: str
    homes: dict
    staff: dict[str, User]
    # Every URL the browser asked for outside the live server, in order.
    foreign_requests: list[str] = field(default_factory=list)
    # Every Content-Security-Policy violation a page reported to the console.
    csp_violations: list[str] = field(default_factory=list)

    def at(self, path: str) -> str:
        return self.url + path


@pytest.fixture
def newsroom(transactional_db, live_server) -> Iterator[Newsroom]:
    from samizdat.articles.setup import ensure_editions
    from samizdat.core.roles import CONTRIBUTORS, EDITORS, ensure_roles

    cache.clear()
    homes = ensure_editions("Samizdat")
    ensure_roles()
    staff = {}
    for username, group in (("carla", CONTRIBUTORS), ("eddie", EDITORS)):
        user = User.objects.create_user(
            username,
            f"{username}@example.org",
            PASSWORD,
            first_name=username.title(),
            last_name="Tester",
        )
        user.groups.add(Group.objects.get(name=group))
        staff[username] = user
    yield Newsroom(live_server.url, homes, staff)
    cache.clear()


@pytest.fixture
def browser(newsroom):
    """Chromium for one test. Started per test, after the database is ready:
    while Playwright runs, the thread has an event loop, asgiref keeps
    Django's connections apart from the ones set up before, and a second
    Playwright (another test's) would refuse to start inside it."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            headless=True, executable_path=CHROMIUM, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()
        # The connections Django opened for this test's own context.
        connections.close_all()


@pytest.fixture
def new_context(browser, newsroom) -> Iterator[Callable]:
    """Make an isolated browser context that may only reach the live server."""
    contexts = []
    own_site = re.compile("^" + re.escape(newsroom.url) + "/")

    def refuse(route):
        newsroom.foreign_requests.append(route.request.url)
        route.abort()

    def violation(message):
        if "Content Security Policy" in message.text:
            where = message.page.url if message.page else ""
            newsroom.csp_violations.append(f"{where}: {message.text}")

    def make(**options):
        options.setdefault("viewport", VIEWPORT)
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.route(lambda url: not own_site.match(url), refuse)
        context.on("console", violation)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    # No page of any browser test may break our own Content-Security-Policy.
    assert newsroom.csp_violations == []


def log_in(context, newsroom: Newsroom, username: str):
    """Sign in through Wagtail's login form; return the page on the dashboard."""
    page = context.new_page()
    page.goto(newsroom.at("/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(newsroom.at("/admin/"))
    return page

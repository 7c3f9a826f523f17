"""An Editor signs in (password and authenticator app, as in production) and
walks the admin's main pages, the page editor and the upload forms: every
request the browser makes goes to our own origin, and no page breaks the
admin's Content-Security-Policy."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from samizdat.articles.tests import factories

from .staff import sign_in_with_app

pytestmark = pytest.mark.browser

MAIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=water",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/",
    "/admin/documents/multiple/add/",
    "/admin/snippets/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/reports/ads/",
    "/admin/newsletter/",
    "/admin/account/",
    "/admin/security/",
]


def test_it_asks_no_other_server_anything_while_an_editor_works(
    newsroom, new_context, settings
):
    settings.SAMIZDAT_STAFF_SECOND_FACTOR = True
    news = factories.section("News")
    piece = factories.article(news, "Water returns", blocks=6)
    eddie = newsroom.staff["eddie"]
    key = TOTPDevice.objects.create(user=eddie, name="app", confirmed=True).bin_key

    context = new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = sign_in_with_app(context, newsroom, "eddie", key)
    walked = 0
    for path in [
        *MAIN_PAGES,
        f"/admin/pages/{news.pk}/",
        f"/admin/pages/{piece.pk}/edit/",
        f"/admin/pages/add/articles/articlepage/{news.pk}/",
        # A reader page, signed in: Wagtail's user bar under the reader policy.
        piece.url,
    ]:
        response = page.goto(newsroom.at(path))
        assert response is not None and response.status == 200, path
        expect(page.locator("main, #main").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        walked += 1
    assert walked == len(MAIN_PAGES) + 4
    # The last page was the reader's: the user bar's scripts ran.
    assert page.evaluate("customElements.get('wagtail-userbar') !== undefined")
    assert len(requested) > walked * 3
    assert [url for url in requested if not url.startswith(newsroom.url)] == []
    assert newsroom.foreign_requests == []

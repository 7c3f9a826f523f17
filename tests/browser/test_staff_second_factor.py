"""After the password, a staff account with no second factor opens no admin
page until it registers one; it sets up an authenticator app from the key
the page shows (the code computed here as a phone computes it), signs in
with the app's code (a code already used is refused), and with a recovery
code exactly once. An Administrator reads those sign-ins in Reports."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from samizdat.staff.audit import Event

from .staff import (
    administrator,
    app_code,
    enter_password,
    forget_session,
    key_on_page,
    sign_in_with_app,
    site_history,
)

pytestmark = pytest.mark.browser

REFUSED = "That code is wrong or was used already."
# The admin's main pages, as the sidebar links them.
MAIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/account/",
    "/admin/security/lockouts/",
]


@pytest.fixture
def second_factor(settings):
    settings.SAMIZDAT_STAFF_SECOND_FACTOR = True


def test_it_keeps_an_account_without_a_factor_out_until_it_has_an_app(
    newsroom, new_context, second_factor
):
    context = new_context()
    page = context.new_page()
    enter_password(page, newsroom, "eddie")
    expect(page).to_have_url(re.compile(r"/admin/security/\?next="))
    refused = 0
    for path in MAIN_PAGES:
        page.goto(newsroom.at(path))
        expect(page).to_have_url(re.compile(r"/admin/security/\?next="))
        expect(
            page.get_by_text("Before you can use the admin, register a second factor")
        ).to_be_visible()
        refused += 1
    assert refused == len(MAIN_PAGES)

    page.get_by_role("link", name="Set up an authenticator app").click()
    key = key_on_page(page)
    first = app_code(key)
    page.get_by_label("Code").fill(first)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(newsroom.at("/admin/security/"))
    expect(page.get_by_text("The authenticator app is set up.")).to_be_visible()
    page.get_by_role("button", name="Make new recovery codes").click()
    expect(page.locator("[data-recovery-codes] code")).to_have_count(10)
    codes = page.locator("[data-recovery-codes] code").all_inner_texts()
    page.goto(newsroom.at("/admin/pages/"))
    expect(page).to_have_url(newsroom.at("/admin/pages/"))
    forget_session(page)

    # Next sign-in: the code just used to confirm the app is refused (a
    # replay); the app's next code is accepted (django-otp allows one step of
    # drift).
    enter_password(page, newsroom, "eddie")
    expect(page).to_have_url(re.compile(r"/admin/security/verify/"))
    page.goto(newsroom.at("/admin/pages/"))
    expect(page).to_have_url(re.compile(r"/admin/security/verify/\?next="))
    page.locator("#id_app-code").fill(first)
    page.get_by_role("button", name="Confirm with the app's code").click()
    expect(page.locator(".messages .error")).to_have_text(REFUSED)
    # django-otp refuses any code for a second after a wrong one.
    page.wait_for_timeout(1200)
    page.locator("#id_app-code").fill(app_code(key, steps_ahead=1))
    page.get_by_role("button", name="Confirm with the app's code").click()
    expect(page).to_have_url(newsroom.at("/admin/pages/"))
    forget_session(page)

    # A recovery code signs in once; the second time it is refused.
    for attempt in range(2):
        enter_password(page, newsroom, "eddie")
        expect(page).to_have_url(re.compile(r"/admin/security/verify/"))
        page.get_by_text("Use a recovery code").click()
        page.locator("#id_recovery-code").fill(codes[0])
        page.get_by_role("button", name="Confirm with a recovery code").click()
        if attempt == 0:
            expect(page).to_have_url(newsroom.at("/admin/"))
        else:
            expect(page.locator(".messages .error")).to_have_text(REFUSED)
            page.goto(newsroom.at("/admin/"))
            expect(page).to_have_url(re.compile(r"/admin/security/verify/"))
        forget_session(page)
    page.wait_for_timeout(1200)
    enter_password(page, newsroom, "eddie")
    page.get_by_text("Use a recovery code").click()
    page.locator("#id_recovery-code").fill(codes[1])
    page.get_by_role("button", name="Confirm with a recovery code").click()
    expect(page).to_have_url(newsroom.at("/admin/"))

    eddie = newsroom.staff["eddie"]
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(eddie.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions.count(Event.SIGNED_IN.value) == 5
    assert actions.count(Event.VERIFIED.value) == 3
    assert actions.count(Event.FACTOR_ADDED.value) == 2

    _user, ada_key = administrator(newsroom)
    ada = sign_in_with_app(new_context(), newsroom, "ada", ada_key)
    rows = site_history(ada, newsroom, "eddie")
    signed_in = [row for row in rows if "Signed in with the password" in row]
    passed = [row for row in rows if "Passed the second factor" in row]
    assert len(signed_in) == 5
    assert [row for row in passed if "recovery code" in row][:2] == passed[:2]
    assert len(passed) == 3
    assert all("from 127.0.0.1" in row for row in signed_in + passed)
    assert newsroom.foreign_requests == []

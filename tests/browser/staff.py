"""What the staff security browser tests share: a second factor turned on as
in production, the password step, codes computed as a phone computes them,
an Administrator with an authenticator app, and the Site history report."""

from __future__ import annotations

import re
import time
from base64 import b32decode

from django.contrib.auth.models import User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import PASSWORD, Newsroom

STEP = 30


def app_code(key: bytes, *, steps_ahead: int = 0) -> str:
    """The six digits an authenticator app holding `key` shows now (or that
    many 30-second steps later), computed as RFC 6238 says."""
    clock = TOTP(key, step=STEP, t0=0, digits=6)
    clock.time = time.time() + steps_ahead * STEP
    return f"{clock.token():06d}"


def key_on_page(page) -> bytes:
    """The key the set-up page shows for typing by hand, as the app reads it."""
    text = page.locator("[data-totp-key]").inner_text().replace(" ", "")
    return b32decode(text + "=" * (-len(text) % 8))


def enter_password(page, newsroom: Newsroom, username: str, password=PASSWORD):
    page.goto(newsroom.at("/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def forget_session(page) -> None:
    """As a browser closed and opened again. Leave the admin page first: every
    answer renews the session cookie (SESSION_SAVE_EVERY_REQUEST), so one
    still loading would set it again."""
    page.goto("about:blank")
    page.context.clear_cookies()
    # An admin request cut off by leaving can still answer with the cookie:
    # clear again until none has come back for half a second.
    for _ in range(10):
        page.wait_for_timeout(500)
        if not page.context.cookies():
            break
        page.context.clear_cookies()


def administrator(newsroom: Newsroom) -> tuple[User, bytes]:
    """An Administrator whose authenticator app is already set up."""
    user = User.objects.create_superuser("ada", "ada@example.org", PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    newsroom.staff["ada"] = user
    return user, device.bin_key


def sign_in_with_app(context, newsroom: Newsroom, username: str, key: bytes):
    """Password, then the app's code; return the page on the dashboard."""
    from playwright.sync_api import expect

    page = context.new_page()
    enter_password(page, newsroom, username)
    expect(page).to_have_url(re.compile(r"/admin/security/verify/"))
    page.locator("#id_app-code").fill(app_code(key))
    page.get_by_role("button", name="Confirm with the app's code").click()
    expect(page).to_have_url(newsroom.at("/admin/"))
    return page


def site_history(page, newsroom: Newsroom, account: str) -> list[str]:
    """The rows of Reports → Site history about one account, newest first,
    as the report shows them."""
    page.goto(newsroom.at("/admin/reports/site-history/"))
    rows = page.locator("table.listing tbody tr").filter(has_text=account)
    return [" ".join(text.split()) for text in rows.all_inner_texts()]

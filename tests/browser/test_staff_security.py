"""A staff member registers a passkey (Chromium's virtual authenticator, the
CDP WebAuthn domain) after the password, is refused every admin page until
then, and signs in with the passkey next time; the audit log shows it all."""

from __future__ import annotations

import re

import pytest
from wagtail.models import ModelLogEntry

from samizdat.staff.audit import Event

from .conftest import PASSWORD
from .staff import forget_session

pytestmark = pytest.mark.browser


def _password(page, newsroom, username: str) -> None:
    page.goto(newsroom.at("/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()


def test_it_signs_in_with_a_password_and_a_passkey(newsroom, new_context, settings):
    from playwright.sync_api import expect

    settings.SAMIZDAT_STAFF_SECOND_FACTOR = True
    origin = newsroom.url.replace("//127.0.0.1", "//localhost")
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [origin]
    newsroom.url = origin
    context = new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )

    _password(page, newsroom, "eddie")
    expect(page).to_have_url(re.compile(r"/admin/security/\?next="))
    page.goto(newsroom.at("/admin/pages/"))
    expect(page).to_have_url(re.compile(r"/admin/security/\?next="))

    page.get_by_role("button", name="Register a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/security/passkeys/\d+/$"))
    page.get_by_label("Name").fill("Test key")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Test key")).to_be_visible()
    page.goto(newsroom.at("/admin/pages/"))
    expect(page).to_have_url(newsroom.at("/admin/pages/"))
    forget_session(page)

    _password(page, newsroom, "eddie")
    expect(page).to_have_url(re.compile(r"/admin/security/verify/"))
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(newsroom.at("/admin/"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    eddie = newsroom.staff["eddie"]
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(eddie.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions.count(Event.SIGNED_IN.value) == 2
    assert actions.count(Event.FACTOR_ADDED.value) == 1
    assert actions.count(Event.VERIFIED.value) == 1
    assert newsroom.foreign_requests == []


def test_it_signs_in_with_a_passkey_alone(newsroom, new_context, settings):
    from playwright.sync_api import expect

    settings.SAMIZDAT_STAFF_SECOND_FACTOR = True
    settings.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = True
    origin = newsroom.url.replace("//127.0.0.1", "//localhost")
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [origin]
    newsroom.url = origin
    context = new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )["authenticatorId"]

    _password(page, newsroom, "eddie")
    page.get_by_role("button", name="Register a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/security/passkeys/\d+/$"))
    page.get_by_label("Name").fill("Laptop")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Laptop")).to_be_visible()
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert [
        credential["isResidentCredential"] for credential in stored["credentials"]
    ] == [True]
    forget_session(page)

    page.goto(newsroom.at("/admin/login/"))
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page).to_have_url(newsroom.at("/admin/"))
    page.goto(newsroom.at("/admin/pages/"))
    expect(page).to_have_url(newsroom.at("/admin/pages/"))

    eddie = newsroom.staff["eddie"]
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(eddie.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions.count(Event.SIGNED_IN.value) == 1
    assert actions.count(Event.SIGNED_IN_PASSKEY.value) == 1
    entry = ModelLogEntry.objects.get(action=Event.SIGNED_IN_PASSKEY.value)
    assert entry.data["address"] == "127.0.0.1"
    assert newsroom.foreign_requests == []

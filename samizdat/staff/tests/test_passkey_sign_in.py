from __future__ import annotations

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

pytestmark = pytest.mark.django_db

BEGIN = "/admin/security/webauthn/authentication/begin/"


def test_it_offers_a_passkey_sign_in_that_starts_without_an_account(settings):
    settings.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = True
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    assert "Sign in with a passkey" in page.content.decode()
    assert "otp_webauthn_auth.js" in page.content.decode()
    token = page.cookies["csrftoken"].value
    begun = client.post(
        BEGIN, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert begun.status_code == 200
    options = begun.json()
    assert options["userVerification"] == "required"
    assert options.get("allowCredentials", []) == []


def test_it_offers_none_when_turned_off(client, settings):
    settings.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
    page = client.get("/admin/login/")
    assert "Sign in with a passkey" not in page.content.decode()
    refused = client.post(BEGIN, content_type="application/json")
    assert refused.status_code == 403


def test_it_registers_passkeys_only_for_signed_in_staff(client):
    for step in ("begin", "complete"):
        response = client.post(
            f"/admin/security/webauthn/registration/{step}/",
            content_type="application/json",
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def _completed(user, address: str):
    """The last step of a passkey sign-in, after django-otp-webauthn has
    checked the signature: what the view then does with the account."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django_otp_webauthn.models import WebAuthnCredential

    from samizdat.staff.passkey_urls import CompleteAuthentication

    passkey = WebAuthnCredential.objects.create(
        user=user,
        name="Laptop",
        credential_id=b"credential",
        public_key=b"key",
        aaguid="00000000-0000-0000-0000-000000000000",
        credential_id_sha256="0" * 64,
        confirmed=True,
    )
    request = RequestFactory().post(BEGIN, REMOTE_ADDR=address)
    request.session = SessionStore()
    request.user = AnonymousUser()
    view = CompleteAuthentication()
    view.request = request
    view.complete_auth(passkey)
    return request


def test_it_records_a_passkey_sign_in_in_the_audit_log(editor):
    from wagtail.models import ModelLogEntry

    from samizdat.staff.audit import Event

    request = _completed(editor, "192.0.2.10")
    assert request.user == editor
    # django-otp's mark that this session passed a second factor.
    assert request.session[DEVICE_ID_SESSION_KEY].startswith("django_otp_webauthn.")
    entry = ModelLogEntry.objects.get(action=Event.SIGNED_IN_PASSKEY.value)
    assert entry.data["address"] == "192.0.2.10"
    assert not ModelLogEntry.objects.filter(action=Event.SIGNED_IN.value).exists()


def test_it_refuses_a_passkey_sign_in_from_a_locked_address(editor):
    from axes.models import AccessAttempt
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from samizdat.staff.audit import Event
    from samizdat.staff.passkey_urls import SignInRefused

    AccessAttempt.objects.create(
        username="someone.else",
        ip_address="192.0.2.66",
        user_agent="",
        failures_since_start=5,
        attempt_time=timezone.now(),
    )
    with pytest.raises(SignInRefused):
        _completed(editor, "192.0.2.66")
    assert ModelLogEntry.objects.filter(action=Event.REFUSED_LOCKED.value).count() == 1
    assert not ModelLogEntry.objects.filter(
        action=Event.SIGNED_IN_PASSKEY.value
    ).exists()


@pytest.mark.parametrize(
    "body",
    [
        "",
        "{",
        "[]",
        '{"id": "x", "rawId": "x", "type": "public-key", "response": {}}',
        '{"id": 1, "response": {"clientDataJSON": "!!", "signature": null}}',
    ],
)
def test_it_answers_a_garbled_passkey_sign_in_with_a_client_error(client, body):
    assert client.post(BEGIN, content_type="application/json").status_code == 200
    response = client.post(
        BEGIN.replace("begin", "complete"), body, content_type="application/json"
    )
    assert 400 <= response.status_code < 500, response.content
    again = client.post(
        BEGIN.replace("begin", "complete"), body, content_type="application/json"
    )
    assert again.status_code == 400  # the ceremony's state is gone after one try


def test_it_lets_the_owner_in_with_a_passkey_while_guessing_locked_the_account(
    editor,
):
    from axes.models import AccessAttempt
    from django.utils import timezone

    AccessAttempt.objects.create(
        username=editor.username,
        ip_address="203.0.113.5",
        user_agent="",
        failures_since_start=5,
        attempt_time=timezone.now(),
    )
    request = _completed(editor, "192.0.2.10")
    assert request.user == editor

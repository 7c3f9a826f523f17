from __future__ import annotations

import pytest
from django.test import Client

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

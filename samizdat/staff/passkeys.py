"""Where passkeys belong: the relying party is the admin's own host name."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def relying_party_id(request: HttpRequest) -> str:
    """The host name of the first allowed origin (WEBAUTHN_ORIGINS): a passkey
    registered there works on no other site, so a phishing page cannot use it."""
    return urlsplit(settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0]).hostname or "localhost"

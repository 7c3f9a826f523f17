from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def passkey_sign_in_allowed() -> bool:
    """Whether the sign-in page offers "Sign in with a passkey"."""
    return bool(settings.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN)

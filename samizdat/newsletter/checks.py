from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register


@register()
def newsletter_keys(app_configs, **kwargs) -> list[Error]:
    """Without its keys every subscription would answer an error: refuse to
    start instead (dev and test settings carry their own throwaway keys)."""
    errors = []
    if not settings.NEWSLETTER_KEYS:
        errors.append(
            Error(
                "NEWSLETTER_KEYS is not set.",
                id="newsletter.E001",
                hint="Generate one with: python -c 'from cryptography.fernet "
                "import Fernet; print(Fernet.generate_key().decode())'",
            )
        )
    if not settings.NEWSLETTER_HASH_KEY:
        errors.append(Error("NEWSLETTER_HASH_KEY is not set.", id="newsletter.E002"))
    return errors

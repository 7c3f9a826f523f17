"""Signed links in mail, each doing one thing.

- Confirmation: expires (NEWSLETTER_CONFIRM_MAX_AGE) and carries the time it
  was issued, so `services.confirm` can refuse a link older than a later
  unsubscribe; it confirms a pending address once.
- Preferences (and erase, on the same page): expires after
  NEWSLETTER_LINK_MAX_AGE; every mail carries a fresh one.
- Unsubscribe: never expires, so the RFC 8058 one-click link of any mail
  ever sent keeps working; it can only stop mail."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.utils import timezone

CONFIRM_SALT = "samizdat.newsletter.confirm"
MANAGE_SALT = "samizdat.newsletter.manage"
PREFERENCES_SALT = "samizdat.newsletter.preferences"


class BadToken(Exception):
    """The link was altered, has expired or belongs to no one."""


def confirm_token(address_hash: str) -> str:
    """Signed with the moment of issue, to the microsecond."""
    issued = int(timezone.now().timestamp() * 1_000_000)
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{address_hash}.{issued}")


def read_confirm_token(token: str) -> tuple[str, dt.datetime]:
    """The address hash and when the link was issued."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        value = signer.unsign(token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    address_hash, _dot, micros = value.partition(".")
    if not micros.isdigit():
        raise BadToken("no time of issue")
    issued = dt.datetime.fromtimestamp(int(micros) / 1_000_000, tz=dt.UTC)
    return address_hash, issued


def manage_token(address_hash: str) -> str:
    """The link to the reader's preferences page (and erase); expires."""
    return signing.TimestampSigner(salt=PREFERENCES_SALT).sign(address_hash)


def read_manage_token(token: str) -> str:
    try:
        return signing.TimestampSigner(salt=PREFERENCES_SALT).unsign(
            token, max_age=settings.NEWSLETTER_LINK_MAX_AGE
        )
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error


def unsubscribe_token(address_hash: str) -> str:
    """The one-click unsubscribe link: it never expires and only stops mail."""
    return signing.Signer(salt=MANAGE_SALT).sign(address_hash)


def read_unsubscribe_token(token: str) -> str:
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error

"""Signed links in mail: confirmation (expires), preferences and unsubscribe."""

from __future__ import annotations

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "samizdat.newsletter.confirm"
MANAGE_SALT = "samizdat.newsletter.manage"


class BadToken(Exception):
    """The link was altered, has expired or belongs to no one."""


def confirm_token(address_hash: str) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(address_hash)


def read_confirm_token(token: str) -> str:
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE
        )
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error


def manage_token(address_hash: str) -> str:
    return signing.Signer(salt=MANAGE_SALT).sign(address_hash)


def read_manage_token(token: str) -> str:
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error

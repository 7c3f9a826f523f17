"""Addresses at rest: encrypted with Fernet, found by a keyed hash.

NEWSLETTER_KEYS lists Fernet keys, newest first: the first encrypts, all
decrypt, so a key can be rotated (`manage.py rotate_newsletter_key`).
NEWSLETTER_HASH_KEY keys the HMAC used to look an address up."""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def normalise(address: str) -> str:
    """One spelling per mailbox: trimmed, domain lower-cased."""
    address = address.strip()
    local, _at, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(
            "NEWSLETTER_KEYS is empty: set it in the environment."
        )
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.NEWSLETTER_KEYS))


def _hash_key() -> bytes:
    key = settings.NEWSLETTER_HASH_KEY
    if not key:
        raise ImproperlyConfigured(
            "NEWSLETTER_HASH_KEY is empty: set it in the environment."
        )
    return key.encode()


def address_hash(address: str) -> str:
    """The keyed hash an address is found by; useless without the key."""
    return keyed_hash(normalise(address).lower())


def keyed_hash(value: str) -> str:
    return hmac.new(_hash_key(), value.encode(), hashlib.sha256).hexdigest()


def encrypt(address: str) -> str:
    return fernet().encrypt(address.encode()).decode()


def decrypt(token: str) -> str:
    return fernet().decrypt(token.encode()).decode()


def reencrypt(token: str) -> str:
    """The same address under the newest key."""
    return fernet().rotate(token.encode()).decode()

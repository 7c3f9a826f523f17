"""Reads for mirrors: the addresses editors keep, cached so reader pages pay
no query for them once warm."""

from __future__ import annotations

from django.core.cache import cache

from .models import MirrorSettings

CACHE_KEY = "samizdat:mirror:addresses"
CACHE_SECONDS = 3600


def addresses() -> dict:
    """Mirror addresses and the onion address, as editors set them."""
    found = cache.get(CACHE_KEY)
    if found is None:
        row = MirrorSettings.objects.first()
        found = {
            "mirrors": row.mirror_list if row else [],
            "onion": (row.onion_address.rstrip("/") if row else ""),
        }
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def forget() -> None:
    cache.delete(CACHE_KEY)

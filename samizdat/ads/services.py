"""Writes and choices for ads: pick a creative, sign and check click links."""

from __future__ import annotations

import random

from django.core import signing

CLICK_SALT = "samizdat.ads.click"

_random = random.SystemRandom()


def choose(creatives: list[dict], rng: random.Random | None = None) -> dict | None:
    """One creative, drawn in proportion to its weight."""
    if not creatives:
        return None
    rng = rng or _random
    return rng.choices(creatives, weights=[c["weight"] for c in creatives])[0]


def click_token(creative_id: int) -> str:
    """A signed token for a creative's click link (no open redirect)."""
    return signing.dumps(creative_id, salt=CLICK_SALT)


def creative_from_token(token: str) -> int | None:
    """The creative id of a genuine token, or None if tampered or malformed."""
    try:
        value = signing.loads(token, salt=CLICK_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        return None
    return value

"""The only markup a text advertisement may carry: a few inline tags, no
attributes, no links (the whole ad links through the click redirect), never
a script or a style."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {"b", "strong", "i", "em", "br", "span", "small", "p"}


def sanitise(html: str) -> str:
    """Text-ad markup reduced to the allow-list."""
    return nh3.clean(html or "", tags=ALLOWED_TAGS, attributes={}, link_rel=None)

from __future__ import annotations

from django import template

from samizdat.mirror import queries

register = template.Library()


@register.simple_tag
def mirror_addresses() -> dict:
    """The mirrors and onion address editors keep in settings (cached)."""
    return queries.addresses()

from __future__ import annotations

from django import template

from samizdat.feeds.metadata import PageMetadata
from samizdat.feeds.metadata import page_metadata as build

register = template.Library()


@register.simple_tag(takes_context=True)
def page_metadata(context) -> PageMetadata:
    """Feed links, OpenGraph, Twitter and JSON-LD for the page in context."""
    return build(context)

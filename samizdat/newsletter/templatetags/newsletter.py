from __future__ import annotations

from django import template

from samizdat.editions.conf import edition_for

from ..forms import SubscribeForm

register = template.Library()


@register.simple_tag
def newsletter_form() -> SubscribeForm:
    """An empty footer form for the active edition; it costs no query."""
    return SubscribeForm(language=edition_for().code, with_sections=False)

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from samizdat.editions.conf import edition_for

from ..forms import SubscribeForm

register = template.Library()


@register.simple_tag
def newsletter_form() -> SubscribeForm:
    """An empty footer form for the active edition; it costs no query."""
    return SubscribeForm(language=edition_for().code, with_sections=False)


_BOXES: dict[str, str] = {}


@register.simple_tag(takes_context=True)
def newsletter_box(context) -> SafeString:
    """The footer's newsletter box: the same on every page of an edition, so
    each process renders it once per edition."""
    code = edition_for().code
    if code not in _BOXES:
        _BOXES[code] = render_to_string(
            "components/newsletter_box.html", request=context.get("request")
        )
    return mark_safe(_BOXES[code])  # noqa: S308

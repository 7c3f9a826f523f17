from __future__ import annotations

import datetime as dt

from django import template
from django.utils.html import format_html

from samizdat.editions.formats import format_date, iso_datetime, localise_digits

register = template.Library()


@register.filter
def digits(value: object) -> str:
    """Write a number in the active edition's digits."""
    return localise_digits(value)


@register.simple_tag
def local_time(value: dt.date | dt.datetime | None, css_class: str = "") -> str:
    """<time datetime="…">date in the edition's calendar and digits</time>."""
    if value is None:
        return ""
    return format_html(
        '<time datetime="{}"{}>{}</time>',
        iso_datetime(value),
        format_html(' class="{}"', css_class) if css_class else "",
        format_date(value),
    )


@register.filter
def local_date(value: dt.date | dt.datetime | None) -> str:
    return format_date(value)

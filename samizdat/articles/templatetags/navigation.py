from __future__ import annotations

from django import template

from samizdat.articles import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_nav(context) -> navigation.Navigation:
    return navigation.edition_nav(context["request"])

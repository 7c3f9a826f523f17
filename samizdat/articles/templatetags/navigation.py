from __future__ import annotations

from django import template

from samizdat.articles import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_nav(context) -> navigation.Navigation:
    return navigation.edition_nav(context["request"])


@register.simple_tag(takes_context=True)
def section_of(context, page) -> navigation.SectionLink | navigation.SectionPage | None:
    """The section a piece belongs to (its link, from the cached navigation)."""
    return navigation.section_of(context["request"], page)

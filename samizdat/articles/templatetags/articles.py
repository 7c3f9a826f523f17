from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from samizdat.articles import navigation
from samizdat.articles.models import AuthorIndexPage, TagIndexPage

register = template.Library()


def _indexes(request, locale_id: int) -> dict:
    memo = getattr(request, "_samizdat_indexes", None)
    if memo is None:
        memo = request._samizdat_indexes = {}
    if locale_id not in memo:
        memo[locale_id] = navigation.index_pages(locale_id)
    return memo[locale_id]


@register.simple_tag(takes_context=True)
def author_url(context, person) -> str:
    request = context["request"]
    nav = navigation.edition_nav(request)
    if nav.locale_id == person.locale_id:
        if not nav.authors_url:
            return ""
        return nav.authors_url + AuthorIndexPage.subpage_path("item", person.slug)
    index = _indexes(request, person.locale_id)["authors"]
    return index.author_url(request, person.slug) if index else ""


@register.simple_tag(takes_context=True)
def tag_url(context, tag, locale_id: int) -> str:
    request = context["request"]
    nav = navigation.edition_nav(request)
    if nav.locale_id == locale_id:
        if not nav.tags_url:
            return ""
        return nav.tags_url + TagIndexPage.subpage_path("item", tag.slug)
    index = _indexes(request, locale_id)["tags"]
    return index.tag_url(request, tag.slug) if index else ""


@register.simple_tag(takes_context=True)
def byline(context, people) -> str:
    """Linked names, 'Name (Pen name)', joined in the edition's language."""
    links = [(author_url(context, person), person.byline_name) for person in people]
    parts = [
        format_html('<a href="{}" rel="author"><bdi>{}</bdi></a>', url, name)
        if url
        else format_html("<bdi>{}</bdi>", name)
        for url, name in links
    ]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    separator = _(", ")
    return format_html(
        "{}{}{}",
        format_html_join(separator, "{}", ((p,) for p in parts[:-1])),
        _(" and "),
        parts[-1],
    )


@register.simple_tag
def card_authors(article) -> list:
    """The people of a card whose bylines were prefetched."""
    return [a.person for a in article.article_authors.all()]

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from samizdat.articles import navigation, queries, rendering
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


class CachedPartNode(template.Node):
    """A part of a page rendered once and kept (`rendering.per_revision` or
    `rendering.per_edition`), keyed also by the navigation build it used."""

    def __init__(self, keep, name: str, nodelist: template.NodeList) -> None:
        self.keep, self.name, self.nodelist = keep, name, nodelist

    def render(self, context) -> str:
        request = context.get("request")
        stamp = navigation.edition_nav(request).stamp if request is not None else ""
        html = self.keep(
            context.get("page"),
            request,
            f"fragment-{self.name}",
            lambda: str(self.nodelist.render(context)),
            vary=stamp,
        )
        return mark_safe(html)  # noqa: S308


def _cached_part(parser, token, keep) -> CachedPartNode:
    bits = token.split_contents()
    tag = bits[0]
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{tag} takes one quoted fragment name")
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    return CachedPartNode(keep, bits[1][1:-1], nodelist)


@register.tag("per_revision")
def per_revision(parser, token) -> CachedPartNode:
    """{% per_revision "name" %}…{% endper_revision %}: output that shows only
    the piece's published revision and what moves the render generation on
    (its people, tags, images, the page tree, its related list), rendered
    once per revision, edition, generation and navigation build."""
    return _cached_part(parser, token, rendering.per_revision)


@register.tag("per_edition")
def per_edition(parser, token) -> CachedPartNode:
    """{% per_edition "name" %}…{% endper_edition %}: output that every page
    of an edition shows alike and that only publishing or what moves the
    render generation on changes, rendered once per edition, generation and
    navigation build."""
    return _cached_part(parser, token, rendering.per_edition)


@register.simple_tag
def latest_caricature(locale_id: int):
    """The edition's newest caricature as a card, or None."""
    return queries.latest_caricature(locale_id)

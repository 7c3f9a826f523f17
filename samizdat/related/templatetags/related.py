from __future__ import annotations

from django import template

from samizdat.articles import navigation
from samizdat.articles.models import ArticlePage

from .. import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def related_articles(context, page: ArticlePage) -> list[dict]:
    """The stored "You May Also Like" list of an article page, as links
    labelled with their section (from the edition's cached navigation)."""
    request = context["request"]
    return [
        {
            "title": article.title,
            "url": article.get_url(request),
            "published": article.first_published_at,
            "section": navigation.section_of(request, article),
        }
        for article in queries.related_for(page)
    ]

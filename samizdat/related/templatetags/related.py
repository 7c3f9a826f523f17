from __future__ import annotations

from django import template

from samizdat.articles.models import ArticlePage

from .. import queries

register = template.Library()


@register.simple_tag
def related_articles(page: ArticlePage) -> list[ArticlePage]:
    """The stored "You May Also Like" list of an article page."""
    return queries.related_for(page)

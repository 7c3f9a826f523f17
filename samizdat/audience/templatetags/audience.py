from __future__ import annotations

from django import template

from samizdat.articles.models import ArticlePage

from .. import queries

register = template.Library()


@register.simple_tag
def popular_posts(page, limit: int = 5) -> list[ArticlePage]:
    """The edition's Popular Posts, without the article being read."""
    if page is None or not getattr(page, "locale_id", None):
        return []
    exclude = page.pk if isinstance(page, ArticlePage) else None
    return queries.popular(page.locale_id, exclude_id=exclude, limit=limit)

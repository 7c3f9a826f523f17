from __future__ import annotations

from django import template

from samizdat.articles.models import ArticlePage

from .. import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def popular_posts(context, page, limit: int = 5) -> list[tuple[str, str]]:
    """The edition's Popular Posts as (title, url), without the article read."""
    if page is None or not getattr(page, "locale_id", None):
        return []
    exclude = page.pk if isinstance(page, ArticlePage) else None
    return queries.popular_links(context["request"], page.locale_id, exclude, limit)

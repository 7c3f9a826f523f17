"""The one place that talks to the search engine (Wagtail's search backend).

Everything else hands over a queryset and normalised words and gets back the
matching rows, best first. Moving to OpenSearch or Elasticsearch changes
WAGTAILSEARCH_BACKENDS and this module, nothing else."""

from __future__ import annotations

from django.db import connections
from django.db.models import F, QuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

SCORE = "_score"


def matching(queryset: QuerySet, terms: list[str], *, every: bool = True) -> QuerySet:
    """Rows of `queryset` whose index holds the words, by relevance then recency.

    `terms` must be normalised words (letters and digits only), so no query
    syntax of the engine can reach it."""
    query = PlainText(" ".join(terms), operator="and" if every else "or")
    results = (
        get_search_backend()
        .search(query, queryset, order_by_relevance=True)
        .annotate_score(SCORE)
    )
    found = results.get_queryset()
    vendor = connections[found.db].vendor
    # SQLite's bm25() is lower for better matches; PostgreSQL's ts_rank higher.
    best_first = F(SCORE).asc() if vendor == "sqlite" else F(SCORE).desc()
    return found.order_by(best_first, "-first_published_at", "-pk")

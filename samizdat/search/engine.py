"""The one place that talks to the search engine.

The index is Wagtail's database search backend (SQLite FTS5 or PostgreSQL full
text), filled by Wagtail on publish. Everything else hands this module a
queryset and normalised words and gets back a ranked sequence that a
Paginator can slice. Moving to OpenSearch or Elasticsearch changes
WAGTAILSEARCH_BACKENDS and this module, nothing else.

On SQLite, Wagtail's own query ranks through a correlated subquery that runs
the full-text match again for every matching row (seconds on a common word in
a large archive), so here the FTS5 table is queried once, ranked by bm25()
then recency, and only one page of ids is read."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections
from django.db.models import F, QuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import PlainText
from wagtail.search.utils import get_descendants_content_types_pks

SCORE = "_score"
# Counting stops here: "1,000 results" and more read the same to a reader, and
# counting every match of a frequent word in a large archive is slow.
COUNT_LIMIT = 1000
# bm25() weights of the FTS5 columns (autocomplete, body, title).
COLUMN_WEIGHTS = (0.0, 1.0, 2.0)

Loader = Callable[[list[int]], Sequence[Any]]


class Ranked(ABC):
    """Matching rows, best first, read one slice at a time."""

    def __init__(self, queryset: QuerySet, terms: list[str], every: bool, load: Loader):
        self.queryset, self.terms, self.every, self.load = queryset, terms, every, load
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self._count_matches()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> Sequence[Any]:
        start = window.start or 0
        stop = window.stop if window.stop is not None else start + 100
        ids = self._ids(start, max(0, stop - start))
        rows = {row.pk: row for row in self.load(ids)}
        return [rows[pk] for pk in ids if pk in rows]

    @abstractmethod
    def _count_matches(self) -> int: ...

    @abstractmethod
    def _ids(self, offset: int, limit: int) -> list[int]: ...


class SQLiteRanked(Ranked):
    def _sql(self, select: str, tail: str) -> tuple[str, list]:
        entries = IndexEntry._meta.db_table
        fts = f"{entries}_fts"
        joiner = " AND " if self.every else " OR "
        match = (
            "{title body} : ("
            + joiner.join('"' + term.replace('"', '""') + '"' for term in self.terms)
            + ")"
        )
        types = list(get_descendants_content_types_pks(self.queryset.model))
        inner, inner_params = (
            self.queryset.order_by().values("pk").query.sql_with_params()
        )
        sql = (
            f"SELECT {select} FROM {fts} "  # noqa: S608 - names are ours, values bound
            f"JOIN {entries} e ON e.id = {fts}.rowid "
            "JOIN wagtailcore_page p ON p.id = CAST(e.object_id AS INTEGER) "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN "
            f"({', '.join(['%s'] * len(types))}) AND p.id IN ({inner}) {tail}"
        )
        return sql, [match, *types, *inner_params]

    def _count_matches(self) -> int:
        sql, params = self._sql("1", "LIMIT %s")
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM ({sql})",  # noqa: S608 - our own SQL
                [*params, COUNT_LIMIT],
            )
            return cursor.fetchone()[0]

    def _ids(self, offset: int, limit: int) -> list[int]:
        fts = f"{IndexEntry._meta.db_table}_fts"
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        sql, params = self._sql(
            "p.id",
            f"ORDER BY bm25({fts}, {weights}), p.first_published_at DESC, p.id DESC "
            "LIMIT %s OFFSET %s",
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [row[0] for row in cursor.fetchall()]


class PostgresRanked(Ranked):
    """PostgreSQL: Wagtail's query concatenates the title and body vectors of
    every row (no index can serve that); here each GIN index is used."""

    def _sql(self, select: str, tail: str) -> tuple[str, list]:
        entries = IndexEntry._meta.db_table
        joiner = " & " if self.every else " | "
        tsquery = joiner.join(
            "'" + term.replace("'", "''") + "'" for term in self.terms
        )
        types = list(get_descendants_content_types_pks(self.queryset.model))
        inner, inner_params = (
            self.queryset.order_by().values("pk").query.sql_with_params()
        )
        sql = (
            f"SELECT {select} FROM {entries} e "  # noqa: S608 - values are bound
            "JOIN wagtailcore_page p ON p.id = CAST(e.object_id AS INTEGER) "
            "CROSS JOIN to_tsquery(%s) q "
            "WHERE (e.body @@ q OR e.title @@ q) AND e.content_type_id IN "
            f"({', '.join(['%s'] * len(types))}) AND p.id IN ({inner}) {tail}"
        )
        return sql, [tsquery, *types, *inner_params]

    def _count_matches(self) -> int:
        sql, params = self._sql("1", "LIMIT %s")
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM ({sql}) matched",  # noqa: S608 - our own SQL
                [*params, COUNT_LIMIT],
            )
            return cursor.fetchone()[0]

    def _ids(self, offset: int, limit: int) -> list[int]:
        title_weight = COLUMN_WEIGHTS[2]
        sql, params = self._sql(
            "p.id",
            f"ORDER BY ts_rank(e.title, q) * {title_weight} + ts_rank(e.body, q) "
            "DESC, p.first_published_at DESC, p.id DESC LIMIT %s OFFSET %s",
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [row[0] for row in cursor.fetchall()]


class BackendRanked(Ranked):
    """Any other Wagtail backend: its own ranking, recency second."""

    def _found(self) -> QuerySet:
        query = PlainText(" ".join(self.terms), operator="and" if self.every else "or")
        results = (
            get_search_backend()
            .search(query, self.queryset, order_by_relevance=True)
            .annotate_score(SCORE)
        )
        return results.get_queryset().order_by(
            F(SCORE).desc(), "-first_published_at", "-pk"
        )

    def _count_matches(self) -> int:
        return self._found()[:COUNT_LIMIT].count()

    def _ids(self, offset: int, limit: int) -> list[int]:
        return list(self._found().values_list("pk", flat=True)[offset : offset + limit])


def matching(
    queryset: QuerySet, terms: list[str], load: Loader, *, every: bool = True
) -> Ranked:
    """Rows of `queryset` whose index holds the words, by relevance then recency.

    `terms` must be normalised words (letters and digits only), so no query
    syntax of the engine can reach it; `load` turns a page of ids into rows."""
    ranked = ENGINES.get(connections[queryset.db].vendor, BackendRanked)
    return ranked(queryset, terms, every, load)


ENGINES: dict[str, type[Ranked]] = {
    "sqlite": SQLiteRanked,
    "postgresql": PostgresRanked,
}

"""The one place that talks to the search engine.

The index is Wagtail's database search backend (SQLite FTS5 or PostgreSQL full
text), filled by Wagtail on publish. Everything else hands this module a
Scope (edition and filters) and normalised words and gets back a ranked
sequence that a Paginator can slice. Moving to OpenSearch or Elasticsearch changes
WAGTAILSEARCH_BACKENDS and this module, nothing else.

Wagtail's own query is not used for reading: on SQLite it ranks through a
correlated subquery that runs the full-text match again for every matching
row, on PostgreSQL it matches `title || body`, which no index serves. Here
each engine is asked once for the newest WINDOW matches in rank order; that
list serves the count and every page of results. SQLite reads Wagtail's FTS5
table; PostgreSQL reads a table of its own filled from Wagtail's index by a
trigger (`samizdat.search.models.SearchPiece`)."""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections, transaction
from django.db.models import F, QuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import PlainText
from wagtail.search.utils import get_descendants_content_types_pks

from .models import SearchPiece
from .scope import Scope

SCORE = "_score"
# Only the newest this-many matches of a query are ranked and counted. Ranking
# every match of a word found in half of a 100,000-piece archive took 300 ms
# on SQLite; this many takes about 20 ms, the count reads "2000+" beyond it,
# and a reader after older pieces narrows by date or by another word.
WINDOW = 2000
# bm25() weights of the FTS5 columns (autocomplete, body, title).
COLUMN_WEIGHTS = (0.0, 1.0, 2.0)
# ts_rank() weights of PostgreSQL's vector labels {D, C, B, A}: the headline
# ('A') counts twice the rest ('D'), as on SQLite.
RANK_WEIGHTS = "{0.5, 0, 0, 1}"

Loader = Callable[[list[int]], Sequence[Any]]


class Ranked(ABC):
    """Matching pieces, best first, read one slice at a time."""

    # True when only the newest WINDOW matches are ranked and counted.
    windowed = False

    def __init__(self, scope: Scope, terms: list[str], every: bool, load: Loader):
        self.scope, self.terms, self.every, self.load = scope, terms, every, load
        self.queryset = scope.pieces()
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


class SQLRanked(Ranked):
    """The engines queried in SQL: one query reads the ids of the newest
    WINDOW matches in rank order, which then serve the count and every page."""

    windowed = True

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._order: list[int] | None = None

    @abstractmethod
    def _window_sql(self) -> tuple[str, list]:
        """Up to WINDOW newest matches as (id, score, published); a lower
        score is a better match."""

    def _ranked(self) -> list[int]:
        if self._order is None:
            sql, params = self._window_sql()
            with connections[self.queryset.db].cursor() as cursor:
                cursor.execute(
                    f"SELECT id FROM ({sql}) w "  # noqa: S608 - our own SQL
                    "ORDER BY score, published DESC, id DESC",
                    params,
                )
                self._order = [row[0] for row in cursor.fetchall()]
        return self._order

    def _count_matches(self) -> int:
        return len(self._ranked())

    def _ids(self, offset: int, limit: int) -> list[int]:
        return self._ranked()[offset : offset + limit]


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class SQLiteRanked(SQLRanked):
    """The FTS5 table read newest entry first (its rowid order, the order in
    which pieces were first saved), scored by bm25() as it goes, and stopped
    after WINDOW rows. The edition, section, kind and author are facet words
    in the same MATCH, so FTS5 skips other pieces inside its index; the page
    row is then checked exactly, which costs little as nearly all pass."""

    def _types(self) -> tuple[str, list[int]]:
        types = list(get_descendants_content_types_pks(self.queryset.model))
        return ", ".join(["%s"] * len(types)), types

    def _window_sql(self) -> tuple[str, list]:
        entries = IndexEntry._meta.db_table
        fts = f"{entries}_fts"
        joiner = " AND " if self.every else " OR "
        match = (
            "{title body} : ("
            + joiner.join(_fts_phrase(term) for term in self.terms)
            + ") AND autocomplete : ("
            + " AND ".join(_fts_phrase(word) for word in self.scope.facets())
            + ")"
        )
        slots, types = self._types()
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        joins, conditions, params = self.scope.conditions("p", self.queryset.db)
        sql = (
            f"SELECT p.id AS id, bm25({fts}, {weights}) AS score, "  # noqa: S608
            f"p.first_published_at AS published FROM {fts} "
            f"JOIN {entries} e ON e.id = {fts}.rowid "
            f"JOIN wagtailcore_page p ON p.id = CAST(e.object_id AS INTEGER){joins} "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({slots}) "
            f"AND {conditions} ORDER BY {fts}.rowid DESC LIMIT %s"
        )
        return sql, [match, *types, *params, WINDOW]


class PostgresRanked(SQLRanked):
    """PostgreSQL reads its own search table (`SearchPiece`: one vector per
    piece beside its edition, publication time and filters, kept equal to
    the page rows by triggers), newest first, up to WINDOW matches; only
    those get `ts_rank`. The words are constants the planner can estimate:
    it walks the edition's newest pieces when a word is everywhere and reads
    the GIN index when it is rare; a date range is a range of the same
    B-tree."""

    def _window_sql(self) -> tuple[str, list]:
        pieces = SearchPiece._meta.db_table
        joiner = " & " if self.every else " | "
        words = joiner.join("'" + term.replace("'", "''") + "'" for term in self.terms)
        using = self.queryset.db
        conditions, params = self.scope.piece_conditions("s", using)
        # With the text search configuration named, to_tsquery() is
        # immutable: PostgreSQL turns it into a constant once, where the
        # one-argument form is parsed again for every row it is tested on.
        tsquery = "to_tsquery(%s::regconfig, %s)"
        sql = (
            "SELECT w.page_id AS id, w.published AS published, "  # noqa: S608
            f"-ts_rank(%s::real[], r.vector, {tsquery}) AS score FROM ("
            f"SELECT s.page_id, s.published FROM {pieces} s "
            # Cheap tests first: of equal cost, conditions run in this order.
            f"WHERE {conditions} AND s.vector @@ {tsquery} "
            "ORDER BY s.published DESC LIMIT %s) w "
            f"JOIN {pieces} r ON r.page_id = w.page_id"
        )
        config = text_search_config(using)
        return sql, [RANK_WEIGHTS, config, words, *params, config, words, WINDOW]


@functools.cache
def text_search_config(using: str) -> str:
    """The configuration Wagtail's index was written with: its SEARCH_CONFIG,
    or else the server's default (Wagtail then calls to_tsvector() without
    one)."""
    configured = getattr(get_search_backend(), "config", None)
    if configured:
        return configured
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT get_current_ts_config()::text")
        return cursor.fetchone()[0]


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
        return self._found()[:WINDOW].count()

    def _ids(self, offset: int, limit: int) -> list[int]:
        return list(self._found().values_list("pk", flat=True)[offset : offset + limit])


def known_words(words: list[str]) -> list[str]:
    """Which of `words` the index holds anywhere, in the order given."""
    if not words:
        return []
    entries = IndexEntry._meta.db_table
    connection = connections[IndexEntry.objects.db]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # fts5vocab lists the FTS5 table's words; looked up by equality.
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.samizdat_words "
                f"USING fts5vocab(main, '{entries}_fts', 'row')"
            )
            slots = ", ".join(["%s"] * len(words))
            cursor.execute(
                f"SELECT term FROM temp.samizdat_words WHERE term IN ({slots})",  # noqa: S608
                words,
            )
        elif connection.vendor == "postgresql":
            # One GIN probe per word. Left alone, the planner bets an EXISTS
            # finds a row early and scans the whole table for every word.
            pieces = SearchPiece._meta.db_table
            config = text_search_config(connection.alias)
            with transaction.atomic(using=connection.alias):
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(
                    "SELECT w FROM unnest(%s::text[]) AS w WHERE EXISTS ("  # noqa: S608
                    f"SELECT 1 FROM {pieces} s "
                    "WHERE s.vector @@ to_tsquery(%s::regconfig, quote_literal(w)))",
                    [list(words), config],
                )
        else:
            return []
        found = {row[0] for row in cursor.fetchall()}
    return [word for word in words if word in found]


def matching(
    scope: Scope, terms: list[str], load: Loader, *, every: bool = True
) -> Ranked:
    """Pieces in `scope` whose index holds the words, by relevance then
    recency.

    `terms` must be normalised words (letters and digits only), so no query
    syntax of the engine can reach it; `load` turns a page of ids into rows."""
    vendor = connections[scope.pieces().db].vendor
    return ENGINES.get(vendor, BackendRanked)(scope, terms, every, load)


ENGINES: dict[str, type[Ranked]] = {
    "sqlite": SQLiteRanked,
    "postgresql": PostgresRanked,
}

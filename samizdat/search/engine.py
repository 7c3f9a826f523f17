"""The one place that talks to the search engine.

Which engine reads is decided by the configured Wagtail search backend
(`WAGTAILSEARCH_BACKENDS["default"]`), never by the database alone:

- Wagtail's database backend picks its implementation by database; this
  module reads the index each one writes, in SQL of its own: SQLite's FTS5
  table (`SQLiteRanked`) and, on PostgreSQL, a table of ours filled from
  Wagtail's index by a trigger (`PostgresRanked`, `models.SearchPiece`).
- Any other backend (OpenSearch, Elasticsearch, MySQL's database backend)
  is asked through its own search API, the scope passed as queryset filters
  it applies in its index (`BackendRanked`).
- Wagtail's plain fallback, for a database without full-text search, is
  refused: it matches raw columns, not the normalised words of the index.

So moving a site to OpenSearch changes WAGTAILSEARCH_BACKENDS, nothing else.
Everything else hands this module a Scope (edition and filters) and
normalised words and gets back a ranked sequence that a Paginator can slice.

Wagtail's own query is not used for reading the database backends: on SQLite
it ranks through a correlated subquery that runs the full-text match again
for every matching row, on PostgreSQL it matches `title || body`, which no
index serves. Here each is asked once for the newest WINDOW matches in rank
order; that list serves the count and every page of results."""

from __future__ import annotations

import dataclasses
import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import QuerySet
from modelsearch.backends.base import BaseSearchBackend, BaseSearchResults
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import PlainText
from wagtail.search.utils import get_descendants_content_types_pks

from samizdat.articles.models import ArticleAuthor, ArticlePage

from .models import SearchPiece
from .scope import Scope

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

    def __init__(
        self,
        scope: Scope,
        terms: list[str],
        every: bool,
        load: Loader,
        backend: BaseSearchBackend,
    ):
        self.scope, self.terms, self.every, self.load = scope, terms, every, load
        self.backend = backend
        self.queryset = scope.pieces()
        self._count: int | None = None

    @classmethod
    def known_words(cls, words: list[str]) -> list[str]:
        """Which of `words` the index holds anywhere, in the order given.
        Only engines that can list the index's words know; the others
        answer none, and the search page then suggests nothing."""
        return []

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

    @classmethod
    def known_words(cls, words: list[str]) -> list[str]:
        entries = IndexEntry._meta.db_table
        with connections[IndexEntry.objects.db].cursor() as cursor:
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
            found = {row[0] for row in cursor.fetchall()}
        return [word for word in words if word in found]


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

    @classmethod
    def known_words(cls, words: list[str]) -> list[str]:
        # One GIN probe per word. Left alone, the planner bets an EXISTS
        # finds a row early and scans the whole table for every word.
        pieces = SearchPiece._meta.db_table
        using = IndexEntry.objects.db
        config = text_search_config(using)
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "SELECT w FROM unnest(%s::text[]) AS w WHERE EXISTS ("  # noqa: S608
                f"SELECT 1 FROM {pieces} s "
                "WHERE s.vector @@ to_tsquery(%s::regconfig, quote_literal(w)))",
                [list(words), config],
            )
            found = {row[0] for row in cursor.fetchall()}
        return [word for word in words if word in found]


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
    """Any other backend (OpenSearch, Elasticsearch, MySQL's database
    backend): the words go to the backend's own search API with the scope as
    queryset filters, which it applies inside its index, and the pieces come
    back in its order of relevance. The best WINDOW are served and the count
    stops there, as the other engines' does; it is not `windowed`, since
    every match was ranked, so the page does not say only the newest were."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.queryset = backend_pieces(self.scope)
        self._results: BaseSearchResults | None = None

    def _found(self) -> BaseSearchResults:
        if self._results is None:
            query = PlainText(
                " ".join(self.terms), operator="and" if self.every else "or"
            )
            self._results = self.backend.search(
                query, self.queryset, order_by_relevance=True
            )
        return self._results

    def _count_matches(self) -> int:
        return self._found()[:WINDOW].count()

    def _ids(self, offset: int, limit: int) -> list[int]:
        stop = min(offset + limit, WINDOW)
        if stop <= offset:
            return []
        return [piece.pk for piece in self._found()[offset:stop]]


def backend_pieces(scope: Scope) -> QuerySet[ArticlePage]:
    """`scope.pieces()` as filters a search backend can apply in its own
    index: each on a FilterField of ArticlePage. The byline test is on the
    pieces' tree paths, because Django turns a test of an ArticlePage's
    `id` or `pk` into one of its page pointer (`page_ptr_id`), which the
    Elasticsearch and OpenSearch backends drop without a word."""
    pieces = dataclasses.replace(scope, author_id=None).pieces()
    if scope.author_id:
        bylines = ArticleAuthor.objects.filter(person_id=scope.author_id)
        pieces = pieces.filter(path__in=bylines.values("article__path"))
    return pieces


# The classes Wagtail's database backend is made of, one per database (it
# picks by the default database's vendor). Named, not imported: each module
# can be imported only on its own database.
DATABASE_ENGINES: dict[str, type[Ranked] | None] = {
    "modelsearch.backends.database.sqlite.sqlite.SQLiteSearchBackend": SQLiteRanked,
    "modelsearch.backends.database.postgres.postgres.PostgresSearchBackend": (
        PostgresRanked
    ),
    # The plain fallback, on a database without full-text search, matches
    # raw columns, not the normalised words of the index: no engine.
    "modelsearch.backends.database.fallback.DatabaseSearchBackend": None,
}


def engine_for(backend: BaseSearchBackend) -> type[Ranked]:
    """The engine that reads what `backend` indexes: the index of Wagtail's
    database backend on SQLite or PostgreSQL in SQL, any other backend
    (OpenSearch, Elasticsearch, MySQL's database backend) through its search
    API."""
    for cls in type(backend).__mro__:
        name = f"{cls.__module__}.{cls.__qualname__}"
        if name not in DATABASE_ENGINES:
            continue
        engine = DATABASE_ENGINES[name]
        if engine is None:
            vendor = connections[DEFAULT_DB_ALIAS].vendor
            raise ImproperlyConfigured(
                "Wagtail's plain database search backend (database: "
                f"{vendor}) cannot search the index of normalised words: use "
                "Wagtail's database backend on SQLite with FTS5 or PostgreSQL, "
                "or WAGTAILSEARCH_BACKENDS naming OpenSearch or Elasticsearch."
            )
        return engine
    return BackendRanked


def known_words(words: list[str]) -> list[str]:
    """Which of `words` the index holds anywhere, in the order given."""
    if not words:
        return []
    return engine_for(get_search_backend()).known_words(words)


def matching(
    scope: Scope, terms: list[str], load: Loader, *, every: bool = True
) -> Ranked:
    """Pieces in `scope` whose index holds the words, by relevance then
    recency, read by the engine for the configured search backend.

    `terms` must be normalised words (letters and digits only), so no query
    syntax of the engine can reach it; `load` turns a page of ids into rows."""
    backend = get_search_backend()
    return engine_for(backend)(scope, terms, every, load, backend)

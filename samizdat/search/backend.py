"""Wagtail's database search backend, with a double quote in a typed search
escaped for SQLite.

The admin's page explorer hands the editor's words to the backend's
autocomplete. modelsearch's SQLite backend puts each word between FTS5
double quotes without doubling a quote inside it, so a search with an
unmatched `"` reached SQLite as `unterminated string` (a server error).
Doubling each quote is FTS5's own escape: the word then matches as typed (a
quote alone matches nothing). The backend itself (and so the engine that
`samizdat.search.engine` picks for it) is unchanged: only its query
compilers are."""

from __future__ import annotations

from functools import cache
from typing import Any

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import PlainText

SQLITE_MODULE = "modelsearch.backends.database.sqlite.sqlite"


def escaped(query: Any) -> Any:
    """A plain-text query with each double quote doubled (FTS5's escape)."""
    if isinstance(query, PlainText) and '"' in query.query_string:
        return PlainText(
            query.query_string.replace('"', '""'),
            operator=query.operator,
            boost=query.boost,
        )
    return query


@cache
def quote_safe_compilers() -> tuple[type, type]:
    """The SQLite backend's search and autocomplete compilers, escaping."""
    # Imported here: the module defines the SQLite index's models, which only
    # load on SQLite (by now the backend has imported it).
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchQueryCompiler,
    )

    class QuoteSafeSearchCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(escaped(query), config=config)

    class QuoteSafeAutocompleteCompiler(SQLiteAutocompleteQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(escaped(query), config=config)

    return QuoteSafeSearchCompiler, QuoteSafeAutocompleteCompiler


def SearchBackend(params: dict) -> Any:  # noqa: N802 (Wagtail's entry-point name)
    """The database backend for the default database, quote-safe on SQLite."""
    backend = database_backend(params)
    if type(backend).__module__ == SQLITE_MODULE:
        search, autocomplete = quote_safe_compilers()
        backend.query_compiler_class = search
        backend.autocomplete_query_compiler_class = autocomplete
    return backend

"""Reads for the search page: the reader's query, the matching pieces, and
the highlighted snippets shown under each headline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from samizdat.articles.index import indexed_body
from samizdat.articles.models import ArticlePage
from samizdat.articles.queries import as_cards
from samizdat.editions.text import word_spans, words

from . import engine
from .scope import Scope
from .suggest import suggestion

MAX_QUERY_CHARS = 200
MAX_TERMS = 10
PAGE_SIZE = 10
SNIPPET_WORDS = 30


@dataclass
class Query:
    """What a reader typed, as the words the index understands."""

    text: str = ""
    terms: list[str] = field(default_factory=list)
    cut: bool = False

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse(raw: str) -> Query:
    """Normalised words of a query, cut to a sane length.

    Only letters and digits survive, so quotes, stars, brackets, NEAR, OR or
    SQL are plain words or nothing: the engine never sees its own syntax."""
    raw = raw or ""
    text = raw[:MAX_QUERY_CHARS]
    cut = len(raw) > MAX_QUERY_CHARS
    terms: list[str] = []
    for word in words(text):
        if word not in terms:
            terms.append(word)
    if len(terms) > MAX_TERMS:
        terms, cut = terms[:MAX_TERMS], True
    return Query(text=text.strip(), terms=terms, cut=cut)


def _cards(ids: list[int]) -> list[ArticlePage]:
    return list(as_cards(ArticlePage.objects.filter(pk__in=ids)))


@dataclass
class Results:
    page: PaginatorPage | None
    every_word: bool = True
    windowed: bool = False
    # The query with misspelt words mended, when that finds pieces.
    suggestion: list[str] | None = None

    @property
    def capped(self) -> bool:
        """Whether more pieces matched than were ranked: only the newest
        engine.WINDOW are, and the reader is told how to reach older ones."""
        count = self.page.paginator.count if self.page else 0
        return self.windowed and count >= engine.WINDOW

    @property
    def window(self) -> int:
        return engine.WINDOW

    @property
    def count_label(self) -> str:
        """How many matched: "2000+" once counting stopped."""
        count = self.page.paginator.count if self.page else 0
        return f"{count}+" if count >= engine.WINDOW else str(count)


def results(scope: Scope, query: Query, number: int) -> Results:
    """One page of matching pieces, best first; if no piece has every word,
    the pieces with any of them."""
    if not query:
        return Results(page=None)
    found = engine.matching(scope, query.terms, _cards)
    every = True
    if len(query.terms) > 1 and not found.count():
        found, every = engine.matching(scope, query.terms, _cards, every=False), False
    # Paginator only takes len() and slices of it, which Ranked answers; it
    # is not a full sequence (no single index, no iteration).
    paginator: Paginator[Any] = Paginator(found, PAGE_SIZE)  # type: ignore[arg-type]
    page = paginator.get_page(number)
    for piece in page.object_list:
        piece.marked_headline = highlight(piece.title, query.terms)
        piece.snippet = snippet(
            without_repeats(f"{piece.standfirst} {indexed_body(piece)}"), query.terms
        )
    mended = None
    if not every or not paginator.count:
        mended = suggestion(scope, query.terms)
    return Results(
        page=page, every_word=every, windowed=found.windowed, suggestion=mended
    )


_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+")
_LATIN = re.compile(r"[a-z]+")
_STEMMER = snowballstemmer.stemmer("english")


def without_repeats(text: str) -> str:
    """`text` with every sentence that says again what an earlier one said
    (the same normalised words) left out: a standfirst is often the body's
    first sentence too, and a snippet should not show it twice."""
    seen: set[str] = set()
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        key = " ".join(words(sentence))
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(sentence)
    return " ".join(kept)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a Latin-script word ("negotiations" and
    "negotiation" share one, as in PostgreSQL's english configuration);
    other scripts are compared as normalised."""
    return _STEMMER.stemWord(word) if _LATIN.fullmatch(word) else word


def _marked(text: str, spans: list[tuple[int, int, str]], terms: set[str]) -> str:
    out: list[str] = []
    last = spans[0][0] if spans else 0
    stems = {stem(term) for term in terms}
    for start, end, word in spans:
        out.append(escape(text[last:start]))
        piece = escape(text[start:end])
        hit = word in terms or stem(word) in stems
        out.append(f"<mark>{piece}</mark>" if hit else piece)
        last = end
    return "".join(out)


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text`, escaped, with every word matching a query word in <mark>."""
    spans = word_spans(text)
    if not spans:
        return escape(text)
    marked = _marked(text, spans, set(terms))
    return mark_safe(  # noqa: S308 - every piece of text is escaped in _marked
        escape(text[: spans[0][0]]) + marked + escape(text[spans[-1][1] :])
    )


def snippet(text: str, terms: list[str], size: int = SNIPPET_WORDS) -> SafeString:
    """A few words around the first match, escaped, matches in <mark>."""
    spans = word_spans(text)
    if not spans:
        return mark_safe("")
    wanted = set(terms)
    stems = {stem(term) for term in terms}
    first = next(
        (
            i
            for i, span in enumerate(spans)
            if stem(span[2]) in stems or span[2] in wanted
        ),
        0,
    )
    start = max(0, first - size // 3)
    window = spans[start : start + size]
    marked = _marked(text, window, wanted)
    before = "… " if start > 0 else ""
    after = " …" if start + size < len(spans) else ""
    return mark_safe(before + marked + after)  # noqa: S308 - escaped in _marked

"""Reads for the search page: the reader's query, the matching pieces, and
the highlighted snippets shown under each headline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from samizdat.articles.models import ArticleAuthor, ArticlePage
from samizdat.articles.queries import as_cards
from samizdat.editions.text import word_spans, words

from . import engine
from .index import body_text

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


@dataclass
class Filters:
    section_id: int | None = None
    author_id: int | None = None
    kind: str = ""
    after: dt.date | None = None
    before: dt.date | None = None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def candidates(locale_id: int, filters: Filters) -> QuerySet[ArticlePage]:
    """Published pieces of an edition that pass the reader's filters."""
    pieces = ArticlePage.objects.live().filter(locale_id=locale_id)
    if filters.section_id:
        pieces = pieces.filter(section_id=filters.section_id)
    if filters.kind:
        pieces = pieces.filter(kind=filters.kind)
    if filters.after:
        pieces = pieces.filter(first_published_at__gte=_start_of(filters.after))
    if filters.before:
        pieces = pieces.filter(
            first_published_at__lt=_start_of(filters.before + dt.timedelta(days=1))
        )
    if filters.author_id:
        bylines = ArticleAuthor.objects.filter(
            article_id=OuterRef("pk"), person_id=filters.author_id
        )
        pieces = pieces.filter(pk__in=pieces.filter(Exists(bylines)).values("pk"))
    return pieces


def _cards(ids: list[int]) -> list[ArticlePage]:
    return list(as_cards(ArticlePage.objects.filter(pk__in=ids)))


@dataclass
class Results:
    page: PaginatorPage | None
    every_word: bool = True

    @property
    def count_label(self) -> str:
        """How many matched: "1000+" once counting stopped."""
        count = self.page.paginator.count if self.page else 0
        return f"{count}+" if count >= engine.COUNT_LIMIT else str(count)


def results(locale_id: int, query: Query, filters: Filters, number: int) -> Results:
    """One page of matching pieces, best first; if no piece has every word,
    the pieces with any of them."""
    if not query:
        return Results(page=None)
    pieces = candidates(locale_id, filters)
    found = engine.matching(pieces, query.terms, _cards)
    every = True
    if len(query.terms) > 1 and not found.count():
        found, every = engine.matching(pieces, query.terms, _cards, every=False), False
    paginator = Paginator(found, PAGE_SIZE)
    page = paginator.get_page(number)
    for piece in page.object_list:
        piece.marked_headline = highlight(piece.title, query.terms)
        piece.snippet = snippet(f"{piece.standfirst} {body_text(piece)}", query.terms)
    return Results(page=page, every_word=every)


def _marked(text: str, spans: list[tuple[int, int, str]], terms: set[str]) -> str:
    out, last = [], spans[0][0] if spans else 0
    for start, end, word in spans:
        out.append(escape(text[last:start]))
        piece = escape(text[start:end])
        out.append(f"<mark>{piece}</mark>" if word in terms else piece)
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
    first = next((i for i, span in enumerate(spans) if span[2] in wanted), 0)
    start = max(0, first - size // 3)
    window = spans[start : start + size]
    marked = _marked(text, window, wanted)
    before = "… " if start > 0 else ""
    after = " …" if start + size < len(spans) else ""
    return mark_safe(before + marked + after)  # noqa: S308 - escaped in _marked

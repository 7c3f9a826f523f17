"""Reads for related articles: the stored list an article page shows, and the
article features that scoring needs, in a fixed number of queries."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import TextField
from django.db.models.functions import Cast

from samizdat.articles import body
from samizdat.articles.models import ArticleAuthor, ArticlePage, ArticlePageTag

from .models import ArticleTerm, PinnedRelated, RelatedArticle, TermCount
from .scoring import POSTING_CAP, QUERY_TERMS, SHARED_CAP, Doc, shortlist


def related_for(page: ArticlePage) -> list[ArticlePage]:
    """The article's stored list, live pieces only, in one query.

    Only what a link needs is read (no bodies): headline, address, date,
    section id and edition."""
    entries = (
        RelatedArticle.objects.filter(article_id=page.pk, related__live=True)
        .select_related("related", "related__locale")
        .only(
            "rank",
            "related__title",
            "related__url_path",
            "related__first_published_at",
            "related__section_id",
            "related__locale__language_code",
        )
        .order_by("rank")
    )
    return [entry.related for entry in entries]


def body_text(raw: str | None) -> str:
    """The words of a stored body (StreamField JSON) that scoring compares."""
    return body.body_text(raw, body.RELATED)


def live_articles(locale_id: int, ids: Iterable[int] | None = None):
    """Live pieces of an edition with what scoring reads, as plain rows."""
    pieces = ArticlePage.objects.live().filter(locale_id=locale_id)
    if ids is not None:
        pieces = pieces.filter(pk__in=list(ids))
    return pieces.order_by("pk").values_list(
        "pk", "section_id", "kind", "first_published_at"
    )


def texts(locale_id: int, ids: Iterable[int] | None = None):
    """(id, title, standfirst, raw body) of live pieces, for word counts."""
    pieces = ArticlePage.objects.live().filter(locale_id=locale_id)
    if ids is not None:
        pieces = pieces.filter(pk__in=list(ids))
    return (
        pieces.order_by("pk")
        .annotate(raw_body=Cast("body", TextField()))
        .values_list("pk", "title", "standfirst", "raw_body")
        .iterator(chunk_size=2000)
    )


def tags_and_authors(
    locale_id: int, ids: Iterable[int] | None = None
) -> tuple[dict[int, list[tuple[int, str]]], dict[int, set[int]]]:
    """Tags (id, name) and author ids of live pieces, by piece id."""
    tag_rows = ArticlePageTag.objects.filter(
        content_object__locale_id=locale_id, content_object__live=True
    )
    author_rows = ArticleAuthor.objects.filter(
        article__locale_id=locale_id, article__live=True
    )
    if ids is not None:
        ids = list(ids)
        tag_rows = tag_rows.filter(content_object_id__in=ids)
        author_rows = author_rows.filter(article_id__in=ids)
    tags: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for article_id, tag_id, name in tag_rows.values_list(
        "content_object_id", "tag_id", "tag__name"
    ).iterator(chunk_size=5000):
        tags[article_id].append((tag_id, name))
    authors: dict[int, set[int]] = defaultdict(set)
    for article_id, person_id in author_rows.values_list(
        "article_id", "person_id"
    ).iterator(chunk_size=5000):
        authors[article_id].add(person_id)
    return tags, authors


def docs(locale_id: int, ids: Iterable[int] | None = None) -> dict[int, Doc]:
    """Scoring features (no words) of live pieces of an edition."""
    ids = None if ids is None else list(ids)
    tags, authors = tags_and_authors(locale_id, ids)
    return {
        pk: Doc(
            id=pk,
            section_id=section_id,
            kind=kind,
            published=published.timestamp() if published else 0.0,
            tags=frozenset(t for t, _ in tags.get(pk, ())),
            authors=frozenset(authors.get(pk, ())),
        )
        for pk, section_id, kind, published in live_articles(locale_id, ids)
    }


def stored_vector(article_id: int) -> list[tuple[str, float]]:
    return list(
        ArticleTerm.objects.filter(article_id=article_id)
        .order_by("-weight")
        .values_list("term", "weight")
    )


def term_counts(locale_id: int, terms: Iterable[str]) -> dict[str, int]:
    return dict(
        TermCount.objects.filter(locale_id=locale_id, term__in=list(terms)).values_list(
            "term", "articles"
        )
    )


def candidates(locale_id: int, doc: Doc) -> dict[int, float]:
    """Pieces sharing a strong word, a tag or an author with `doc`, from the
    stored index, in three queries whatever the archive."""
    weights = dict(doc.vector[:QUERY_TERMS])
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for term, other, other_weight in ArticleTerm.objects.filter(
        locale_id=locale_id, term__in=list(weights)
    ).values_list("term", "article_id", "weight"):
        postings[term].append((other_weight, other))
    found: dict[int, float] = defaultdict(float)
    for term, rows in postings.items():
        for other_weight, other in heapq.nlargest(POSTING_CAP, rows):
            found[other] += weights[term] * other_weight
    live = ArticlePage.objects.live().filter(locale_id=locale_id)
    shared: list[int] = []
    if doc.tags:
        shared += _recent(live.filter(tagged_items__tag_id__in=doc.tags))
    if doc.authors:
        shared += _recent(live.filter(article_authors__person_id__in=doc.authors))
    found.pop(doc.id, None)
    return shortlist(found, (o for o in shared if o != doc.id))


def _recent(pieces) -> list[int]:
    return list(
        pieces.order_by("-first_published_at").values_list("pk", flat=True)[
            : SHARED_CAP * 2
        ]
    )


def pins(locale_id: int, ids: Iterable[int] | None = None) -> dict[int, list[int]]:
    """Live pieces pinned under each piece, in the editor's order."""
    rows = PinnedRelated.objects.filter(
        page__locale_id=locale_id,
        page__live=True,
        related__live=True,
        related__locale_id=locale_id,
    )
    if ids is not None:
        rows = rows.filter(page_id__in=list(ids))
    pinned: dict[int, list[int]] = defaultdict(list)
    for page_id, related_id in rows.order_by("page_id", "sort_order", "pk").values_list(
        "page_id", "related_id"
    ):
        if related_id != page_id and related_id not in pinned[page_id]:
            pinned[page_id].append(related_id)
    return pinned


def weakest(article_ids: Iterable[int]) -> dict[int, tuple[int, float]]:
    """(length, lowest computed score) of each piece's stored list."""
    found: dict[int, tuple[int, float]] = {}
    for article_id, score in RelatedArticle.objects.filter(
        article_id__in=list(article_ids), pinned=False
    ).values_list("article_id", "score"):
        count, low = found.get(article_id, (0, float("inf")))
        found[article_id] = (count + 1, min(low, score))
    return found


def listing(article_id: int) -> list[int]:
    """Pieces whose stored list shows this piece."""
    return list(
        RelatedArticle.objects.filter(related_id=article_id)
        .values_list("article_id", flat=True)
        .distinct()
    )

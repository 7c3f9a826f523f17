"""Writes of related-article lists: the full rebuild and the refresh after a
publish, edit, unpublish or delete (run by the `refresh_related` task)."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import F
from wagtail.models import Locale

from samizdat.articles import rendering
from samizdat.articles.models import ArticlePage

from . import queries
from .models import ArticleTerm, RelatedArticle, TermCount
from .scoring import SIZE, Doc, Index, best, term_counts, vector

NEIGHBOURS_TO_REFRESH = 2 * SIZE
MAX_LISTS_PER_REFRESH = 40
BATCH = 5000

Progress = Callable[[int, int], None]


def _counts(title: str, standfirst: str, raw_body: str | None, tags) -> Counter:
    return term_counts(
        title, standfirst or "", queries.body_text(raw_body), [n for _, n in tags]
    )


def _entries(article_id: int, pinned: list[int], computed: list[tuple[int, float]]):
    chosen = [(other, 0.0, True) for other in pinned[:SIZE]]
    seen = {other for other, _, _ in chosen}
    for other, score in computed:
        if len(chosen) >= SIZE:
            break
        if other not in seen:
            chosen.append((other, score, False))
            seen.add(other)
    return [
        RelatedArticle(
            article_id=article_id, related_id=other, rank=rank, score=score, pinned=pin
        )
        for rank, (other, score, pin) in enumerate(chosen)
    ]


def rebuild_all(progress: Progress | None = None) -> int:
    """Recompute every stored list of every edition; returns how many."""
    total = 0
    for locale_id in Locale.objects.order_by("pk").values_list("pk", flat=True):
        total += rebuild_edition(locale_id, progress)
    return total


def rebuild_edition(locale_id: int, progress: Progress | None = None) -> int:
    """Recompute the word index and every list of one edition."""
    tags, authors = queries.tags_and_authors(locale_id)
    features = queries.docs(locale_id)
    counts: dict[int, Counter] = {}
    df: Counter[str] = Counter()
    for pk, title, standfirst, raw_body in queries.texts(locale_id):
        counts[pk] = _counts(title, standfirst, raw_body, tags.get(pk, ()))
        df.update(counts[pk].keys())
    articles = len(counts)
    for pk, doc in features.items():
        doc.vector = vector(counts.pop(pk, Counter()), df, articles)
    index = Index(list(features.values()))
    pinned = queries.pins(locale_id)
    rows: list[RelatedArticle] = []
    done = 0
    for doc in features.values():
        rows.extend(_entries(doc.id, pinned.get(doc.id, []), index.related(doc)))
        done += 1
        if progress and done % 500 == 0:
            progress(done, articles)
    with transaction.atomic():
        RelatedArticle.objects.filter(article__locale_id=locale_id).delete()
        _insert(
            RelatedArticle,
            ["article_id", "related_id", "rank", "score", "pinned"],
            ((r.article_id, r.related_id, r.rank, r.score, r.pinned) for r in rows),
        )
        ArticleTerm.objects.filter(locale_id=locale_id).delete()
        _insert(
            ArticleTerm,
            ["article_id", "locale_id", "term", "weight"],
            (
                (doc.id, locale_id, term, weight)
                for doc in features.values()
                for term, weight in doc.vector
            ),
        )
        TermCount.objects.filter(locale_id=locale_id).delete()
        _insert(
            TermCount,
            ["locale_id", "term", "articles"],
            ((locale_id, term, n) for term, n in df.items()),
        )
        # Pages show these lists in parts rendered once per generation.
        rendering.bump_generation()
    if progress:
        progress(articles, articles)
    return articles


def _insert(model, columns: list[str], rows: Iterable[tuple]) -> None:
    """Plain multi-row inserts: a full rebuild writes millions of rows, and
    building a model instance for each costs more than the insert."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(itertools.islice(rows, BATCH)):
            cursor.executemany(sql, batch)


def _index_one(page: ArticlePage) -> Doc | None:
    """Store the words of one live piece; None if it is not live."""
    locale_id = page.locale_id
    features = queries.docs(locale_id, [page.pk]).get(page.pk)
    if features is None:
        ArticleTerm.objects.filter(article_id=page.pk).delete()
        return None
    tags, _ = queries.tags_and_authors(locale_id, [page.pk])
    row = next(iter(queries.texts(locale_id, [page.pk])))
    counts = _counts(row[1], row[2], row[3], tags.get(page.pk, ()))
    known = ArticleTerm.objects.filter(article_id=page.pk).exists()
    if not known:
        _count_terms(locale_id, counts.keys())
    df = queries.term_counts(locale_id, counts.keys())
    articles = ArticlePage.objects.live().filter(locale_id=locale_id).count()
    features.vector = vector(counts, df, articles)
    ArticleTerm.objects.filter(article_id=page.pk).delete()
    ArticleTerm.objects.bulk_create(
        ArticleTerm(article_id=page.pk, locale_id=locale_id, term=t, weight=w)
        for t, w in features.vector
    )
    return features


def _count_terms(locale_id: int, terms: Iterable[str]) -> None:
    terms = list(terms)
    existing = set(
        TermCount.objects.filter(locale_id=locale_id, term__in=terms).values_list(
            "term", flat=True
        )
    )
    TermCount.objects.filter(locale_id=locale_id, term__in=existing).update(
        articles=F("articles") + 1
    )
    TermCount.objects.bulk_create(
        TermCount(locale_id=locale_id, term=t, articles=1)
        for t in terms
        if t not in existing
    )


def _relist(locale_id: int, doc: Doc) -> list[tuple[int, float]]:
    """Recompute and store one piece's list from the stored index."""
    found = queries.candidates(locale_id, doc)
    features = queries.docs(locale_id, found.keys())
    features[doc.id] = doc
    computed = best(doc, found, features, size=max(SIZE, NEIGHBOURS_TO_REFRESH))
    pinned = queries.pins(locale_id, [doc.id]).get(doc.id, [])
    RelatedArticle.objects.filter(article_id=doc.id).delete()
    RelatedArticle.objects.bulk_create(_entries(doc.id, pinned, computed))
    return computed


def _would_take(
    locale_id: int, doc: Doc, computed: list[tuple[int, float]]
) -> list[int]:
    """Neighbours whose stored list has room for `doc` or a weaker entry than
    it: only their lists can change because `doc` appeared or changed."""
    neighbours = [other for other, _ in computed[:NEIGHBOURS_TO_REFRESH]]
    stored = queries.weakest(neighbours)
    return [
        other
        for other, score in computed[:NEIGHBOURS_TO_REFRESH]
        if stored.get(other, (0, 0.0))[0] < SIZE or score > stored[other][1]
    ]


def refresh(article_id: int) -> int:
    """After a piece is published, edited or unpublished: its own list and
    the lists it appears in (or should now appear in). Returns lists written."""
    page = ArticlePage.objects.filter(pk=article_id).first()
    if page is None:
        RelatedArticle.objects.filter(article_id=article_id).delete()
        rendering.bump_generation()
        return 0
    locale_id = page.locale_id
    affected = queries.listing(article_id)
    written = 0
    with transaction.atomic():
        doc = _index_one(page)
        if doc is None:
            RelatedArticle.objects.filter(article_id=article_id).delete()
        else:
            computed = _relist(locale_id, doc)
            written += 1
            affected += _would_take(locale_id, doc, computed)
        others = list(dict.fromkeys(a for a in affected if a != article_id))
        features = queries.docs(locale_id, others[:MAX_LISTS_PER_REFRESH])
        for other in others[:MAX_LISTS_PER_REFRESH]:
            if other in features:
                features[other].vector = queries.stored_vector(other)
                _relist(locale_id, features[other])
                written += 1
            else:
                RelatedArticle.objects.filter(article_id=other).delete()
        rendering.bump_generation()
    return written


__all__ = ["rebuild_all", "rebuild_edition", "refresh"]

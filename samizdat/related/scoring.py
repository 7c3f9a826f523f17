"""How related two articles are: content first, then tags, authors, section,
kind of piece and closeness in time. Plain Python, no Django.

Content is TF-IDF over normalised words (headline and tags count more) cut to
each article's strongest TOP_TERMS words. Candidates come from an inverted
index of those words, each list cut to its POSTING_CAP strongest articles,
so the cost of finding an article's neighbours does not grow with the archive."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from samizdat.editions.text import words

SIZE = 4
TOP_TERMS = 20
QUERY_TERMS = 10
POSTING_CAP = 80
SHARED_CAP = 20
SCORED = 40
FIELD_WEIGHTS = {"title": 3, "standfirst": 2, "tags": 2, "body": 1}
W_TAGS = 0.3
W_AUTHOR = 0.1
W_SECTION = 0.05
W_KIND = 0.05
W_TIME = 0.05
MIN_SIMILARITY = 0.05
TIME_SCALE_DAYS = 180.0


@dataclass(slots=True)
class Doc:
    id: int
    section_id: int | None = None
    kind: str = ""
    published: float = 0.0
    tags: frozenset[int] = frozenset()
    authors: frozenset[int] = frozenset()
    vector: list[tuple[str, float]] = field(default_factory=list)


def term_counts(
    title: str, standfirst: str, body: str, tag_names: Iterable[str]
) -> Counter[str]:
    """Weighted word counts of an article's fields."""
    counts: Counter[str] = Counter()
    for text, weight in (
        (title, FIELD_WEIGHTS["title"]),
        (standfirst, FIELD_WEIGHTS["standfirst"]),
        (" ".join(tag_names), FIELD_WEIGHTS["tags"]),
        (body, FIELD_WEIGHTS["body"]),
    ):
        for word in words(text):
            if len(word) > 1 and not word.isdigit() and len(word) <= 100:
                counts[word] += weight
    return counts


def idf(articles: int, having: int) -> float:
    """Zero for a word every article uses, so it never relates anything."""
    return math.log(max(articles, 1) / max(having, 1))


def vector(
    counts: Counter[str], df: dict[str, int], articles: int
) -> list[tuple[str, float]]:
    """The article's TOP_TERMS strongest words, weights of unit length."""
    weights = [
        (term, (1 + math.log(tf)) * idf(articles, df.get(term, 1)))
        for term, tf in counts.items()
    ]
    weights = sorted((w for w in weights if w[1] > 0), key=lambda w: -w[1])
    weights = weights[:TOP_TERMS]
    norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
    return [(term, w / norm) for term, w in weights]


def combine(doc: Doc, other: Doc, similarity: float) -> float:
    """One number for "how well `other` follows `doc`"."""
    score = similarity
    if doc.tags and other.tags:
        shared = len(doc.tags & other.tags)
        score += W_TAGS * shared / len(doc.tags | other.tags)
    if doc.authors & other.authors:
        score += W_AUTHOR
    if doc.section_id is not None and doc.section_id == other.section_id:
        score += W_SECTION
    if doc.kind and doc.kind == other.kind:
        score += W_KIND
    days = abs(doc.published - other.published) / 86400
    score += W_TIME * math.exp(-days / TIME_SCALE_DAYS)
    return score


def shortlist(found: dict[int, float], shared: Iterable[int]) -> dict[int, float]:
    """The SCORED most similar candidates plus those sharing a tag or author."""
    top = heapq.nlargest(SCORED, found.items(), key=lambda item: item[1])
    chosen = dict(top)
    for other in shared:
        chosen.setdefault(other, found.get(other, 0.0))
    return chosen


def best(
    doc: Doc, candidates: dict[int, float], docs: dict[int, Doc], size: int = SIZE
) -> list[tuple[int, float]]:
    """The `size` best candidates (id, score), best first, never `doc` itself."""
    scored = [
        (combine(doc, docs[other], sim), -docs[other].published, other)
        for other, sim in candidates.items()
        if other != doc.id
        and other in docs
        and (
            sim >= MIN_SIMILARITY
            or doc.tags & docs[other].tags
            or doc.authors & docs[other].authors
        )
    ]
    scored.sort(key=lambda s: (-s[0], s[1], -s[2]))
    return [(other, score) for score, _, other in scored[:size]]


class Index:
    """An in-memory inverted index of words, tags and authors (full rebuilds)."""

    def __init__(self, docs: list[Doc]):
        self.docs = {doc.id: doc for doc in docs}
        terms: dict[str, list[tuple[float, int]]] = defaultdict(list)
        tags: dict[int, list[tuple[float, int]]] = defaultdict(list)
        authors: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for doc in docs:
            for term, weight in doc.vector:
                terms[term].append((weight, doc.id))
            for tag in doc.tags:
                tags[tag].append((doc.published, doc.id))
            for author in doc.authors:
                authors[author].append((doc.published, doc.id))
        self.terms = {t: _strongest(p, POSTING_CAP) for t, p in terms.items()}
        self.tags = {t: _strongest(p, SHARED_CAP) for t, p in tags.items()}
        self.authors = {a: _strongest(p, SHARED_CAP) for a, p in authors.items()}

    def candidates(self, doc: Doc) -> dict[int, float]:
        """Articles sharing a strong word (with their similarity), a tag or an
        author (similarity 0 unless a word is shared too)."""
        found: dict[int, float] = defaultdict(float)
        for term, weight in doc.vector[:QUERY_TERMS]:
            for other_weight, other in self.terms.get(term, ()):
                found[other] += weight * other_weight
        shared = [
            other
            for postings, keys in ((self.tags, doc.tags), (self.authors, doc.authors))
            for key in keys
            for _, other in postings.get(key, ())
        ]
        found.pop(doc.id, None)
        return shortlist(found, (o for o in shared if o != doc.id))

    def related(self, doc: Doc, size: int = SIZE) -> list[tuple[int, float]]:
        return best(doc, self.candidates(doc), self.docs, size)


def _strongest(postings: list[tuple[float, int]], cap: int) -> list[tuple[float, int]]:
    postings.sort(reverse=True)
    return postings[:cap]

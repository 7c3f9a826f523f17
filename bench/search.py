"""Search latency: p50 and p95 of 200 varied queries through the search page.

Builds (once, then reuses) a generated archive of N articles split between the
two editions, on SQLite or PostgreSQL, and times 200 GET requests to
/<edition>/search/ with the Django test client (query, ranking, snippets and
template). Prints two JSON lines per (database, size).

    python bench/search.py                       # 10,000 and 100,000, both databases
    python bench/search.py --sizes 10000 --databases sqlite

A second line per run times 40 filtered queries (a frequent word with a
section, author, kind or date range). Building the 100,000-piece archive takes
about 10 minutes on SQLite and 40 on PostgreSQL (Wagtail's PostgreSQL backend
spends ~25 ms of Python per piece indexed); it is kept and reused.

Pages are written in bulk, in treebeard paths, without Wagtail revisions
(creating 100,000 pages through revisions takes hours); the search index is
filled by Wagtail's own backend (`add_bulk`), the same code a publish runs."""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_BASE = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
SCRATCH = Path(os.environ.get("BENCH_SCRATCH", tempfile.gettempdir()))
TOPICS = 40
QUERIES = 200
FILTERED = 40
SEED = 7

SYLLABLES = {
    "en": "ka lo mi ra den sor vil tan bre gus hal ner pon qui zet ul ax em or ip",
    "fa": "کا لو می را دن سر ویل تان بر گس هال نر پن کی زت ول اخ ام ار ایپ",
}


def database_url(kind: str, size: int, tag: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{SCRATCH}/samizdat-bench-{tag}-{size}.sqlite3"
    return f"{PG_BASE}/samizdat_bench_{tag}_{size}"


def _ensure_postgres_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    """Point Django at the scratch database and migrate it."""
    if url.startswith("postgres"):
        _ensure_postgres_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "samizdat.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def vocabulary(code: str, rng: random.Random, size: int) -> list[str]:
    syllables = SYLLABLES[code].split()
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Writer:
    """Generated text: common words for everyone, a few dozen words per topic."""

    def __init__(self, code: str, seed: int = SEED):
        self.rng = random.Random(f"{seed}-{code}")
        words = vocabulary(code, self.rng, 4000 + (TOPICS + 1) * 15)
        self.common = words[:4000]
        self.weights = [1 / (rank + 1) for rank in range(len(self.common))]
        # Neighbouring topics share half their words, as real subjects do.
        self.topics = [words[4000 + t * 15 : 4000 + t * 15 + 30] for t in range(TOPICS)]

    def text(self, topic: int, count: int, share: float = 0.25) -> str:
        topical = int(count * share)
        chosen = self.rng.choices(self.common, self.weights, k=count - topical)
        chosen += self.rng.choices(self.topics[topic], k=topical)
        self.rng.shuffle(chosen)
        return " ".join(chosen)


def _paragraphs(
    writer: Writer, topic: int, n: int, words: int, share: float
) -> list[dict]:
    return [
        {
            "type": "paragraph",
            "value": f"<p>{writer.text(topic, words, share)}</p>",
            "id": f"p{i}",
        }
        for i in range(n)
    ]


def bulk_articles(
    count: int,
    *,
    body_words: int = 180,
    seed: int = SEED,
    index: bool = True,
    tag_share: float = 0.6,
    topic_share: float = 0.25,
) -> dict[int, int]:
    """Write `count` live articles (half per edition) straight into the page
    tree, index them for search, and return {article id: topic}."""
    import datetime as dt
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from samizdat.articles.models import (
        ArticleAuthor,
        ArticlePage,
        ArticlePageTag,
        Kind,
        SectionPage,
        Tag,
    )
    from samizdat.articles.setup import ensure_editions
    from samizdat.articles.tests import factories

    homes = ensure_editions("Samizdat")
    rng = random.Random(seed)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    topics: dict[int, int] = {}
    kinds = [k for k, _ in Kind.choices]
    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    for code in homes:
        writer = Writer(code, seed)
        sections = [
            SectionPage.objects.filter(locale__language_code=code, slug=f"s{n}").first()
            or factories.section(f"Section {n}", code=code, slug=f"s{n}")
            for n in range(4)
        ]
        people = [factories.person(f"{code} writer {n}", code=code) for n in range(60)]
        tags = [
            Tag.objects.get_or_create(name=f"{code}-topic-{t}", slug=f"{code}-t{t}")[0]
            for t in range(TOPICS)
        ]
        share = count // len(homes)
        for batch_start in range(0, share, 2000):
            n_batch = min(2000, share - batch_start)
            with transaction.atomic():
                pages, extras = [], []
                for i in range(n_batch):
                    topic = rng.randrange(TOPICS)
                    section = sections[topic % len(sections)]
                    section.numchild += 1
                    when = start + dt.timedelta(minutes=rng.randrange(60 * 24 * 2000))
                    title = writer.text(topic, 7, min(1.0, topic_share * 1.6))
                    slug = f"a{batch_start + i}"
                    pages.append(
                        Page(
                            title=title,
                            draft_title=title,
                            slug=slug,
                            content_type=content_type,
                            path=Page._get_path(
                                section.path, section.depth + 1, section.numchild
                            ),
                            depth=section.depth + 1,
                            numchild=0,
                            url_path=f"{section.url_path}{slug}/",
                            live=True,
                            has_unpublished_changes=False,
                            first_published_at=when,
                            last_published_at=when,
                            locale_id=section.locale_id,
                            translation_key=uuid.uuid4(),
                        )
                    )
                    extras.append((topic, section, when))
                Page.objects.bulk_create(pages)
                articles = []
                for page, (topic, section, _when) in zip(pages, extras, strict=True):
                    article = ArticlePage(
                        page_ptr_id=page.pk,
                        standfirst=writer.text(topic, 25, topic_share),
                        kind=rng.choice(kinds),
                        body=_paragraphs(
                            writer, topic, 3, body_words // 3, topic_share
                        ),
                        section_id=section.pk,
                        reading_minutes=1,
                    )
                    articles.append(article)
                    topics[page.pk] = topic
                fields = ArticlePage._meta.local_concrete_fields
                ArticlePage._base_manager._insert(articles, fields=fields)
                ArticleAuthor.objects.bulk_create(
                    ArticleAuthor(
                        article_id=a.pk,
                        person=people[(topics[a.pk] * 7 + rng.randrange(3)) % 60],
                        sort_order=0,
                    )
                    for a in articles
                )
                ArticlePageTag.objects.bulk_create(
                    ArticlePageTag(content_object_id=a.pk, tag=tags[topics[a.pk]])
                    for a in articles
                    if rng.random() < tag_share
                )
                for section in sections:
                    Page.objects.filter(pk=section.pk).update(numchild=section.numchild)
            if index:
                chunk = list(
                    ArticlePage.objects.filter(pk__in=[a.pk for a in articles])
                    .prefetch_related("article_authors__person", "tags")
                    .order_by("pk")
                )
                get_search_backend().add_bulk(ArticlePage, chunk)
    return topics


def queries(rng: random.Random) -> list[tuple[str, str]]:
    """200 varied queries: frequent and rare words, several words, topic
    words, no-match words, operators and punctuation, in both editions."""
    writers = {code: Writer(code) for code in ("en", "fa")}
    found: list[tuple[str, str]] = []
    hostile = ['"', "*", "NEAR", "a OR b", "(((", "'; DROP TABLE x; --", "x" * 5000]
    while len(found) < QUERIES:
        code = rng.choice(["en", "fa"])
        w = writers[code]
        shape = len(found) % 8
        if shape == 0:
            q = rng.choice(w.common[:50])
        elif shape == 1:
            q = rng.choice(w.common[1000:4000])
        elif shape == 2:
            q = " ".join(rng.sample(w.common[:400], 2))
        elif shape == 3:
            q = rng.choice(rng.choice(w.topics))
        elif shape == 4:
            topic = rng.choice(w.topics)
            q = " ".join(rng.sample(topic, 3))
        elif shape == 5:
            q = rng.choice(w.common[:200]) + " " + rng.choice(rng.choice(w.topics))
        elif shape == 6:
            q = "zzqx" + str(rng.randrange(1000))
        else:
            q = rng.choice(hostile)
        found.append((code, q))
    return found


def measure(size: int, db: str) -> list[dict]:
    url = database_url(db, size, "search")
    setup_django(url)
    from django.test import Client

    from samizdat.articles.models import ArticlePage

    have = ArticlePage.objects.count()
    built = 0.0
    if have < size:
        started = time.monotonic()
        bulk_articles(size - have, seed=SEED + have)
        built = time.monotonic() - started
    from django.db import connection

    with connection.cursor() as cursor:  # as autovacuum would after a bulk load
        # VACUUM also flushes the GIN indexes' pending lists on PostgreSQL.
        cursor.execute(
            "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
        )
    client = Client()
    rng = random.Random(SEED)
    timings, statuses = [], set()
    for code, q in queries(rng):
        started = time.perf_counter()
        response = client.get(f"/{code}/search/", {"q": q})
        timings.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
    filtered, filtered_statuses = [], set()
    for code, params in filtered_queries(rng):
        started = time.perf_counter()
        response = client.get(f"/{code}/search/", params)
        filtered.append((time.perf_counter() - started) * 1000)
        filtered_statuses.add(response.status_code)
    articles = ArticlePage.objects.count()
    return [
        {
            "bench": "search",
            "database": db,
            "articles": articles,
            **_figures(timings),
            "statuses": sorted(statuses),
            "build_s": round(built, 1),
        },
        {
            "bench": "search_filtered",
            "database": db,
            "articles": articles,
            **_figures(filtered),
            "statuses": sorted(filtered_statuses),
        },
    ]


def _figures(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "queries": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "max_ms": round(timings[-1], 1),
    }


def filtered_queries(rng: random.Random) -> list[tuple[str, dict]]:
    """40 queries narrowed as readers narrow them: one of the 50 most frequent
    words with a section, an author, a kind of piece or a date range."""
    from samizdat.articles.models import Kind, SectionPage
    from samizdat.people.models import Person

    writers = {code: Writer(code) for code in ("en", "fa")}
    found: list[tuple[str, dict]] = []
    while len(found) < FILTERED:
        code = rng.choice(["en", "fa"])
        params = {"q": rng.choice(writers[code].common[:50])}
        shape = len(found) % 4
        if shape == 0:
            sections = SectionPage.objects.filter(locale__language_code=code)
            params["section"] = rng.choice(list(sections.values_list("pk", flat=True)))
        elif shape == 1:
            people = Person.objects.filter(locale__language_code=code)
            params["author"] = rng.choice(list(people.values_list("pk", flat=True)))
        elif shape == 2:
            params["kind"] = rng.choice([k for k, _ in Kind.choices])
        else:
            year = rng.randrange(2020, 2025)
            params["after"], params["before"] = f"{year}-03-01", f"{year}-05-31"
        found.append((code, params))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--one", nargs=2, metavar=("DB", "SIZE"))
    args = parser.parse_args()
    if args.one:
        for line in measure(int(args.one[1]), args.one[0]):
            print(json.dumps(line), flush=True)
        return
    for size in args.sizes:
        for db in args.databases:
            subprocess.run(  # noqa: S603
                [PYTHON, __file__, "--one", db, str(size)], cwd=ROOT, check=True
            )


if __name__ == "__main__":
    main()

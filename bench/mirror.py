"""Static mirror export: full export time, incremental export after one edit,
and export size, under production settings on a scratch SQLite deployment.

Builds ARTICLES articles (default 10,000: half in each edition, every
English piece translated into Persian) in six sections with 40 writers and
60 tags per edition. Pages are bulk-inserted straight into Wagtail's tables
(publishing 10,000 pieces through revisions would take longer than the
export being measured); then one piece is edited through a real revision
before the incremental run. Prints one JSON line per figure.

    .venv/bin/python bench/mirror.py [ARTICLES]

Wall-clock seconds depend on what else the machine runs; cpu_seconds (all
worker processes) and load_average say how busy it was."""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import deployment, manage, shell  # noqa: E402

SECTIONS = ["News", "Opinion", "Report", "Analysis", "Interview", "Culture"]
KINDS = ["news", "opinion", "report", "analysis", "interview", "news"]
PEOPLE = 40
TAGS = 60
SENTENCE = (
    "The council met again on Tuesday to weigh the cost of the new water plan "
    "for the city and its farms. "
)


def build(total: int) -> str:
    """Bulk-insert `total` published pieces; return one piece's id to edit.

    Runs inside Django (manage.py shell)."""
    import datetime as dt
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from samizdat.articles.models import (
        ArticleAuthor,
        ArticlePage,
        ArticlePageTag,
        HomePage,
        SectionPage,
        Tag,
    )
    from samizdat.articles.setup import ensure_translation
    from samizdat.people.models import Person

    per_edition = total // 2
    en, fa = (
        Locale.objects.get(language_code="en"),
        Locale.objects.get(language_code="fa"),
    )
    home = HomePage.objects.get(locale=en)
    sections = {"en": [], "fa": []}
    for title in SECTIONS:
        section = home.add_child(
            instance=SectionPage(title=title, slug=title.lower(), show_in_menus=True)
        )
        section.save_revision().publish()
        sections["en"].append(section)
        sections["fa"].append(ensure_translation(section, fa, title=f"بخش {title}"))
    people, tags = {}, {}
    for code, locale in (("en", en), ("fa", fa)):
        name = "Writer" if code == "en" else "نویسنده"
        people[code] = Person.objects.bulk_create(
            [
                Person(
                    name=f"{name} {i}",
                    slug=f"writer-{i}",
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
                for i in range(PEOPLE)
            ]
        )
        label = "topic" if code == "en" else "موضوع"
        tags[code] = Tag.objects.bulk_create(
            [
                Tag(name=f"{label} {code} {i}", slug=f"{label}-{code}-{i}")
                for i in range(TAGS)
            ]
        )
    content_type = ContentType.objects.get_for_model(ArticlePage)
    body = []
    for i in range(4):
        body.append(("subheading", f"Part {i + 1}"))
        body.append(("paragraph", "<p>" + SENTENCE * 4 + "</p>"))
    body.append(("quotation", {"text": "We cannot wait.", "speaker": "Maryam Sadeghi"}))
    now = timezone.now()
    keys = [uuid.uuid4() for _ in range(per_edition)]
    child_fields = [
        f for f in ArticlePage._meta.local_concrete_fields if f.attname != "page_ptr_id"
    ]
    for code, locale in (("en", en), ("fa", fa)):
        with transaction.atomic():
            sections_of = sections[code]
            counters = {s.pk: s.numchild for s in sections_of}
            pages, details = [], []
            for n in range(per_edition):
                section = sections_of[n % len(sections_of)]
                counters[section.pk] += 1
                slug = f"piece-{n}"
                when = now - dt.timedelta(minutes=n * 7)
                title = (
                    f"Reservoirs fall to a record low, number {n}"
                    if code == "en"
                    else f"ذخیره آب سدها به کمترین حد رسید، شماره {n}"
                )
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        url_path=f"{section.url_path}{slug}/",
                        path=Page._get_path(
                            section.path, section.depth + 1, counters[section.pk]
                        ),
                        depth=section.depth + 1,
                        numchild=0,
                        first_published_at=when,
                        last_published_at=when,
                        latest_revision_created_at=when,
                        translation_key=keys[n],
                        locale=locale,
                    )
                )
                details.append(
                    ArticlePage(
                        standfirst="Farmers and city dwellers brace for rationing.",
                        kind=KINDS[n % len(KINDS)],
                        body=body,
                        section_id=section.pk,
                        reading_minutes=1,
                    )
                )
            Page.objects.bulk_create(pages, batch_size=500)
            columns = ["page_ptr_id"] + [f.column for f in child_fields]
            rows = []
            for page, detail in zip(pages, details, strict=True):
                rows.append(
                    [page.pk]
                    + [
                        f.get_db_prep_save(getattr(detail, f.attname), connection)
                        for f in child_fields
                    ]
                )
            table = ArticlePage._meta.db_table
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            marks = ", ".join(["%s"] * len(columns))
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} ({quoted}) VALUES ({marks})",  # noqa: S608
                    rows,
                )
            ArticleAuthor.objects.bulk_create(
                [
                    ArticleAuthor(
                        article_id=page.pk,
                        person=people[code][(n + k) % PEOPLE],
                        sort_order=k,
                    )
                    for n, page in enumerate(pages)
                    for k in range(1 + n % 2)
                ],
                batch_size=1000,
            )
            ArticlePageTag.objects.bulk_create(
                [
                    ArticlePageTag(
                        content_object_id=page.pk, tag=tags[code][(n + k) % TAGS]
                    )
                    for n, page in enumerate(pages)
                    for k in range(3)
                ],
                batch_size=1000,
            )
            for section in sections_of:
                Page.objects.filter(pk=section.pk).update(numchild=counters[section.pk])
    target = ArticlePage.objects.filter(locale=en).order_by("-first_published_at")[
        per_edition // 2
    ]
    return str(target.pk)


EDIT = """
from samizdat.articles.models import ArticlePage
page = ArticlePage.objects.get(pk={pk}).get_latest_revision_as_object()
page.title = page.title + " (updated)"
page.save_revision().publish()
"""


def timed(env: dict, *args: str) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds (all processes) of one manage.py command."""
    started = time.monotonic()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = manage(env, *args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = (after.ru_utime + after.ru_stime) - (cpu.ru_utime + cpu.ru_stime)
    return time.monotonic() - started, cpu_seconds, out.strip().splitlines()[-1]


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with deployment() as (env, _port):
        started = time.monotonic()
        pk = shell(
            env,
            "import sys; sys.path.insert(0, 'bench'); import mirror; "
            f"print(mirror.build({total}))",
        )
        build_seconds = time.monotonic() - started
        out_dir = Path(tempfile.mkdtemp(prefix="samizdat-mirror-"))
        try:
            full, full_cpu, summary = timed(
                env, "export_mirror", str(out_dir), "--no-progress"
            )
            print(
                json.dumps(
                    {
                        "figure": "mirror_full_export_seconds",
                        "articles": total,
                        "editions": 2,
                        "seconds": round(full, 1),
                        "cpu_seconds": round(full_cpu, 1),
                        "load_average": os.getloadavg()[0],
                        "target_seconds": 180,
                        "build_seconds": round(build_seconds, 1),
                        "summary": summary,
                    }
                )
            )
            files = [p for p in out_dir.rglob("*") if p.is_file()]
            print(
                json.dumps(
                    {
                        "figure": "mirror_export_size",
                        "articles": total,
                        "files": len(files),
                        "megabytes": round(
                            sum(p.stat().st_size for p in files) / 1e6, 1
                        ),
                    }
                )
            )
            manage(env, "shell", "-c", EDIT.format(pk=pk))
            since, since_cpu, summary = timed(
                env, "export_mirror", str(out_dir), "--since", "--no-progress"
            )
            print(
                json.dumps(
                    {
                        "figure": "mirror_incremental_export_seconds",
                        "articles": total,
                        "seconds": round(since, 1),
                        "cpu_seconds": round(since_cpu, 1),
                        "target_seconds": 10,
                        "summary": summary,
                    }
                )
            )
        finally:
            shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

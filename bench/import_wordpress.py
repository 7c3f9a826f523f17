# ruff: noqa: E501 - the generated markup reads best one element a line
"""WordPress import: seconds, posts/s and peak memory for a generated export.

Writes a WXR 1.2 file like a two-language Polylang site's (block-editor
bodies with headings, quotations with cites, images and links to earlier
posts; featured images; 20 authors; every other post has its translation),
an uploads folder of small JPEGs, and imports both into an empty database
with `import_wordpress`'s own importer. Prints one JSON line per run:

    python bench/import_wordpress.py                          # 10,000 posts, both databases
    python bench/import_wordpress.py --posts 50000 --images 2000 --databases postgresql

Each line has the wall time, posts/s over the whole run, posts/s over the
first and the last 10% of the posts (the import must not slow down as the
archive grows: Wagtail's per-save search-index norm refresh is held back and
the pages are indexed in batches at the end, `finish_seconds`) and the
process's peak resident memory. The machine's load average at the start and
the end is in the line too: the figures are wall-clock times."""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PG_BASE = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
SCRATCH = Path(os.environ.get("BENCH_SCRATCH", tempfile.gettempdir()))
SITE = "https://bench.example.org"
SEED = 11
SYLLABLES = {
    "en": "ka lo mi ra den sor vil tan bre gus hal ner pon qui zet ul ax em or ip".split(),
    "fa": "کا لو می را دن سر ویل تان بر گس هال نر پن کی زت ول اخ ام ار ایپ".split(),
}


def words(rng: random.Random, code: str, n: int) -> str:
    syllables = SYLLABLES[code]
    return " ".join(
        "".join(rng.choice(syllables) for _ in range(rng.randint(1, 3)))
        for _ in range(n)
    )


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write_uploads(folder: Path, images: int) -> None:
    from PIL import Image

    rng = random.Random(SEED)
    for n in range(images):
        path = folder / "2024" / f"{n % 12 + 1:02d}" / f"photo-{n}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        colour = (rng.randrange(256), rng.randrange(256), n % 256)
        Image.new("RGB", (48, 32), colour).save(buffer, "JPEG")
        path.write_bytes(buffer.getvalue())


def write_export(path: Path, posts: int, images: int, authors: int) -> None:
    rng = random.Random(SEED)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Bench</title><link>{SITE}</link><language>en-US</language>\n"
            f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}"
            f"</wp:base_site_url><wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for a in range(authors):
            out.write(
                f"<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login>"
                f"{cdata(f'writer{a}')}</wp:author_login><wp:author_display_name>"
                f"{cdata(f'Writer {a} (Pen {a})' if a % 5 == 0 else f'Writer {a}')}"
                "</wp:author_display_name></wp:author>\n"
            )
        for code in ("en", "fa"):
            out.write(
                f"<wp:term><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>"
                f"{code}</wp:term_slug><wp:term_name>{code}</wp:term_name></wp:term>\n"
            )
            for s in range(6):
                out.write(
                    f"<wp:category><wp:category_nicename>{code}-s{s}</wp:category_nicename>"
                    f"<wp:cat_name>{code} section {s}</wp:cat_name></wp:category>\n"
                )
        for n in range(images):
            relative = f"2024/{n % 12 + 1:02d}/photo-{n}.jpg"
            out.write(
                f"<item><title>Photo {n}</title><wp:post_id>{100000 + n}</wp:post_id>"
                "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
                f"<wp:attachment_url>{SITE}/wp-content/uploads/{relative}</wp:attachment_url>"
                f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>"
                f"{relative}</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>"
                f"_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Alt {n}"
                "</wp:meta_value></wp:postmeta></item>\n"
            )
        # Two posts in a translation group: n (English) and n + 1 (Persian).
        for n in range(posts):
            wp_id = n + 1
            code = "en" if n % 2 == 0 else "fa"
            group = f"pll_{n // 2}"
            if n % 2 == 0:
                out.write(
                    f"<wp:term><wp:term_taxonomy>post_translations</wp:term_taxonomy>"
                    f"<wp:term_slug>{group}</wp:term_slug><wp:term_description>"
                    f'a:2:{{s:2:"en";i:{wp_id};s:2:"fa";i:{wp_id + 1};}}'
                    "</wp:term_description></wp:term>\n"
                )
            image = 100000 + rng.randrange(images) if images else 0
            linked = rng.randrange(1, wp_id) if wp_id > 1 else 0
            body = (
                f"<!-- wp:paragraph --><p>{words(rng, code, 60)}</p><!-- /wp:paragraph -->\n"
                f"<!-- wp:heading --><h2>{words(rng, code, 4)}</h2><!-- /wp:heading -->\n"
                f'<!-- wp:paragraph --><p>{words(rng, code, 50)} <a href="{SITE}/?p={linked}">'
                f"{words(rng, code, 2)}</a>.</p><!-- /wp:paragraph -->\n"
                f'<!-- wp:quote --><blockquote class="wp-block-quote"><p>{words(rng, code, 15)}'
                f"</p><cite>Speaker {n % 50}, role, 3 March 2024</cite></blockquote><!-- /wp:quote -->\n"
                f'<!-- wp:image {{"id":{image}}} --><figure class="wp-block-image"><img src="'
                f'{SITE}/wp-content/uploads/x.jpg" class="wp-image-{image}" alt="" /><figcaption>'
                f"{words(rng, code, 5)}</figcaption></figure><!-- /wp:image -->\n"
                f"<!-- wp:paragraph --><p>{words(rng, code, 70)}</p><!-- /wp:paragraph -->"
            )
            day = 1 + n % 28
            out.write(
                f"<item><title>{escape(words(rng, code, 6))}</title>"
                f"<link>{SITE}/2024/{n % 12 + 1:02d}/post-{wp_id}/</link>"
                f"<dc:creator>writer{n % authors}</dc:creator>"
                f'<guid isPermaLink="false">{SITE}/?p={wp_id}</guid>'
                f"<content:encoded>{cdata(body)}</content:encoded>"
                f"<excerpt:encoded>{cdata(words(rng, code, 20))}</excerpt:encoded>"
                f"<wp:post_id>{wp_id}</wp:post_id>"
                f"<wp:post_date_gmt>2024-{n % 12 + 1:02d}-{day:02d} 08:00:00</wp:post_date_gmt>"
                f"<wp:post_name>post-{wp_id}</wp:post_name><wp:status>publish</wp:status>"
                "<wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="{code}-s{n % 6}">{code} section {n % 6}</category>'
                f'<category domain="post_tag" nicename="t{n % 40}">topic {n % 40}</category>'
                f'<category domain="language" nicename="{code}">{code}</category>'
                f'<category domain="post_translations" nicename="{group}">{group}</category>'
                + (
                    f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{image}"
                    "</wp:meta_value></wp:postmeta>"
                    if image
                    else ""
                )
                + "</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def database_url(kind: str, posts: int) -> str:
    if kind == "sqlite":
        return f"sqlite:///{SCRATCH}/samizdat-bench-wp-{posts}.sqlite3"
    return f"{PG_BASE}/samizdat_bench_wp_{posts}"


def fresh_database(url: str) -> None:
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def measure(db: str, posts: int, images: int, authors: int, work: Path) -> dict:
    url = database_url(db, posts)
    fresh_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "samizdat.settings.test"
    os.environ["SAMIZDAT_TEST_MEDIA"] = str(work / f"media-{db}")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from samizdat.articles.models import ArticlePage
    from samizdat.wordpress.services import Importer

    stamps: list[float] = []
    first_post = images  # the progress counts attachments first
    posts_from = [0.0]  # when the last image was done and the posts began

    def progress(done: int, total: int) -> None:
        if done <= first_post:
            posts_from[0] = time.monotonic()
        elif len(stamps) < posts and done < total:
            stamps.append(time.monotonic())

    load_before = os.getloadavg()[0]
    started = time.monotonic()
    posts_from[0] = started
    report = Importer(
        work / "export.xml", media=work / "uploads", progress=progress
    ).run()
    seconds = time.monotonic() - started
    tenth = max(1, len(stamps) // 10)
    first = tenth / (stamps[tenth - 1] - posts_from[0]) if stamps else 0.0
    last = tenth / (stamps[-1] - stamps[-tenth - 1]) if len(stamps) > tenth else 0.0
    return {
        "bench": "import_wordpress",
        "database": db,
        "posts": posts,
        "images": images,
        "authors": authors,
        "imported_articles": ArticlePage.objects.count(),
        "failed": report.counts["failed"],
        "seconds": round(seconds, 1),
        "media_seconds": round(posts_from[0] - started, 1),
        # After the last post: links to later posts, term redirects, then the
        # search and reference indexes of every page in batches.
        "finish_seconds": round(started + seconds - stamps[-1], 1) if stamps else 0.0,
        "posts_per_s": round(posts / seconds, 1),
        "first_10pct_posts_per_s": round(first, 1),
        "last_10pct_posts_per_s": round(last, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--authors", type=int, default=20)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--one", help=argparse.SUPPRESS)  # child process: one database
    args = parser.parse_args()
    work = SCRATCH / f"samizdat-bench-wp-{args.posts}"
    if args.one:
        print(
            json.dumps(measure(args.one, args.posts, args.images, args.authors, work))
        )
        return
    shutil.rmtree(work, ignore_errors=True)
    (work / "uploads").mkdir(parents=True)
    write_uploads(work / "uploads", args.images)
    write_export(work / "export.xml", args.posts, args.images, args.authors)
    import subprocess

    for db in args.databases:
        # One process per database, so each line's peak memory is its own.
        subprocess.run(  # noqa: S603 - our own script
            [
                sys.executable,
                __file__,
                "--one",
                db,
                "--posts",
                str(args.posts),
                "--images",
                str(args.images),
                "--authors",
                str(args.authors),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()

"""Uncached article page throughput and weight under production settings.

Builds a scratch deployment (SQLite, gunicorn with two workers), publishes a
typical article (about 1,200 words, subheadings, quotations, two authors,
five tags) among 60 others, then loads it with `wrk -t2 -c16` on loopback.
Prints one JSON line per figure. Needs `wrk` (apt-get install wrk)."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import PYTHON, ROOT, deployment, gunicorn, wrk  # noqa: E402

CONTENT = r"""
from samizdat.articles.models import ArticleAuthor, ArticlePage, HomePage, SectionPage
from samizdat.people.models import Person

home = HomePage.objects.get(locale__language_code="en")
sections = []
for title in ["News", "Opinion", "Report", "Analysis", "Interview", "Culture"]:
    s = home.add_child(instance=SectionPage(title=title, slug=title.lower(), show_in_menus=True))
    s.save_revision().publish()
    sections.append(s)
people = [Person.objects.create(name=f"Writer {i}", locale=home.locale, pen_name="Pen" if i % 3 == 0 else "") for i in range(8)]
sentence = "The council met again on Tuesday to weigh the cost of the new water plan for the city and its farms. "
def body(paragraphs):
    blocks = []
    for i in range(paragraphs):
        if i % 4 == 0:
            blocks.append(("subheading", f"Part {i // 4 + 1} of the story"))
        blocks.append(("paragraph", "<p>" + sentence * 5 + "</p>"))
        if i % 6 == 3:
            blocks.append(("quotation", {"text": "We cannot wait for another dry year to act.", "speaker": "Maryam Sadeghi", "speaker_role": "hydrologist"}))
    blocks.append(("pull_quote", "Every reservoir in the province is below a third of its capacity."))
    return blocks
for n in range(61):
    page = ArticlePage(title=f"Reservoirs fall to a record low, number {n}", slug=f"reservoirs-{n}",
                       standfirst="Farmers and city dwellers brace for a summer of rationing.",
                       body=body(12 if n == 0 else 4))
    page.article_authors = [ArticleAuthor(person=people[n % 8], sort_order=0), ArticleAuthor(person=people[(n + 1) % 8], sort_order=1)]
    page.tags.add("water", "drought", "farming", "cities", "climate")
    sections[n % 6].add_child(instance=page)
    page.save_revision().publish()
print(ArticlePage.objects.get(slug="reservoirs-0").url)
"""


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit(
            "bench/article_page.py: wrk is not installed (apt-get install wrk)"
        )
    with deployment() as (env, port):
        url_path = (
            subprocess.run(  # noqa: S603
                [PYTHON, "manage.py", "shell"],
                input=CONTENT,
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        with gunicorn(env, port) as base:
            url = base + url_path
            with urllib.request.urlopen(url) as response:  # noqa: S310
                html = response.read()
                cookies = response.headers.get_all("Set-Cookie") or []
                cache_control = response.headers.get("Cache-Control")
            css_url = (
                base
                + "/static/css/"
                + next(
                    p.name
                    for p in (Path(env["STATIC_ROOT"]) / "css").glob("site.*.css")
                )
            )
            css = urllib.request.urlopen(css_url).read()  # noqa: S310
            print(
                json.dumps(
                    {
                        "bench": "article_page_weight",
                        "html_bytes": len(html),
                        "html_gzip_bytes": len(gzip.compress(html)),
                        "css_bytes": len(css),
                        "css_gzip_bytes": len(gzip.compress(css)),
                        "script_tags": html.count(b"<script"),
                        "set_cookie_headers": len(cookies),
                        "cache_control": cache_control,
                    }
                )
            )
            wrk(url, seconds=3)  # warm both workers
            figures = wrk(url, seconds=15)
            print(
                json.dumps(
                    {
                        "bench": "article_page_uncached",
                        "server": "gunicorn -w 2, production settings, SQLite",
                        "load": "wrk -t2 -c16 -d15s",
                        **figures,
                    }
                )
            )


if __name__ == "__main__":
    main()

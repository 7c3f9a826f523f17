"""Uncached article page throughput and weight under production settings.

Builds a scratch deployment (SQLite, gunicorn with two workers), publishes a
typical article (about 1,200 words, subheadings, quotations, two authors,
five tags) among 60 others, then loads it with `wrk -t2 -c16` on loopback.
Prints one JSON line per figure. Needs `wrk` (apt-get install wrk)."""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import deployment, gunicorn, manage, shell, wrk  # noqa: E402

BUILD = (
    "import sys; sys.path.insert(0, 'bench'); import _content; print(_content.build())"
)


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit(
            "bench/article_page.py: wrk is not installed (apt-get install wrk)"
        )
    with deployment() as (env, port):
        url_path = shell(env, BUILD)
        # What the task worker would have done by now: search index and
        # "You May Also Like" lists of the new pieces.
        manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")
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

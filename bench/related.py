"""Related-article lists at scale: full rebuild, one refresh, peak memory.

Builds (once, then reuses) a generated archive of N articles in both
editions (bulk-written page tree, no search index), then in a fresh process
runs the full rebuild (`services.rebuild_all`, what `manage.py
rebuild_related` runs) and a few single-article refreshes (what publishing
runs). Prints one JSON line per figure and size.

    python bench/related.py --sizes 10000 100000"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import search  # noqa: E402

REFRESHES = 5


def build(size: int) -> str:
    url = search.database_url("sqlite", size, "related")
    search.setup_django(url)
    from samizdat.articles.models import ArticlePage

    have = ArticlePage.objects.count()
    if have < size:
        started = time.monotonic()
        search.bulk_articles(size - have, index=False, seed=search.SEED + have)
        print(
            json.dumps(
                {
                    "bench": "related_corpus",
                    "articles": size,
                    "build_s": round(time.monotonic() - started, 1),
                }
            ),
            file=sys.stderr,
        )
    return url


def measure(url: str) -> None:
    search.setup_django(url)
    from samizdat.articles.models import ArticlePage
    from samizdat.related import services
    from samizdat.related.models import RelatedArticle

    articles = ArticlePage.objects.live().count()
    started = time.monotonic()
    services.rebuild_all()
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "bench": "related_rebuild",
                "articles": articles,
                "seconds": round(seconds, 1),
                "per_1000_s": round(seconds / articles * 1000, 2),
                "peak_mb": round(peak_mb),
                "lists": RelatedArticle.objects.values("article").distinct().count(),
            }
        ),
        flush=True,
    )
    rng = random.Random(search.SEED)
    ids = list(ArticlePage.objects.live().values_list("pk", flat=True))
    timings, written = [], []
    for pk in rng.sample(ids, REFRESHES):
        started = time.perf_counter()
        written.append(services.refresh(pk))
        timings.append((time.perf_counter() - started) * 1000)
    print(
        json.dumps(
            {
                "bench": "related_refresh",
                "articles": articles,
                "refreshes": REFRESHES,
                "median_ms": round(statistics.median(timings)),
                "max_ms": round(max(timings)),
                "lists_written_max": max(written),
            }
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--build", type=int)
    parser.add_argument("--measure")
    args = parser.parse_args()
    if args.build:
        print(build(args.build))
        return
    if args.measure:
        measure(args.measure)
        return
    for size in args.sizes:
        url = (
            subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--build", str(size)],
                check=True,
                capture_output=False,
                stdout=subprocess.PIPE,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        subprocess.run([sys.executable, __file__, "--measure", url], check=True)  # noqa: S603


if __name__ == "__main__":
    main()

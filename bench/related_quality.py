"""Quality of "You May Also Like": precision@4 on a labelled corpus.

Generates articles around 40 topics in both editions (each article draws 6%
of its words from its topic, whose vocabulary overlaps its neighbours', the
rest from a shared vocabulary; a third carry their topic's tag), rebuilds
the stored lists, and counts how many of the 4 related articles share the
article's topic. The "latest in the same section" baseline is measured on
the same corpus in the same run. Prints one JSON line per method.

    python bench/related_quality.py [--articles 2000] [--topic-share 0.06]"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import search  # noqa: E402

SIZE = 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--topic-share", type=float, default=0.06)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="samizdat-related-quality-"))
    search.setup_django(f"sqlite:///{scratch / 'db.sqlite3'}")

    from samizdat.articles.models import ArticlePage
    from samizdat.related import queries, services

    topics = search.bulk_articles(
        args.articles, index=False, tag_share=1 / 3, topic_share=args.topic_share
    )
    services.rebuild_all()
    method_hits = baseline_hits = 0
    pieces = ArticlePage.objects.live().order_by("pk")
    rows = list(pieces.values_list("pk", "section_id", "first_published_at"))
    by_section: dict[int, list[tuple]] = {}
    for pk, section_id, published in rows:
        by_section.setdefault(section_id, []).append((published, pk))
    for entries in by_section.values():
        entries.sort(reverse=True)
    for page in pieces.only("pk", "locale_id"):
        related = queries.related_for(page)[:SIZE]
        method_hits += sum(topics[r.pk] == topics[page.pk] for r in related)
    for pk, section_id, _published in rows:
        latest = [other for _, other in by_section[section_id] if other != pk][:SIZE]
        baseline_hits += sum(topics[o] == topics[pk] for o in latest)
    slots = SIZE * len(rows)
    for name, hits in (
        ("content+signals", method_hits),
        ("latest-in-section", baseline_hits),
    ):
        print(
            json.dumps(
                {
                    "bench": "related_quality",
                    "method": name,
                    "articles": len(rows),
                    "topics": search.TOPICS,
                    "precision_at_4": round(hits / slots, 3),
                }
            ),
            flush=True,
        )
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()

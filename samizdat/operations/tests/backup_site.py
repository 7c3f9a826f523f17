"""A site to back up, and what a reader and the newsletter see of it.

    python -m samizdat.operations.tests.backup_site setup COUNT
    python -m samizdat.operations.tests.backup_site snapshot

`setup` makes the editions, a small demo publication (pictures and
portraits in MEDIA_ROOT) and COUNT confirmed subscribers. `snapshot` prints
JSON: the status and SHA-256 of every live page's HTML, the SHA-256 of every
file in MEDIA_ROOT, the number of subscribers and their addresses decrypted
with NEWSLETTER_KEYS. The database is DATABASE_URL; the test settings are
used."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import django


def setup(count: int) -> None:
    from samizdat.articles.setup import ensure_editions
    from samizdat.demo.seed import seed_demo
    from samizdat.newsletter.tests.conftest import confirmed

    ensure_editions("Samizdat")
    seed_demo(articles=8, caricatures=2)
    for i in range(count):
        confirmed(f"reader{i}@example.org", language="fa" if i % 3 else "en")


def snapshot() -> dict:
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Page

    from samizdat.newsletter import crypto
    from samizdat.newsletter.models import Subscriber

    media = Path(settings.MEDIA_ROOT)
    files = {
        p.relative_to(media).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(media.rglob("*"))
        if p.is_file()
    }
    client = Client()
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        url = page.get_url()
        if url is None:
            continue
        response = client.get(url)
        pages[url] = [
            response.status_code,
            hashlib.sha256(response.content).hexdigest(),
        ]
    tokens = Subscriber.objects.order_by("pk").values_list("address", flat=True)
    return {
        "pages": pages,
        "media": files,
        "subscribers": Subscriber.objects.count(),
        "addresses": sorted(crypto.decrypt(token) for token in tokens),
    }


def main(argv: list[str]) -> None:
    django.setup()
    if argv[0] == "setup":
        setup(int(argv[1]))
    elif argv[0] == "snapshot":
        print(json.dumps(snapshot()))
    else:
        raise SystemExit(f"unknown step {argv[0]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])

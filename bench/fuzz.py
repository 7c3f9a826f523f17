"""Hostile requests against a production-settings server: counts by status.

Sends N requests (default 20,000) built from tests/fuzz/vocabulary.py (our
public URL shapes and parameter names with values that break parsers: huge
integers, NUL, markup, bad dates, odd headers and bodies) and prints one JSON
line: how many answers came back with each status, and how many 5xx
(target 0). With --url it fuzzes a running server (`manage.py runserver` or
gunicorn); without, it builds a scratch production deployment with one
article and runs gunicorn with two workers on --port."""

from __future__ import annotations

import argparse
import http.client
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _server import deployment, gunicorn, shell  # noqa: E402

from tests.fuzz.vocabulary import HEADERS, METHODS, NASTY, PARAMETERS, PATHS  # noqa: E402

SEED_ARTICLE = (
    "from samizdat.articles.tests import factories;"
    "factories.article(factories.section('News', 'en'), 'Election weather');"
    "print('ok')"
)


def value(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return rng.choice(NASTY)
    return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(12)))


def one_request(rng: random.Random) -> tuple[str, str, dict[str, str], bytes]:
    shape = rng.choice(PATHS)
    path = shape.format(*(quote(value(rng), safe="") for _ in range(shape.count("{}"))))
    query = urlencode(
        [(rng.choice(PARAMETERS), value(rng)) for _ in range(rng.randrange(5))]
    )
    headers = {}
    for meta in rng.sample(sorted(HEADERS), rng.randrange(4)):
        name = meta.removeprefix("HTTP_").replace("_", "-").title()
        headers[name] = (
            rng.choice(HEADERS[meta]).encode("latin-1", "replace").decode("latin-1")
        )
    body = urlencode(
        [(rng.choice(PARAMETERS), value(rng)) for _ in range(rng.randrange(5))]
    ).encode()
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return rng.choice(METHODS), f"{path}?{query}" if query else path, headers, body


def fuzz(base: str, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    target = urlsplit(base)
    statuses: Counter[str] = Counter()
    started = time.monotonic()
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    for _ in range(count):
        method, path, headers, body = one_request(rng)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            response.read()
            statuses[str(response.status)] += 1
            if response.will_close:
                connection.close()
        except (http.client.HTTPException, OSError) as error:
            statuses[f"error:{type(error).__name__}"] += 1
            connection.close()
    five_xx = sum(n for status, n in statuses.items() if status.startswith("5"))
    return {
        "figure": "fuzz_answers_by_status",
        "requests": count,
        "seed": seed,
        "statuses": dict(sorted(statuses.items())),
        "5xx": five_xx,
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--port", type=int, default=None)
    options = parser.parse_args()
    if options.url:
        print(json.dumps(fuzz(options.url, options.requests, options.seed)))
        return
    with deployment(port=options.port) as (env, port):
        shell(env, SEED_ARTICLE)
        with gunicorn(env, port) as base:
            print(json.dumps(fuzz(base, options.requests, options.seed)))


if __name__ == "__main__":
    main()

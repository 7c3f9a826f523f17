"""Count endpoint throughput and fold time, under production settings.

1. Hits per second `/count/<id>.gif` sustains under gunicorn (two workers) on
   loopback, loaded by `wrk` for a bounded time, once with the embedded cache
   and once with Redis (REDIS_URL). Every request comes from a different
   reader (X-Forwarded-For varies, the proxy header is trusted), so each one
   goes the whole way: hash, rate limit, de-duplication, buffer.
2. Seconds to fold 1,000,000 buffered hits (1,000 pages x 24 hours) into the
   hourly buckets, with each store.

Prints one JSON line per figure. Needs `wrk` (apt-get install wrk) and, for
the Redis figures, a Redis server (BENCH_REDIS_URL, default db 14 on
127.0.0.1:6379; the keys it makes are removed afterwards)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import PYTHON, ROOT, deployment, gunicorn, shell  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
HITS = 1_000_000
PAGES = 1_000
HOURS = 24
TARGET_RPS = 3000
TARGET_FOLD_SECONDS = 10

LUA = """
local pages = {%s}
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function request()
  counter = counter + 1
  local n = counter * 4 + (tid or 0)
  local ip = string.format("10.%%d.%%d.%%d", math.floor(n / 65536) %% 256,
    math.floor(n / 256) %% 256, n %% 256)
  local page = pages[(counter %% #pages) + 1]
  return wrk.format("GET", "/count/" .. page .. ".gif", {
    ["X-Forwarded-For"] = ip,
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Firefox/140.0",
  })
end
"""

LIVE_IDS = (
    "from wagtail.models import Page; "
    "print(','.join(str(pk) for pk in Page.objects.live()"
    ".filter(depth__gt=1).values_list('pk', flat=True)))"
)


def load(base: str, page_ids: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % page_ids)
    try:
        out = subprocess.run(  # noqa: S603
            [  # noqa: S607
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{SECONDS}s",
                "-s",
                script.name,
                base + "/",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=SECONDS + 60,
        ).stdout
    finally:
        os.unlink(script.name)
    figures = {"non_2xx": 0}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            figures["requests_per_second"] = round(float(parts[1]))
        elif "Non-2xx or 3xx responses" in line:
            figures["non_2xx"] = int(parts[-1])
        elif line.strip().startswith("Socket errors"):
            figures["socket_errors"] = line.split(":", 1)[1].strip()
    return figures


def endpoint(env: dict, port: int, cache: str, page_ids: str) -> None:
    load_before = round(os.getloadavg()[0], 1)
    with gunicorn(env, port) as base:
        figures = load(base, page_ids)
    print(
        json.dumps(
            {
                "benchmark": "count_endpoint",
                "cache": cache,
                **figures,
                "target_requests_per_second": TARGET_RPS,
                "load_average_before": load_before,
                "seconds": SECONDS,
                "connections": CONNECTIONS,
                "gunicorn_workers": 2,
            }
        ),
        flush=True,
    )


def fold_child(cache: str) -> None:
    """Runs inside the scratch deployment: buffer a million hits, fold them."""
    import django

    django.setup()
    from django.db import transaction
    from wagtail.models import Page

    from samizdat.articles.models import HomePage
    from samizdat.audience import services
    from samizdat.audience.buffer import current_hour, get_store
    from samizdat.audience.models import HourlyViews

    home = HomePage.objects.order_by("pk").first()
    with transaction.atomic():
        for n in range(PAGES - home.get_children().count()):
            home.add_child(instance=Page(title=f"Bench {n}", slug=f"bench-{n}"))
    ids = list(home.get_children().values_list("pk", flat=True)[:PAGES])
    services.fold()  # what the endpoint benchmark left behind
    HourlyViews.objects.all().delete()
    store = get_store()
    store.clear()
    first = current_hour() - HOURS
    if cache == "redis":
        pipe = store.redis.pipeline(transaction=False)
        for i in range(HITS):
            field = f"v:{ids[i % PAGES]}:{first + (i // PAGES) % HOURS}"
            pipe.hincrby(store.buffer, field, 1)
            if i % 20_000 == 19_999:
                pipe.execute()
        pipe.execute()
    else:
        for i in range(HITS):
            store.add({("v", ids[i % PAGES], first + (i // PAGES) % HOURS): 1})
    started = time.perf_counter()
    folded = services.fold()
    seconds = time.perf_counter() - started
    assert folded == HITS, folded
    assert HourlyViews.objects.count() == PAGES * HOURS
    store.clear()
    print(
        json.dumps(
            {
                "benchmark": "fold",
                "cache": cache,
                "hits": HITS,
                "buckets": PAGES * HOURS,
                "seconds": round(seconds, 2),
                "target_seconds": TARGET_FOLD_SECONDS,
            }
        ),
        flush=True,
    )


def fold(env: dict, cache: str) -> None:
    result = subprocess.run(  # noqa: S603
        [PYTHON, __file__, "--fold", cache],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if result.returncode != 0:
        raise SystemExit(f"fold benchmark ({cache}) failed: {result.stderr[-2000:]}")
    print(result.stdout.strip().splitlines()[-1], flush=True)


def redis_ready() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def redis_keys() -> set[bytes]:
    import redis

    return set(redis.Redis.from_url(REDIS_URL).scan_iter(count=1000))


def forget_redis_keys(before: set[bytes]) -> None:
    """Remove what the run added (counts and the site's cache entries)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in redis_keys() - before:
        client.delete(key)


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("bench/count.py: wrk is not installed (apt-get install wrk)")
    with deployment(COUNT_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR") as (env, port):
        page_ids = shell(env, LIVE_IDS)
        endpoint(env, port, "embedded", page_ids)
        fold(env, "embedded")
        if not redis_ready():
            print(
                json.dumps(
                    {
                        "benchmark": "count_endpoint",
                        "cache": "redis",
                        "skipped": f"no Redis at {REDIS_URL}",
                    }
                )
            )
            return
        prefix = f"samizdat-bench-{secrets.token_hex(4)}:"
        with_redis = {**env, "REDIS_URL": REDIS_URL, "COUNT_PREFIX": prefix}
        before = redis_keys()
        try:
            endpoint(with_redis, port, "redis", page_ids)
            fold(with_redis, "redis")
        finally:
            forget_redis_keys(before)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fold"]:
        sys.path.insert(0, str(ROOT))
        fold_child(sys.argv[2])
    else:
        main()

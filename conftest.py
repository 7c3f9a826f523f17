"""Project-wide test switches: optional servers and the browser.

Tests marked `redis`, `browser` or `nginx` need a Redis server, Debian's
Chromium or Debian's nginx with its cache purge module.
Where one is missing they are skipped with a plain reason, unless
SAMIZDAT_REQUIRE_SERVICES=1 (CI), where they fail instead."""

from __future__ import annotations

import os
import shutil
from functools import cache

import pytest

REQUIRE = os.environ.get("SAMIZDAT_REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("SAMIZDAT_CHROMIUM", "/usr/bin/chromium")


@cache
def redis_problem() -> str | None:
    import redis

    url = os.environ.get("SAMIZDAT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as error:  # noqa: BLE001 - any failure means "not usable"
        return f"Redis not reachable at {url}: {error}"
    return None


@cache
def chromium_problem() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    return None


NGINX = os.environ.get("SAMIZDAT_NGINX", "/usr/sbin/nginx")
NGINX_PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"


@cache
def nginx_problem() -> str | None:
    if not os.path.exists(NGINX):
        return f"nginx not found at {NGINX} (apt-get install nginx)"
    if not os.path.exists(NGINX_PURGE_MODULE):
        return (
            "nginx's purge module is missing "
            "(apt-get install libnginx-mod-http-cache-purge)"
        )
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker, problem in (
        ("redis", redis_problem),
        ("browser", chromium_problem),
        ("nginx", nginx_problem),
    ):
        if marker in item.keywords:
            reason = problem()
            if reason:
                if REQUIRE:
                    pytest.fail(f"required but missing: {reason}")
                pytest.skip(f"scale-out/browser test skipped: {reason}")

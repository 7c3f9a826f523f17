"""Production settings refuse to start unsafe and pass Django's deploy checks.

Each case runs in a fresh interpreter: settings are read once per process."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[3]
GOOD_SECRET = secrets.token_urlsafe(50)


def production_env(**changes: str | None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "SECRET_", "DEBUG"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="samizdat.settings.production",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="news.example.org",
        BASE_URL="https://news.example.org",
        NEWSLETTER_KEYS=Fernet.generate_key().decode(),
        NEWSLETTER_HASH_KEY=secrets.token_urlsafe(32),
    )
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


LOAD = "import django; django.setup(); print('loaded')"


@pytest.mark.parametrize(
    "changes",
    [
        {"DEBUG": "1"},
        {"SECRET_KEY": None},
        {"SECRET_KEY": "too-short"},
        {"SECRET_KEY": "dev-" + "x" * 60},
        {"SESSION_COOKIE_SECURE": "ture"},
        {"SECURE_HSTS_SECONDS": "a year"},
    ],
    ids=[
        "debug-on",
        "no-secret",
        "short-secret",
        "dev-secret",
        "misspelt-flag",
        "not-a-number",
    ],
)
def test_it_refuses_to_start_unsafe(changes):
    result = run(["-c", LOAD], production_env(**changes))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "loaded" not in result.stdout


def test_it_passes_the_deploy_checks_with_no_warning():
    result = run(["manage.py", "check", "--deploy"], production_env())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_it_carries_no_demo_generator():
    result = run(["manage.py", "seed_demo", "--help"], production_env())
    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


def test_it_takes_the_search_backend_from_the_environment():
    show = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILSEARCH_BACKENDS['default'])"
    )
    default = run(["-c", show], production_env())
    assert "'BACKEND': 'samizdat.search.backend'" in default.stdout
    opensearch = run(
        ["-c", show],
        production_env(
            SEARCH_BACKEND="wagtail.search.backends.opensearch3",
            SEARCH_URLS="https://search-1:9200, https://search-2:9200",
        ),
    )
    assert opensearch.returncode == 0, opensearch.stderr
    assert (
        "{'BACKEND': 'wagtail.search.backends.opensearch3', "
        "'URLS': ['https://search-1:9200', 'https://search-2:9200']}"
    ) in opensearch.stdout


def test_it_compresses_pages_unless_a_front_server_does():
    show = (
        "import django; django.setup(); from django.conf import settings; "
        "print('django.middleware.gzip.GZipMiddleware' in settings.MIDDLEWARE)"
    )
    assert run(["-c", show], production_env()).stdout.strip() == "True"
    behind_nginx = run(["-c", show], production_env(HTML_GZIP="0"))
    assert behind_nginx.stdout.strip() == "False"


def test_a_worker_keeps_its_sqlite_connection_from_one_request_to_the_next(
    tmp_path,
):
    """Opening a SQLite connection for every request once cost the uncached
    article two thirds of its throughput (bench/article_page.py)."""
    across_requests = (
        "import django; django.setup(); "
        "from django.core.signals import request_finished, request_started; "
        "from django.db import connection; "
        "request_started.send(None); connection.ensure_connection(); "
        "first = connection.connection; request_finished.send(None); "
        "request_started.send(None); connection.ensure_connection(); "
        "print(connection.vendor, connection.connection is first)"
    )
    env = production_env(SAMIZDAT_VAR_DIR=str(tmp_path))
    assert run(["-c", across_requests], env).stdout.strip() == "sqlite True"
    per_request = run(
        ["-c", across_requests], dict(env, DATABASE_CONN_MAX_AGE="0")
    ).stdout.strip()
    assert per_request == "sqlite False"

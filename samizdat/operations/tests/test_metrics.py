"""Prometheus metrics on a port of their own: gunicorn's master sums every
worker's counts there; the site's own port has no /metrics."""

from __future__ import annotations

import re
import shutil

import pytest
import requests
from django.conf import settings as django_settings

from .conftest import free_port, gunicorn

pytestmark = pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs gunicorn on a SQLite file",
)

SERVED = re.compile(
    r'^django_http_responses_total_by_status_total\{status="200"\} (\S+)$', re.M
)


def test_it_counts_every_workers_requests_on_the_metrics_port(template, tmp_path):
    db = tmp_path / "site.sqlite3"
    shutil.copy(template, db)
    port = free_port()
    with gunicorn(
        db, METRICS_PORT=str(port), PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "m")
    ) as base:
        for _ in range(6):
            assert requests.get(base + "/en/", timeout=30).status_code == 200
        metrics = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=30)
        on_site = requests.get(base + "/metrics", timeout=30)
    assert metrics.status_code == 200
    [served] = SERVED.findall(metrics.text)
    # The helper's own start-up probe is a seventh answer.
    assert float(served) >= 6
    assert "django_http_requests_latency_seconds_by_view_method" in metrics.text
    assert on_site.status_code == 404

"""SQLite under another process's 10-second write lock: subscribing and
signing in wait for the lock and succeed (never "database is locked"), and
reader pages keep being served meanwhile (gunicorn's threaded workers)."""

from __future__ import annotations

import re
import shutil
import threading
import time

import pytest
import requests
from django.conf import settings as django_settings

from .conftest import STAFF, gunicorn, rows, write_lock

pytestmark = pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite's write lock",
)

LOCK_SECONDS = 10


def test_writes_wait_for_a_held_lock_and_reads_go_on(template, tmp_path):
    db = tmp_path / "site.sqlite3"
    shutil.copy(template, db)
    with gunicorn(db) as base:
        staff = requests.Session()
        login_page = staff.get(f"{base}/admin/login/", timeout=10)
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.text
        )
        assert token, login_page.text[:500]
        answers: dict[str, tuple[int, float]] = {}

        def subscribe() -> None:
            started = time.monotonic()
            response = requests.post(
                f"{base}/en/newsletter/",
                data={
                    "email": "late@example.org",
                    "edition": "en",
                    "frequency": "every",
                },
                headers={"Origin": base},
                timeout=60,
            )
            answers["subscribe"] = (response.status_code, time.monotonic() - started)

        def sign_in() -> None:
            started = time.monotonic()
            response = staff.post(
                f"{base}/admin/login/",
                data={
                    "username": STAFF[0],
                    "password": STAFF[1],
                    "csrfmiddlewaretoken": token.group(1),
                },
                headers={"Referer": f"{base}/admin/login/"},
                allow_redirects=False,
                timeout=60,
            )
            answers["sign_in"] = (response.status_code, time.monotonic() - started)

        with write_lock(db, LOCK_SECONDS) as unlocked_at:
            writers = [threading.Thread(target=f) for f in (subscribe, sign_in)]
            for thread in writers:
                thread.start()
            reads = 0
            while time.monotonic() < unlocked_at - 1:
                assert requests.get(f"{base}/en/", timeout=5).status_code == 200
                reads += 1
            for thread in writers:
                thread.join(timeout=60)

        subscribed, waited = answers["subscribe"]
        assert subscribed == 200 and waited > LOCK_SECONDS / 2, answers
        signed_in, waited = answers["sign_in"]
        assert signed_in == 302 and waited > LOCK_SECONDS / 2, answers
        assert staff.get(f"{base}/admin/", timeout=10).status_code == 200
        # Reads were answered all along, not only after the lock went.
        assert reads >= LOCK_SECONDS
    queued = rows(
        db,
        "SELECT count(*) FROM django_tasks_database_dbtaskresult "
        "WHERE task_path LIKE '%subscribe_task'",
    )
    assert queued == [(1,)]

"""Reader pages per second while another process holds SQLite's write lock.

A scratch production deployment on SQLite under gunicorn with the shipped
deploy/gunicorn.conf.py, once with sync workers and once with gthread (2
workers each). For 10 seconds another process holds the write lock while
two readers subscribe (writes that must wait for the lock) and `wrk -t2 -c8`
reads the home page. Prints one JSON line per worker class: reads/s with no
lock, reads/s during the lock, and how the waiting writes were answered."""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import PYTHON, deployment, serving, wrk  # noqa: E402

LOCK_SECONDS = 10
LOCKER = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE')
c.execute('UPDATE wagtailcore_site SET site_name = site_name')
print('locked', flush=True)
time.sleep(float(sys.argv[2]))
c.execute('COMMIT')
"""


@contextlib.contextmanager
def server(env: dict[str, str], port: int, worker_class: str) -> Iterator[str]:
    env = dict(
        env,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKER_CLASS=worker_class,
        # gunicorn turns sync workers with threads into gthread ones.
        GUNICORN_THREADS="1" if worker_class == "sync" else "4",
        WEB_CONCURRENCY="2",
    )
    argv = ["-c", "deploy/gunicorn.conf.py", "samizdat.wsgi"]
    with serving(env, port, argv, stop_seconds=40) as base:
        yield base


def subscribe(base: str, n: int, answers: list[tuple[int, float]]) -> None:
    data = urllib.parse.urlencode(
        {"email": f"bench{n}@example.org", "edition": "en", "frequency": "every"}
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        base + "/en/newsletter/", data=data, headers={"Origin": base}
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    answers.append((status, round(time.monotonic() - started, 1)))


def measure(env: dict[str, str], port: int, db: Path, worker_class: str) -> dict:
    with server(env, port, worker_class) as base:
        url = base + "/en/"
        wrk(url, seconds=3, connections=8)  # warm up
        free = wrk(url, seconds=LOCK_SECONDS, connections=8)
        locker = subprocess.Popen(  # noqa: S603
            [PYTHON, "-c", LOCKER, str(db), str(LOCK_SECONDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert locker.stdout is not None and locker.stdout.readline() == "locked\n"
        answers: list[tuple[int, float]] = []
        writers = [
            threading.Thread(target=subscribe, args=(base, n, answers))
            for n in range(2)
        ]
        for thread in writers:
            thread.start()
        time.sleep(0.5)
        locked = wrk(url, seconds=LOCK_SECONDS - 2, connections=8)
        for thread in writers:
            thread.join()
        locker.wait()
    return {
        "figure": "reads_per_second_during_sqlite_write_lock",
        "worker_class": worker_class,
        "workers": 2,
        "lock_seconds": LOCK_SECONDS,
        "reads_per_second_unlocked": free.get("requests_per_second"),
        "reads_per_second_locked": locked.get("requests_per_second"),
        "p99_ms_locked": locked.get("latency_p99_ms"),
        "non_2xx_locked": locked.get("non_2xx", 0),
        "waiting_writes_status_seconds": sorted(answers),
    }


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit(
            "bench/sqlite_lock.py: wrk is not installed (apt-get install wrk)"
        )
    keys = {
        "NEWSLETTER_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "NEWSLETTER_HASH_KEY": secrets.token_urlsafe(32),
    }
    with deployment(**keys) as (env, port):
        db = Path(env["SAMIZDAT_VAR_DIR"]) / "samizdat.sqlite3"
        assert db.exists(), db
        for worker_class in ("sync", "gthread"):
            print(json.dumps(measure(env, port, db, worker_class)), flush=True)


if __name__ == "__main__":
    main()

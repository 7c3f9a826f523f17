"""Seconds from publishing a correction to the front cache serving it.

A scratch production deployment (SQLite) under gunicorn, behind Debian's
nginx running deploy/nginx/samizdat.conf, with a task worker (`manage.py
worker`) and FRONTEND_CACHE_URL pointing at nginx's purge listener. While
two threads keep reading the home page and the article through the cache,
an editor's correction is published (a new revision, as the admin does);
the bench polls the article until the cache serves the corrected text.
Prints one JSON line. Needs nginx and libnginx-mod-http-cache-purge."""

from __future__ import annotations

import base64
import json
import secrets
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _server import PYTHON, ROOT, deployment, gunicorn, manage, shell  # noqa: E402

from samizdat.operations import loopback  # noqa: E402

BUILD = (
    "import sys; sys.path.insert(0, 'bench'); import _content; print(_content.build())"
)
CORRECT = (
    "from samizdat.articles.models import ArticlePage\n"
    "from samizdat.articles.pieces import Correction\n"
    "import time\n"
    "page = ArticlePage.objects.get(slug='reservoirs-0')\n"
    "page = page.get_latest_revision_as_object()\n"
    "page.corrections.add(Correction(date=__import__('datetime').date.today(), "
    "text='Corrected: the dam holds 40 million cubic metres.'))\n"
    "page.save_revision().publish()\n"
    "print(time.time())\n"
)
TIMINGS = (
    "from django_tasks_db.models import DBTaskResult as R\n"
    "r = R.objects.filter(task_path__endswith='purge_page').latest('enqueued_at')\n"
    "print(r.enqueued_at.timestamp(), r.started_at.timestamp(), "
    "r.finished_at.timestamp())\n"
)
NO_VERIFY = ssl.create_default_context()
NO_VERIFY.check_hostname = False
NO_VERIFY.verify_mode = ssl.CERT_NONE


def get(url: str) -> tuple[str, str]:
    request = urllib.request.Request(url, headers={"Host": "localhost"})  # noqa: S310
    with urllib.request.urlopen(request, context=NO_VERIFY, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Cache-Status", ""), response.read().decode()


def main() -> None:
    if (
        not Path(loopback.NGINX).exists()
        or not Path(loopback.NGINX_PURGE_MODULE).exists()
    ):
        raise SystemExit("bench/purge.py needs nginx and libnginx-mod-http-cache-purge")
    ports = {"http": 8121, "https": 8122, "purge": 8123}
    keys = {
        "NEWSLETTER_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "NEWSLETTER_HASH_KEY": secrets.token_urlsafe(32),
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{ports['purge']}",
    }
    with deployment(**keys) as (env, port), tempfile.TemporaryDirectory() as tmp:
        path = shell(env, BUILD)
        manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")
        worker = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "worker", "--no-reload", "--interval", "0.2"],
            cwd=ROOT,
            env=env,
        )
        try:
            with loopback.nginx(Path(tmp), port, ports), gunicorn(env, port):
                site = f"https://127.0.0.1:{ports['https']}"
                get(site + path)
                assert get(site + path)[0] == "HIT"
                stop = threading.Event()
                seen: list[str] = []

                def readers() -> None:
                    while not stop.is_set():
                        for hot in ("/en/", path):
                            seen.append(get(site + hot)[0])

                threads = [threading.Thread(target=readers) for _ in range(2)]
                for thread in threads:
                    thread.start()
                time.sleep(2)
                published = float(shell(env, CORRECT))
                while True:
                    status, html = get(site + path)
                    if "40 million cubic metres" in html:
                        served = time.time()
                        break
                    if time.time() - published > 60:
                        raise SystemExit("the correction was not served within 60 s")
                    time.sleep(0.05)
                time.sleep(1)
                stop.set()
                for thread in threads:
                    thread.join()
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        enqueued, started, finished = map(float, shell(env, TIMINGS).split())
    print(
        json.dumps(
            {
                "bench": "purge_correction_seconds",
                "seconds_until_cache_serves_correction": round(served - published, 2),
                "target_seconds": 2,
                "worker_poll_seconds": 0.2,
                "purge_task_waited_seconds": round(started - enqueued, 2),
                "purge_task_ran_seconds": round(finished - started, 2),
                "hot_reads": len(seen),
                "hot_reads_from_cache": round(seen.count("HIT") / max(1, len(seen)), 3),
            }
        )
    )


if __name__ == "__main__":
    main()

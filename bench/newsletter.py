"""Newsletter delivery: messages per second with 1 and 2 workers, peak memory
per worker, and exactly-once delivery across three SIGKILLs.

N confirmed subscribers (default 100,000) in a fresh SQLite database, one
mailing per run, delivered over SMTP to an aiosmtpd server on loopback (its
own process). Prints one JSON line per figure.

    .venv/bin/python bench/newsletter.py [--subscribers N] [--budget SECONDS]
        [--path raw|django]

`--path` picks the SMTP path of newsletter.transport (NEWSLETTER_TRANSPORT):
`raw` (the default, serialised once, marked at the final dot) or `django`
(Django builds and sends each message, rows marked after the batch).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

SETTINGS = """
from samizdat.settings.dev import *  # noqa
DEBUG = False
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = {port}
NEWSLETTER_LEASE_SECONDS = {lease}
NEWSLETTER_BATCH = 200
NEWSLETTER_TRANSPORT = "{path}"
TASKS = {{"default": {{"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}}}
LOGGING = {{"version": 1, "disable_existing_loggers": False}}
"""


PATH = {"value": "raw"}


def emit(**figure) -> None:
    print(
        json.dumps({"bench": "newsletter", "path": PATH["value"], **figure}),
        flush=True,
    )


# --- the SMTP sink, in its own process -------------------------------------


def run_sink(port: int, log: str) -> None:
    from aiosmtpd.controller import Controller

    out = open(log, "a", buffering=1)  # noqa: SIM115 - kept open for the run

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            message_id = ""
            for line in envelope.content.split(b"\r\n", 40):
                if line[:11].lower() == b"message-id:":
                    message_id = line[11:].strip().decode()
                    break
            out.write(f"{envelope.rcpt_tos[0]}\t{message_id}\n")
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


# --- a worker, in its own process ------------------------------------------


def run_worker(mailing: int, wait: float) -> None:
    import django

    django.setup()
    from samizdat.newsletter import delivery

    started = time.monotonic()
    sent = 0
    deadline = started + wait
    while True:
        if mailing in delivery.unfinished_mailings():
            sent += delivery.deliver(mailing)
            continue
        if not delivery.outstanding(mailing) or time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "sent": sent,
                "seconds": time.monotonic() - started,
                "peak_rss_mb": round(rss_mb, 1),
            }
        ),
        flush=True,
    )


# --- setup in the parent ------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def django_env(workdir: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=f"{workdir}{os.pathsep}{ROOT}",
        SAMIZDAT_VAR_DIR=str(workdir),
    )
    env.pop("DATABASE_URL", None)
    return env


def populate(count: int) -> None:
    """Editions, one section, `count` confirmed subscribers (bulk, encrypted)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from samizdat.articles.tests import factories
    from samizdat.newsletter import crypto
    from samizdat.newsletter.models import Subscriber

    call_command("migrate", verbosity=0)
    call_command("setup_site", verbosity=0)
    factories.section("News")
    now = timezone.now()
    batch = []
    for i in range(count):
        address = f"reader{i:06d}@example.org"
        batch.append(
            Subscriber(
                address_hash=crypto.address_hash(address),
                address=crypto.encrypt(address),
                language="en",
                frequency="every",
                status="confirmed",
                confirmed_at=now,
            )
        )
        if len(batch) == 5000:
            Subscriber.objects.bulk_create(batch)
            batch = []
    Subscriber.objects.bulk_create(batch)


def new_mailing(title: str) -> int:
    import django

    django.setup()
    from samizdat.articles.models import SectionPage
    from samizdat.articles.tests import factories
    from samizdat.newsletter import mailings

    section = SectionPage.objects.get(slug="news")
    writer = factories.person(name=f"Bench writer {title}")
    page = factories.article(
        section, title, authors=[writer], slug=f"bench-{time.time_ns()}"
    )
    mailing = mailings.queue_article_mailing(page)
    return mailing.pk


def in_child(env: dict, code: str) -> str:
    result = subprocess.run(
        [PYTHON, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"setup step failed: {code[:60]}")
    return result.stdout.strip()


def start_worker(env: dict, mailing: int, wait: float = 0) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, __file__, "worker", "--mailing", str(mailing), "--wait", str(wait)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def received(log: Path, mailing: int) -> Counter:
    marker = f"<newsletter.{mailing}."
    counts: Counter = Counter()
    with open(log) as f:
        for line in f:
            address, message_id = line.rstrip("\n").split("\t")
            if message_id.startswith(marker):
                counts[address] += 1
    return counts


def timed_run(env: dict, log: Path, workers: int, count: int, budget: float) -> None:
    mailing = int(
        in_child(
            env, f"import bench.newsletter as b; print(b.new_mailing('Run {workers}'))"
        )
    )
    started = time.monotonic()
    procs = [start_worker(env, mailing) for _ in range(workers)]
    reports = []
    for proc in procs:
        try:
            out, _err = proc.communicate(
                timeout=max(1, budget - (time.monotonic() - started))
            )
        except subprocess.TimeoutExpired:
            for p in procs:
                p.kill()
            raise SystemExit(
                f"{workers}-worker run went over its {budget:.0f}s budget"
            ) from None
        reports.append(json.loads(out.strip().splitlines()[-1]))
    seconds = time.monotonic() - started
    got = received(log, mailing)
    emit(
        figure="messages_per_second",
        workers=workers,
        subscribers=count,
        value=round(sum(got.values()) / seconds, 1),
        seconds=round(seconds, 1),
        per_worker=round(sum(got.values()) / seconds / workers, 1),
    )
    for index, report in enumerate(reports):
        emit(
            figure="peak_memory_mb",
            workers=workers,
            worker=index + 1,
            value=report["peak_rss_mb"],
            sent=report["sent"],
        )


def kill_run(env: dict, log: Path, count: int, lease: int, budget: float) -> None:
    mailing = int(
        in_child(env, "import bench.newsletter as b; print(b.new_mailing('Kill run'))")
    )
    started = time.monotonic()
    rng = random.Random(8058)
    kills = 0
    while kills < 3:
        proc = start_worker(env, mailing, wait=lease + 5)
        time.sleep(rng.uniform(2.0, 6.0))
        if proc.poll() is not None:
            break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
    proc = start_worker(env, mailing, wait=lease + 5)
    try:
        proc.communicate(timeout=max(1, budget - (time.monotonic() - started)))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit(f"kill run went over its {budget:.0f}s budget") from None
    got = received(log, mailing)
    duplicates = sum(n - 1 for n in got.values() if n > 1)
    emit(
        figure="sigkill_exactly_once",
        subscribers=count,
        kills=kills,
        received=sum(got.values()),
        distinct_addresses=len(got),
        duplicates=duplicates,
        missing=count - len(got),
        value=bool(len(got) == count and duplicates == 0),
        seconds=round(time.monotonic() - started, 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "mode", nargs="?", default="bench", choices=["bench", "sink", "worker"]
    )
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--budget", type=float, default=900, help="seconds per run")
    parser.add_argument("--lease", type=int, default=5)
    parser.add_argument("--port", type=int)
    parser.add_argument("--log")
    parser.add_argument("--mailing", type=int)
    parser.add_argument("--wait", type=float, default=0)
    parser.add_argument("--path", choices=["raw", "django"], default="raw")
    args = parser.parse_args()
    if args.mode == "sink":
        return run_sink(args.port, args.log)
    if args.mode == "worker":
        return run_worker(args.mailing, args.wait)

    PATH["value"] = args.path
    workdir = Path(tempfile.mkdtemp(prefix="samizdat-bench-newsletter-"))
    port = free_port()
    (workdir / "bench_settings.py").write_text(
        SETTINGS.format(port=port, lease=args.lease, path=args.path)
    )
    env = django_env(workdir)
    log = workdir / "sink.log"
    log.touch()
    sink = subprocess.Popen(
        [PYTHON, __file__, "sink", "--port", str(port), "--log", str(log)]
    )
    try:
        time.sleep(1.0)
        setup_started = time.monotonic()
        in_child(env, f"import bench.newsletter as b; b.populate({args.subscribers})")
        emit(
            figure="setup_seconds",
            subscribers=args.subscribers,
            value=round(time.monotonic() - setup_started, 1),
        )
        timed_run(env, log, 1, args.subscribers, args.budget)
        timed_run(env, log, 2, args.subscribers, args.budget)
        kill_run(env, log, args.subscribers, args.lease, args.budget)
    finally:
        sink.terminate()
        sink.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Enqueue the periodic tasks on time, so no cron job is needed."""

from __future__ import annotations

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Enqueue periodic tasks (scheduled publishing, ...) for the worker."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Enqueue every periodic task once."
        )

    def handle(self, *args, once: bool = False, **options) -> None:
        jobs = [
            (import_string(path), every)
            for path, every in settings.SAMIZDAT_PERIODIC_TASKS
        ]
        if once:
            for job, _every in jobs:
                job.enqueue()
            return
        running = True

        def stop(signum, frame):
            nonlocal running
            running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        due = {id(job): 0.0 for job, _ in jobs}
        self.stdout.write(f"clock: {len(jobs)} periodic task(s)")
        while running:
            now = time.monotonic()
            for job, every in jobs:
                if now >= due[id(job)]:
                    job.enqueue()
                    due[id(job)] = now + every
            time.sleep(1)

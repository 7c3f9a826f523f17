"""A delivery worker outside the task queue: works through every mailing with
rows left, then exits. Several may run at once; a killed one can be restarted."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from samizdat.newsletter import delivery


class Command(BaseCommand):
    help = "Send what is left of every mailing, then exit."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--mailing", type=int, help="Only this mailing.")
        parser.add_argument(
            "--wait",
            type=float,
            default=0,
            help="Keep polling this many seconds for leased rows to come free.",
        )

    def handle(self, *args, mailing: int | None = None, wait: float = 0, **options):
        sent = 0
        deadline = time.monotonic() + wait
        while True:
            ids = [i for i in delivery.unfinished_mailings() if mailing in (None, i)]
            for mailing_id in ids:
                sent += delivery.deliver(mailing_id)
            if ids:
                continue
            if not delivery.outstanding(mailing) or time.monotonic() >= deadline:
                break
            time.sleep(0.5)
        self.stdout.write(f"sent {sent}")

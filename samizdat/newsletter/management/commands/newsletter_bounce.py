"""Read bounce or complaint reports (DSN, ARF) and suppress the addresses.

Pipe a message from the mail server: `manage.py newsletter_bounce < msg.eml`,
or name files."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samizdat.newsletter import bounces


class Command(BaseCommand):
    help = "Suppress addresses from delivery status notifications."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="*", help="Report files (default: stdin).")

    def handle(self, *args, files: list[str], **options) -> None:
        raws = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such file: {name}")
            raws.append(path.read_bytes())
        if not files:
            raws.append(sys.stdin.buffer.read())
        events = [event for raw in raws for event in bounces.parse_report(raw)]
        if not events:
            raise CommandError("No bounce or complaint found in the input.")
        done = bounces.apply(events)
        self.stdout.write(f"{len(events)} report(s), {done} address(es) suppressed.")

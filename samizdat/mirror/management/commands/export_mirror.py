"""manage.py export_mirror DIR [--since [TIME]]: the site as static files."""

from __future__ import annotations

import datetime as dt
import os

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from samizdat.core.progress import ProgressBar
from samizdat.mirror.export import ExportError, export_mirror

LAST = "last"
MAX_WORKERS = 4


def parse_since(value: str) -> dt.datetime | None:
    if value == LAST:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"--since wants an ISO date and time (2026-11-27T10:00), not {value!r}"
        ) from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = (
        "Write every public page of every edition, feeds, images, CSS and "
        "fonts to DIR as static files that work from any host and file://."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="where to write the mirror")
        parser.add_argument(
            "--since",
            nargs="?",
            const=LAST,
            default=None,
            metavar="TIME",
            help=(
                "rewrite only what changed since the last export "
                "(or since TIME, ISO 8601)"
            ),
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=min(os.cpu_count() or 1, MAX_WORKERS),
            help="processes rendering pages side by side (default: one per CPU)",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar"
        )

    def handle(self, *args, directory: str, since: str | None, **options) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1")
        progress = (
            None if options["no_progress"] else ProgressBar("export", self.stderr)
        )
        try:
            report = export_mirror(
                directory,
                incremental=since is not None,
                since=parse_since(since) if since else None,
                progress=progress,
                workers=options["workers"],
            )
        except ExportError as error:
            raise CommandError(str(error)) from error
        kind = "full" if report.full else "incremental"
        self.stdout.write(
            f"{kind} export to {directory}: {len(report.written)} written, "
            f"{report.unchanged} unchanged, {len(report.removed)} removed, "
            f"{report.files} files, {report.size / 1e6:.1f} MB "
            f"in {report.seconds:.1f} s"
        )
        if report.errors:
            for failure in report.errors[:20]:
                self.stderr.write(failure)
            raise CommandError(f"{len(report.errors)} pages failed to render")

"""Recompute every stored "You May Also Like" list, with a progress bar."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from samizdat.related import services


class Command(BaseCommand):
    help = "Rebuild the related-articles lists of every edition (or one)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--edition", help="Language code of one edition.")

    def handle(self, *args, edition: str | None = None, **options) -> None:
        locales = Locale.objects.order_by("pk")
        if edition:
            locales = locales.filter(language_code=edition)
            if not locales.exists():
                raise CommandError(f"No edition with language code {edition!r}.")
        started = time.monotonic()
        total = 0
        for locale in locales:
            label = locale.language_code
            total += services.rebuild_edition(
                locale.pk, lambda done, of, label=label: self._bar(label, done, of)
            )
            self.stderr.write("")
        self.stdout.write(
            f"Rebuilt related lists of {total} articles in "
            f"{time.monotonic() - started:.1f}s."
        )

    def _bar(self, label: str, done: int, of: int) -> None:
        width = 30
        filled = width * done // of if of else width
        line = f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{of}"
        self.stderr.write(line, ending="")
        if hasattr(sys.stderr, "flush"):
            self.stderr.flush()

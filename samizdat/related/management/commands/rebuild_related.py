"""Recompute every stored "You May Also Like" list, with a progress bar."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from samizdat.core.progress import ProgressBar
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
            bar = ProgressBar(locale.language_code, self.stderr, redraw=True)
            total += services.rebuild_edition(locale.pk, bar)
        self.stdout.write(
            f"Rebuilt related lists of {total} articles in "
            f"{time.monotonic() - started:.1f}s."
        )

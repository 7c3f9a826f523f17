"""Fold the count buffer into hourly buckets now, then rank Popular Posts."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from samizdat.audience import services


class Command(BaseCommand):
    help = "Fold buffered view, impression and click counts into their buckets now."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-rank",
            action="store_true",
            help="Do not recompute Popular Posts afterwards.",
        )

    def handle(self, *args, no_rank: bool = False, **options) -> None:
        try:
            folded = services.fold()
            if not no_rank:
                services.rank_popular()
        except Exception as error:  # noqa: BLE001 - one line, non-zero exit
            raise CommandError(f"could not fold counts: {error}") from error
        self.stdout.write(f"folded {folded} hits")

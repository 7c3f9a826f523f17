from __future__ import annotations

from django.core.management.base import BaseCommand

from samizdat.articles.models import ArticlePage
from samizdat.core.progress import ProgressBar

from ... import services


class Command(BaseCommand):
    help = "Rewrite the quotation record from every piece (published ones only)."

    def handle(self, *args, **options) -> None:
        total = ArticlePage.objects.count()
        bar = ProgressBar("quotations", self.stderr)
        done = 0
        for _ in services.rebuild():
            done += 1
            bar(done, total)
        self.stdout.write(f"{done} pieces recorded")

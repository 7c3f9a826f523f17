"""Create what a new publication needs: editions, roles, review workflow."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from samizdat.articles.setup import ensure_editions
from samizdat.core.roles import ensure_roles


class Command(BaseCommand):
    help = "Create the editions, index pages, roles and review workflow (idempotent)."

    def handle(self, *args, **options) -> None:
        homes = ensure_editions()
        ensure_roles()
        self.stdout.write(
            "Editions: " + ", ".join(sorted(homes)) + "; roles and workflow ready."
        )

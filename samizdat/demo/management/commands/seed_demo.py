"""`manage.py seed_demo`: the generated demo publication, in both editions."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samizdat.demo.plan import DEFAULT_SEED
from samizdat.demo.seed import FULL_ARTICLES, FULL_CARICATURES, SeedError, seed_demo

LIMITS = {"seed": (0, 2**31 - 1), "articles": (0, 5000), "caricatures": (0, 500)}


class Command(BaseCommand):
    help = (
        "Create the demo publication (sections, people, articles, caricatures)"
        " in English and Persian. Deterministic from --seed and idempotent:"
        " a second run creates nothing, an interrupted one is completed."
    )
    # `make run` runs it on every start, right after `migrate` has run the
    # system checks; running them twice would double the start-up cost.
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message: str) -> None:
            if not parser.called_from_command_line:
                raise CommandError(f"Error: {message}")
            parser.exit(2, f"seed_demo: {message}\n")

        # argparse has no hook for the message alone; replace its method.
        parser.error = error  # type: ignore[method-assign]
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="random seed of the content"
        )
        parser.add_argument(
            "--articles",
            type=int,
            default=FULL_ARTICLES,
            help="number of articles across both editions, translations included",
        )
        parser.add_argument(
            "--caricatures",
            type=int,
            default=FULL_CARICATURES,
            help="number of caricatures across both editions",
        )

    def handle(self, *args, **options) -> None:
        for name, (low, high) in LIMITS.items():
            if not low <= options[name] <= high:
                raise CommandError(f"--{name} must be between {low} and {high}")
        started = time.monotonic()
        try:
            result = seed_demo(
                seed=options["seed"],
                articles=options["articles"],
                caricatures=options["caricatures"],
            )
        except SeedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{result.summary()} ({time.monotonic() - started:.1f} s)")

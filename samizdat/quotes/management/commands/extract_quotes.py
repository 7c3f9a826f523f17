from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from samizdat.editions.conf import all_editions

from ... import extract
from ...finder import speakers_of


class Command(BaseCommand):
    help = (
        "Propose the quotations of a passage, one JSON object a line "
        "(text, speaker, speaker_id, date_said, start, end, confidence)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="a UTF-8 text file, or - for stdin")
        parser.add_argument("--edition", default="en", help="edition code")
        parser.add_argument(
            "--date", help="the piece's date, YYYY-MM-DD, for 'on Monday'"
        )

    def handle(self, *args, **options) -> None:
        codes = [e.code for e in all_editions()]
        if options["edition"] not in codes:
            raise CommandError(
                f"unknown edition {options['edition']!r}; one of {', '.join(codes)}"
            )
        piece_date = None
        if options["date"]:
            try:
                piece_date = dt.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date must be YYYY-MM-DD: {error}") from error
        if options["file"] == "-":
            text = sys.stdin.read()
        else:
            try:
                text = Path(options["file"]).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"cannot read {options['file']}: {error}") from error
        locale = Locale.objects.filter(language_code=options["edition"]).first()
        speakers = speakers_of(locale.pk) if locale else []
        for proposal in extract.find(
            text, speakers, language=options["edition"], piece_date=piece_date
        ):
            self.stdout.write(json.dumps(proposal.as_dict(), ensure_ascii=False))

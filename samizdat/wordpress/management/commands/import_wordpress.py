"""manage.py import_wordpress EXPORT.xml [--media UPLOADS] [--edition CODE]
[--section-map FILE] [--dry-run]: bring a WordPress site's archive in."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samizdat.core.progress import ProgressBar
from samizdat.wordpress.services import ExportError, Importer, load_section_map


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): posts, pages, authors, media, old links."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("export", help="the WXR file from Tools → Export")
        parser.add_argument("--media", help="a copy of the site's wp-content/uploads")
        parser.add_argument("--edition", help="the edition of a one-language export")
        parser.add_argument(
            "--section-map", help="lines of 'wordpress-category = section-slug'"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report only; write nothing"
        )
        parser.add_argument("--user", help="username that revisions are made by")

    def handle(self, *args, **options) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"There is no user {options['user']!r}.")
        try:
            section_map = (
                load_section_map(options["section_map"])
                if options["section_map"]
                else {}
            )
            importer = Importer(
                options["export"],
                media=options["media"],
                edition=options["edition"],
                section_map=section_map,
                dry_run=options["dry_run"],
                progress=ProgressBar("Importing", self.stderr),
                user=user,
            )
            report = importer.run()
        except (ExportError, OSError, ValueError) as error:
            raise CommandError(str(error).splitlines()[0]) from error
        self.stdout.write(report.render())

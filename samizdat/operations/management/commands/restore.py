"""`manage.py restore FILE`: the site of a backup onto an empty deployment."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samizdat.operations import backups


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database "
        "and MEDIA_ROOT, decrypting it with an age secret key file."
    )
    # An empty deployment has no tables for the checks to look at.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a samizdat-….tar.gz.age file")
        parser.add_argument(
            "--identity",
            type=Path,
            default=os.environ.get("BACKUP_AGE_IDENTITY") or None,
            help="the age secret key file (default $BACKUP_AGE_IDENTITY)",
        )

    def handle(self, *args, file: Path, identity: Path | None, **options) -> None:
        if identity is None:
            raise CommandError("give the age secret key file: --identity FILE")
        try:
            done = backups.restore(file, backups.identities(identity))
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the {done.engine} backup of {done.created} "
            f"with {done.media_files} media files. Keep NEWSLETTER_KEYS and "
            "NEWSLETTER_HASH_KEY as they were: subscribers' addresses need them."
        )

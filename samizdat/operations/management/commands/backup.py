"""`manage.py backup`: one encrypted backup of the database and media now."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samizdat.operations import backups


class Command(BaseCommand):
    help = (
        "Write an age-encrypted backup of the database and media to BACKUP_DIR "
        "(and BACKUP_S3), keeping the newest BACKUP_KEEP."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", type=Path, help="folder (default BACKUP_DIR)")
        parser.add_argument(
            "--new-key",
            type=Path,
            metavar="FILE",
            help="write a new age key pair's secret half to FILE, print the "
            "public key for BACKUP_AGE_RECIPIENTS, and make no backup",
        )

    def handle(self, *args, to: Path | None, new_key: Path | None, **options) -> None:
        try:
            if new_key is not None:
                try:
                    public = backups.new_key(new_key)
                except FileExistsError:
                    raise CommandError(f"{new_key} exists; choose a new file") from None
                self.stdout.write(
                    f"Secret key written to {new_key}: keep it off this server.\n"
                    f"BACKUP_AGE_RECIPIENTS={public}"
                )
                return
            made = backups.make_backup(to)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        where = f", copied to {made.uploaded}" if made.uploaded else ""
        self.stdout.write(
            f"Backup {made.path} ({made.engine}, {made.media_files} media files, "
            f"{made.size / 1e6:.1f} MB){where}"
        )

"""manage.py publish_mirror DIR TARGET: upload what changed in an export."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from samizdat.core.progress import ProgressBar
from samizdat.mirror.export import ExportError
from samizdat.mirror.publish import publish_mirror, target_for


class Command(BaseCommand):
    help = (
        "Upload the files of an export_mirror directory that changed to a "
        "folder or an S3-compatible bucket (s3://bucket/prefix)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="an export_mirror directory")
        parser.add_argument("target", help="a folder, or s3://bucket/prefix")
        parser.add_argument(
            "--delete", action="store_true", help="remove files not in the export"
        )
        parser.add_argument(
            "--endpoint-url", help="S3-compatible endpoint (MinIO, R2, Spaces…)"
        )
        parser.add_argument("--region", help="S3 region name")
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar"
        )

    def handle(self, *args, directory: str, target: str, **options) -> None:
        try:
            destination = target_for(
                target,
                endpoint_url=options["endpoint_url"],
                region_name=options["region"],
            )
            report = publish_mirror(
                directory,
                destination,
                delete=options["delete"],
                progress=None
                if options["no_progress"]
                else ProgressBar("publish", self.stderr),
            )
        except ExportError as error:
            raise CommandError(str(error)) from error
        except Exception as error:  # noqa: BLE001 - storage errors of any kind
            raise CommandError(f"cannot publish to {target}: {error}") from error
        self.stdout.write(
            f"published to {destination}: {len(report.uploaded)} uploaded, "
            f"{report.unchanged} unchanged, {len(report.deleted)} deleted"
        )

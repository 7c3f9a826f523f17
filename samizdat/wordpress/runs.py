"""Imports started from the admin: the uploaded export (and a zip of its
uploads folder) kept in a private folder, never under MEDIA_ROOT, so nothing
uploaded can be served from our origin; the dry run and the import run by
the task worker, writing their progress and report to the `ImportRun`."""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from .models import ImportRun
from .services import ExportError, Importer

PROGRESS_EVERY = 1.0  # seconds between progress writes


def storage_root() -> Path:
    return Path(settings.WORDPRESS_IMPORT_DIR)


def folder_of(run: ImportRun) -> Path:
    return storage_root() / str(run.pk)


def _unpack(archive: Path, target: Path) -> Path:
    """Unzip the uploads, refusing any member that would land outside
    `target`; the folder that holds the year folders is the media root."""
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            name = PurePosixPath(member.filename)
            if name.is_absolute() or ".." in name.parts:
                raise ExportError(f"The zip holds an unsafe path: {member.filename}.")
        zipped.extractall(target)
    root = target
    while True:
        entries = [
            p for p in root.iterdir() if not p.name.startswith(("__MACOSX", "."))
        ]
        if len(entries) == 1 and entries[0].is_dir() and not entries[0].name.isdigit():
            root = entries[0]
            continue
        return root


def create_run(
    export: UploadedFile, media: UploadedFile | None, edition: str, user
) -> ImportRun:
    """Store an upload and return its run, ready for its dry run."""
    run = ImportRun.objects.create(export="", edition=edition, created_by=user)
    folder = folder_of(run)
    folder.mkdir(parents=True, exist_ok=True)
    export_path = folder / "export.xml"
    with export_path.open("wb") as out:
        for chunk in export.chunks():
            out.write(chunk)
    run.export = str(export_path)
    if media is not None:
        archive = folder / "uploads.zip"
        with archive.open("wb") as out:
            for chunk in media.chunks():
                out.write(chunk)
        try:
            run.media = str(_unpack(archive, folder / "uploads"))
        except (zipfile.BadZipFile, ExportError) as error:
            run.state = ImportRun.State.FAILED
            run.error = str(error).splitlines()[0]
        finally:
            archive.unlink(missing_ok=True)
    run.save()
    return run


def perform(run_id: int, *, dry_run: bool) -> ImportRun:
    """The dry run or the import of a stored upload, progress written as it
    goes (in its own short transactions, so the admin page can read it)."""
    run = ImportRun.objects.get(pk=run_id)
    if run.state == ImportRun.State.RUNNING or run.state == ImportRun.State.DONE:
        return run  # a task that ran twice imports once
    state = ImportRun.State.CHECKING if dry_run else ImportRun.State.RUNNING
    ImportRun.objects.filter(pk=run.pk).update(state=state, done=0, error="")
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        # A dry run works inside one transaction that is rolled back, so
        # what it wrote here would be rolled back too: it shows no count.
        if not dry_run and (now - last >= PROGRESS_EVERY or done >= total):
            last = now
            ImportRun.objects.filter(pk=run.pk).update(done=done, total=total)

    try:
        report = Importer(
            run.export,
            media=run.media or None,
            edition=run.edition or None,
            dry_run=dry_run,
            progress=progress,
            user=run.created_by,
        ).run()
    except (ExportError, OSError, ValueError) as error:
        ImportRun.objects.filter(pk=run.pk).update(
            state=ImportRun.State.FAILED, error=str(error).splitlines()[0]
        )
    else:
        ImportRun.objects.filter(pk=run.pk).update(
            state=ImportRun.State.CHECKED if dry_run else ImportRun.State.DONE,
            report=report.render(),
        )
        if not dry_run:
            shutil.rmtree(folder_of(run), ignore_errors=True)
    run.refresh_from_db()
    return run

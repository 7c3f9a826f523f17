"""Backups that restore: the database and the media, encrypted, kept N deep.

A backup is one file, `samizdat-<UTC time>.tar.gz.age`: a gzipped tar of a
manifest (`samizdat-backup.json`), the database (SQLite's online backup API
writes a consistent copy while the site runs; on PostgreSQL `pg_dump` in its
custom format) and every file under MEDIA_ROOT, encrypted with age to the
public keys in BACKUP_AGE_RECIPIENTS. The server needs only public keys:
whoever takes the machine cannot read its backups. The newsletter keys live
in the environment, never in the database, so no backup holds them; restored
addresses are read with the keys the newsroom kept (docs/deploy.md).

A backup is written under a temporary name and renamed when complete, so a
crash leaves no file that looks like a backup; the oldest beyond
BACKUP_KEEP are deleted after each success, in the folder and in the bucket.
`restore` refuses a database that already holds a site: it is for an empty
deployment, and it checks the key and the whole file before it writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import boto3
import pyrage
from django.conf import settings
from django.db import connection
from django.utils import timezone
from pyrage import x25519

FORMAT = 1
MANIFEST = "samizdat-backup.json"
PREFIX, SUFFIX = "samizdat-", ".tar.gz.age"
STAMP = "%Y%m%d-%H%M%S-%f"  # always UTC


class BackupError(Exception):
    """What went wrong, in one line a sysadmin can act on."""


@dataclasses.dataclass(frozen=True)
class Backup:
    path: Path
    engine: str
    media_files: int
    size: int
    uploaded: str = ""


# Keys


def recipients(keys: list[str] | None = None) -> list[x25519.Recipient]:
    """The age public keys backups are encrypted to (BACKUP_AGE_RECIPIENTS)."""
    keys = settings.BACKUP_AGE_RECIPIENTS if keys is None else keys
    if not keys:
        raise BackupError(
            "no BACKUP_AGE_RECIPIENTS: set it to an age public key "
            "(manage.py backup --new-key FILE makes a pair)"
        )
    found = []
    for key in keys:
        try:
            found.append(x25519.Recipient.from_str(key))
        except pyrage.RecipientError:
            raise BackupError(
                f"BACKUP_AGE_RECIPIENTS: {key[:12]}… is not an age public key"
            ) from None
    return found


def identities(path: Path) -> list[x25519.Identity]:
    """The age secret keys in an identity file (as age-keygen writes them)."""
    try:
        lines = path.read_text().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BackupError(f"cannot read the key file {path}: {error}") from None
    keys = [
        line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-")
    ]
    if not keys:
        raise BackupError(f"{path} holds no age secret key (AGE-SECRET-KEY-…)")
    try:
        return [x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError:
        raise BackupError(f"{path}: a damaged age secret key") from None


def new_key(path: Path) -> str:
    """Write a new age identity to `path` (mode 0600); return its public key."""
    identity = x25519.Identity.generate()
    public = str(identity.to_public())
    created = timezone.now().isoformat(timespec="seconds")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(f"# created: {created}\n# public key: {public}\n{identity}\n")
    return public


# Writing a backup


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups know SQLite and PostgreSQL, not {vendor}")
    return vendor


def _pg_env() -> dict[str, str]:
    """libpq's variables for the default database: no password on a command line."""
    db: dict[str, Any] = dict(settings.DATABASES["default"])
    env = {**os.environ, "PGDATABASE": str(db["NAME"])}
    for key, var in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[var] = str(db[key])
    return env


def _run(command: list[str], what: str) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)")
    done = subprocess.run(  # noqa: S603 - our own pg_dump/pg_restore arguments
        command, env=_pg_env(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupError(f"{what} failed: {last}")


def dump_database(folder: Path) -> str:
    """A consistent copy of the database in `folder`; returns its file name."""
    if engine() == "sqlite":
        name = "database.sqlite3"
        source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
        target = sqlite3.connect(folder / name)
        try:
            with target:
                source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.close()
        return name
    name = "database.pgdump"
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-acl",
            f"--file={folder / name}",
        ],
        "pg_dump",
    )
    return name


def media_files(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def backup_name(now: dt.datetime) -> str:
    return f"{PREFIX}{now.astimezone(dt.UTC).strftime(STAMP)}{SUFFIX}"


def backup_time(name: str) -> dt.datetime | None:
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    try:
        stamp = dt.datetime.strptime(
            name[len(PREFIX) : -len(SUFFIX)] + "+0000", "%Y%m%d-%H%M%S-%f%z"
        )
    except ValueError:
        return None
    return stamp


def make_backup(folder: Path | None = None, now: dt.datetime | None = None) -> Backup:
    """Write one encrypted backup of the database and media into `folder`
    (BACKUP_DIR), copy it to BACKUP_S3 when set, then apply retention."""
    keys = recipients()
    folder = Path(folder or settings.BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    now = now or timezone.now()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="samizdat-backup-", dir=folder) as scratch:
        work = Path(scratch)
        database = dump_database(work)
        files = list(media_files(media_root))
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created": now.isoformat(),
            "engine": engine(),
            "database": database,
            "media_files": len(files),
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1))
        plain = work / "backup.tar.gz"
        with tarfile.open(plain, "w:gz") as tar:
            tar.add(work / MANIFEST, MANIFEST)
            tar.add(work / database, database)
            for path in files:
                tar.add(path, "media/" + path.relative_to(media_root).as_posix())
        partial = work / "backup.age"
        pyrage.encrypt_file(str(plain), str(partial), keys)
        partial.chmod(0o600)
        target = folder / backup_name(now)
        os.replace(partial, target)
    uploaded = ""
    if settings.BACKUP_S3:
        uploaded = upload(target)
    prune(folder)
    return Backup(
        target, manifest["engine"], len(files), target.stat().st_size, uploaded
    )


def backups_in(folder: Path) -> list[Path]:
    """Complete backups in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if backup_time(p.name) is not None)


def prune(folder: Path, keep: int | None = None) -> list[str]:
    """Delete the backups beyond the newest `keep` (BACKUP_KEEP)."""
    keep = settings.BACKUP_KEEP if keep is None else keep
    old = backups_in(folder)[: -keep or None] if keep > 0 else []
    for path in old:
        path.unlink()
    return [p.name for p in old]


def newest(folder: Path | None = None) -> dt.datetime | None:
    found = backups_in(Path(folder or settings.BACKUP_DIR))
    return backup_time(found[-1].name) if found else None


def backup_if_due(now: dt.datetime | None = None) -> Backup | None:
    """The clock's backup: one when the newest is BACKUP_INTERVAL_HOURS old."""
    now = now or timezone.now()
    last = newest()
    if last is not None and now - last < dt.timedelta(
        hours=settings.BACKUP_INTERVAL_HOURS
    ):
        return None
    return make_backup(now=now)


# The bucket


def _bucket() -> tuple[Any, str, str]:
    parts = urlsplit(settings.BACKUP_S3)
    if parts.scheme != "s3" or not parts.netloc:
        raise BackupError(f"BACKUP_S3={settings.BACKUP_S3!r} is not s3://bucket/prefix")
    prefix = parts.path.strip("/")
    options = (
        {"endpoint_url": settings.BACKUP_S3_ENDPOINT_URL}
        if settings.BACKUP_S3_ENDPOINT_URL
        else {}
    )
    return boto3.client("s3", **options), parts.netloc, prefix + "/" if prefix else ""


def upload(path: Path) -> str:
    """Copy a backup to the bucket and keep only the newest BACKUP_KEEP there."""
    client, bucket, prefix = _bucket()
    client.upload_file(str(path), bucket, prefix + path.name)
    names: list[str] = []
    pages = client.get_paginator("list_objects_v2").paginate(
        Bucket=bucket, Prefix=prefix
    )
    for page in pages:
        for item in page.get("Contents", []):
            name = item["Key"][len(prefix) :]
            if backup_time(name) is not None:
                names.append(name)
    keep = settings.BACKUP_KEEP
    old = sorted(names)[:-keep] if keep > 0 else []
    if old:
        client.delete_objects(
            Bucket=bucket, Delete={"Objects": [{"Key": prefix + n} for n in old]}
        )
    return f"s3://{bucket}/{prefix}{path.name}"


# Restoring


def _safe_member(member: tarfile.TarInfo) -> bool:
    name = PurePosixPath(member.name)
    return (
        (member.isfile() or member.isdir())
        and not name.is_absolute()
        and ".." not in name.parts
    )


def open_backup(path: Path, keys: list[x25519.Identity], into: Path) -> dict:
    """Decrypt and unpack `path` into `into`; check it is whole and ours."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    plain = into / "backup.tar.gz"
    try:
        pyrage.decrypt_file(str(path), str(plain), keys)
    except pyrage.DecryptError as error:
        if "no matching keys" in str(error).lower():
            raise BackupError(f"{path.name} was not encrypted to this key") from None
        raise BackupError(
            f"{path.name} is not an age-encrypted backup ({error})"
        ) from None
    except OSError:
        raise BackupError(
            f"{path.name} is truncated or damaged: it does not decrypt"
        ) from None
    try:
        with tarfile.open(plain, "r:gz") as tar:
            members = tar.getmembers()
            if not all(_safe_member(m) for m in members):
                raise BackupError(f"{path.name} holds paths outside the backup")
            tar.extractall(into / "contents", members=members, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{path.name} is not a readable backup ({error})") from None
    finally:
        plain.unlink(missing_ok=True)
    try:
        manifest = json.loads((into / "contents" / MANIFEST).read_text())
    except (OSError, ValueError):
        raise BackupError(
            f"{path.name} is not a Samizdat backup (no manifest)"
        ) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{path.name}: backup format {manifest.get('format')} is not {FORMAT}"
        )
    return manifest


def database_is_empty() -> bool:
    if engine() == "sqlite":
        name = Path(str(settings.DATABASES["default"]["NAME"]))
        if not name.exists() or name.stat().st_size == 0:
            return True
        with sqlite3.connect(name) as probe:
            tables = probe.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        return tables == 0
    with connection.cursor():
        tables = connection.introspection.table_names()
    connection.close()
    return not tables


def restore_database(contents: Path, manifest: dict) -> None:
    here = engine()
    if manifest.get("engine") != here:
        raise BackupError(
            f"this is a backup of a {manifest.get('engine')} database; "
            f"DATABASE_URL points to {here}"
        )
    dump = contents / str(manifest["database"])
    if here == "sqlite":
        name = Path(str(settings.DATABASES["default"]["NAME"]))
        name.parent.mkdir(parents=True, exist_ok=True)
        for extra in (f"{name}-wal", f"{name}-shm"):
            Path(extra).unlink(missing_ok=True)
        placed = name.with_name(name.name + ".restoring")
        shutil.copyfile(dump, placed)
        os.replace(placed, name)
        return
    connection.close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={settings.DATABASES['default']['NAME']}",
            str(dump),
        ],
        "pg_restore",
    )


def restore_media(contents: Path) -> int:
    source = contents / "media"
    root = Path(settings.MEDIA_ROOT)
    count = 0
    for path in media_files(source):
        target = root / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        count += 1
    return count


@dataclasses.dataclass(frozen=True)
class Restored:
    engine: str
    created: str
    media_files: int


def restore(path: Path, keys: list[x25519.Identity]) -> Restored:
    """Put the site of backup `path` onto this empty deployment."""
    with tempfile.TemporaryDirectory(prefix="samizdat-restore-") as scratch:
        work = Path(scratch)
        manifest = open_backup(path, keys, work)
        if not database_is_empty():
            raise BackupError(
                "the database already holds a site: restore onto an empty one "
                "(a new DATABASE_URL, or a missing SQLite file)"
            )
        restore_database(work / "contents", manifest)
        count = restore_media(work / "contents")
    return Restored(manifest["engine"], manifest["created"], count)

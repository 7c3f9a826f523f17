"""`manage.py backup` then `restore` onto an empty deployment gives the same
site: every live page's HTML, every media file, every subscriber (whose
address still decrypts with the kept newsletter keys). Real processes on a
SQLite file and on PostgreSQL databases of their own."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pyrage
import pytest
from django.conf import settings
from django.db import connection

from samizdat.operations import backups

from .conftest import ROOT, free_port, site_env

SUBSCRIBERS = 30


def media_env(media: Path) -> dict[str, str]:
    """MEDIA_ROOT of a site under the test settings (which read this name)."""
    return {"SAMIZDAT_TEST_MEDIA": str(media)}


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def step(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "samizdat.operations.tests.backup_site", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def snapshot(env: dict[str, str]) -> dict:
    return json.loads(step(env, "snapshot"))


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def plaintext_of(backup: Path, key: Path) -> list[bytes]:
    """Every member of a backup, decrypted: what a thief with the key reads."""
    plain = pyrage.decrypt(backup.read_bytes(), backups.identities(key))
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:gz") as tar:
        return [
            tar.extractfile(m).read()  # type: ignore[union-attr]
            for m in tar.getmembers()
            if m.isfile()
        ]


def made(folder: Path) -> Path:
    [backup] = backups.backups_in(folder)
    return backup


def check_round_trip(tmp_path: Path, source: dict, target: dict, wipe) -> None:
    """Back up `source`, wipe it, restore into `target`; compare."""
    key = tmp_path / "backup-key.txt"
    public = backups.new_key(key)
    folder = tmp_path / "backups"
    source = {**source, "BACKUP_AGE_RECIPIENTS": public, "BACKUP_DIR": str(folder)}
    target = {**target, "BACKUP_DIR": str(folder)}
    snapshot(source)  # the first visit makes the pictures' renditions
    before = snapshot(source)
    assert before["subscribers"] == SUBSCRIBERS
    assert before["addresses"] == sorted(
        f"reader{i}@example.org" for i in range(SUBSCRIBERS)
    )
    assert len(before["pages"]) >= 20
    assert all(status == 200 for status, _ in before["pages"].values())
    assert len(before["media"]) >= 10

    done = manage(source, "backup")
    assert done.returncode == 0, done.stderr
    backup = made(folder)
    assert backup.stat().st_mode & 0o077 == 0
    assert done.stdout.strip().startswith(f"Backup {backup} (")
    members = plaintext_of(backup, key)
    secrets = [
        *settings.NEWSLETTER_KEYS,
        settings.NEWSLETTER_HASH_KEY,
        "reader0@example.org",
    ]
    leaked = [s for s in secrets for m in members if s.encode() in m]
    assert leaked == [] and len(members) == 2 + len(before["media"])

    wipe()
    wrong = tmp_path / "other-key.txt"
    backups.new_key(wrong)
    refused = one_line_error(
        manage(target, "restore", str(backup), "--identity", str(wrong))
    )
    assert "was not encrypted to this key" in refused
    cut = tmp_path / backup.name
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    refused = one_line_error(
        manage(target, "restore", str(cut), "--identity", str(key))
    )
    assert "truncated or damaged" in refused

    done = manage(target, "restore", str(backup), "--identity", str(key))
    assert done.returncode == 0, done.stderr
    assert f"with {len(before['media'])} media files" in done.stdout
    after = snapshot(target)
    assert after == before

    again = one_line_error(
        manage(target, "restore", str(backup), "--identity", str(key))
    )
    assert "already holds a site" in again


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory) -> tuple[Path, Path]:
    """A migrated SQLite site with a small demo and its subscribers."""
    where = tmp_path_factory.mktemp("backup-site")
    db, media = where / "site.sqlite3", where / "media"
    env = site_env(db, **media_env(media))
    done = manage(env, "migrate", "-v0")
    assert done.returncode == 0, done.stderr
    step(env, "setup", str(SUBSCRIBERS))
    return db, media


def test_it_restores_the_same_site_on_sqlite(tmp_path, sqlite_site):
    template_db, template_media = sqlite_site
    db, media = tmp_path / "site.sqlite3", tmp_path / "media"
    shutil.copyfile(template_db, db)
    shutil.copytree(template_media, media)
    env = site_env(db, **media_env(media))

    def wipe() -> None:
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            path.unlink(missing_ok=True)
        shutil.rmtree(media)

    check_round_trip(tmp_path, env, env, wipe)


def test_it_refuses_a_backup_without_a_key_in_one_line(tmp_path, sqlite_site):
    db, _media = sqlite_site
    env = {**site_env(db), "BACKUP_DIR": str(tmp_path), "BACKUP_AGE_RECIPIENTS": ""}
    line = one_line_error(manage(env, "backup"))
    assert "BACKUP_AGE_RECIPIENTS" in line and os.listdir(tmp_path) == []
    env["BACKUP_AGE_RECIPIENTS"] = "age1notakey"
    assert "not an age public key" in one_line_error(manage(env, "backup"))


@pytest.mark.postgres
@pytest.mark.django_db
def test_it_restores_the_same_site_on_postgresql(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass of the suite (DATABASE_URL)")
    server = urlsplit(os.environ["DATABASE_URL"])
    names = [f"{server.path.strip('/')}_backup_{part}" for part in ("from", "to")]
    admin = server._replace(scheme="postgresql").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    url = {name: server._replace(path="/" + name).geturl() for name in names}
    media = tmp_path / "media"
    source = {
        **site_env(tmp_path / "unused"),
        "DATABASE_URL": url[names[0]],
        **media_env(media),
    }
    target = {**source, "DATABASE_URL": url[names[1]]}
    try:
        done = manage(source, "migrate", "-v0")
        assert done.returncode == 0, done.stderr
        step(source, "setup", str(SUBSCRIBERS))

        def wipe() -> None:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE "{names[0]}"')
            shutil.rmtree(media)

        check_round_trip(tmp_path, source, target, wipe)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def bucket(monkeypatch):
    """A bucket on moto's S3 server on a free local port."""
    # moto's server (Flask) takes a second to import; only this fixture needs it.
    import boto3
    from moto.server import ThreadedMotoServer

    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        monkeypatch.setenv(name, value)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket="backups")
    yield client, endpoint
    server.stop()


def test_it_keeps_the_newest_backups_in_the_folder_and_the_bucket(
    tmp_path, sqlite_site, bucket
):
    client, endpoint = bucket
    db, media = sqlite_site
    folder = tmp_path / "backups"
    env = {
        **site_env(db, **media_env(media)),
        "BACKUP_AGE_RECIPIENTS": backups.new_key(tmp_path / "key.txt"),
        "BACKUP_DIR": str(folder),
        "BACKUP_KEEP": "2",
        "BACKUP_S3": "s3://backups/newsroom",
        "BACKUP_S3_ENDPOINT_URL": endpoint,
    }
    names = []
    for _ in range(3):
        done = manage(env, "backup")
        assert done.returncode == 0, done.stderr
        names.append(made_last(folder).name)
        assert done.stdout.strip().endswith(
            f"copied to s3://backups/newsroom/{names[-1]}"
        )
    kept = [p.name for p in backups.backups_in(folder)]
    listed = client.list_objects_v2(Bucket="backups", Prefix="newsroom/")
    in_bucket = sorted(item["Key"] for item in listed["Contents"])
    assert kept == names[1:]
    assert in_bucket == [f"newsroom/{name}" for name in names[1:]]
    assert sorted(os.listdir(folder)) == kept


def made_last(folder: Path) -> Path:
    return backups.backups_in(folder)[-1]


def test_the_clock_backs_up_once_the_newest_is_old_enough(
    settings, tmp_path, monkeypatch
):
    settings.BACKUP_DIR = tmp_path
    settings.BACKUP_INTERVAL_HOURS = 24
    made_at = []
    monkeypatch.setattr(backups, "make_backup", lambda now: made_at.append(now))
    now = dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.UTC)
    assert backups.backup_if_due(now) is None and made_at == [now]
    (tmp_path / backups.backup_name(now - dt.timedelta(hours=23))).touch()
    (tmp_path / "samizdat-not-a-backup.tar.gz.age").touch()
    backups.backup_if_due(now)
    assert made_at == [now]
    (tmp_path / backups.backup_name(now - dt.timedelta(hours=23))).rename(
        tmp_path / backups.backup_name(now - dt.timedelta(hours=25))
    )
    backups.backup_if_due(now)
    assert made_at == [now, now]

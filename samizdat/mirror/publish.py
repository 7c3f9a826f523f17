"""Upload an export to where readers fetch it: a local folder (served by any
web server) or an S3-compatible bucket. Only files whose content differs
from the target are sent, each with its content type."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import boto3

from .export import MANIFEST, ExportError, load_manifest

SPECIAL_TYPES = {
    "rss.xml": "application/rss+xml; charset=utf-8",
    "atom.xml": "application/atom+xml; charset=utf-8",
    "feed.json": "application/feed+json; charset=utf-8",
}
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
}
PAGE_CACHE = "public, max-age=300"
ASSET_CACHE = "public, max-age=86400"
DELETE_BATCH = 1000


def content_type(path: str) -> str:
    """The Content-Type a reader's browser or feed reader needs for a file."""
    name = path.rsplit("/", 1)[-1]
    if name in SPECIAL_TYPES:
        return SPECIAL_TYPES[name]
    suffix = os.path.splitext(name)[1].lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed, _encoding = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


def cache_control(path: str) -> str:
    return ASSET_CACHE if path.startswith(("media/", "static/")) else PAGE_CACHE


def md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Target(Protocol):
    def existing(self) -> dict[str, str]: ...
    def put(self, key: str, source: Path, md5: str) -> None: ...
    def delete(self, keys: list[str]) -> None: ...


class FolderTarget:
    """A directory on this machine, e.g. the document root of a web server."""

    def __init__(self, root: Path):
        self.root = root

    def __str__(self) -> str:
        return str(self.root)

    def existing(self) -> dict[str, str]:
        if not self.root.exists():
            return {}
        return {
            path.relative_to(self.root).as_posix(): md5_of(path)
            for path in self.root.rglob("*")
            if path.is_file() and path.name != MANIFEST
        }

    def put(self, key: str, source: Path, md5: str) -> None:
        target = self.root / key
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)

    def delete(self, keys: list[str]) -> None:
        for key in keys:
            (self.root / key).unlink(missing_ok=True)


class S3Target:
    """A bucket of any S3-compatible store; credentials come from boto3's
    usual places (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles)."""

    def __init__(self, bucket: str, prefix: str = "", client=None, **options):
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.client = client or boto3.client("s3", **options)

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"

    def existing(self) -> dict[str, str]:
        found = {}
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix
        )
        for page in pages:
            for item in page.get("Contents", []):
                found[item["Key"][len(self.prefix) :]] = item["ETag"].strip('"')
        return found

    def put(self, key: str, source: Path, md5: str) -> None:
        with source.open("rb") as body:
            self.client.put_object(
                Bucket=self.bucket,
                Key=self.prefix + key,
                Body=body,
                ContentType=content_type(key),
                CacheControl=cache_control(key),
            )

    def delete(self, keys: list[str]) -> None:
        for start in range(0, len(keys), DELETE_BATCH):
            batch = keys[start : start + DELETE_BATCH]
            self.client.delete_objects(
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": self.prefix + k} for k in batch]},
            )


def target_for(address: str, **s3_options) -> Target:
    """A folder path, or s3://bucket/prefix for a bucket."""
    parts = urlsplit(address)
    if parts.scheme == "s3":
        if not parts.netloc:
            raise ExportError(f"no bucket in {address!r} (s3://bucket/prefix)")
        options = {k: v for k, v in s3_options.items() if v}
        return S3Target(parts.netloc, parts.path, **options)
    if parts.scheme:
        raise ExportError(f"unknown target {address!r}: a folder or s3://bucket")
    return FolderTarget(Path(address))


@dataclass
class PublishReport:
    uploaded: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)


def exported_files(source: Path) -> Iterator[str]:
    manifest = load_manifest(source)
    if not manifest:
        raise ExportError(f"{source} holds no export (run export_mirror first)")
    yield from manifest["files"]


def publish_mirror(
    source: Path | str,
    target: Target,
    *,
    delete: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> PublishReport:
    """Send the files of an export that the target lacks or holds otherwise."""
    source = Path(source)
    files = sorted(exported_files(source))
    remote = target.existing()
    report = PublishReport()
    for done, key in enumerate(files, 1):
        path = source / key
        md5 = md5_of(path)
        if remote.get(key) == md5:
            report.unchanged += 1
        else:
            target.put(key, path, md5)
            report.uploaded.append(key)
        if progress:
            progress(done, len(files))
    if delete:
        stale = sorted(set(remote) - set(files))
        target.delete(stale)
        report.deleted = stale
    return report

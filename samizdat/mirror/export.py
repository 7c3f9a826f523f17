"""Write the public site as static files that work from any host.

Pages are rendered by Django's test client through the whole middleware
stack and Wagtail's serve, so a mirror page is the live page; then links
are made relative (see rewrite.py) and files written only when their
content changed. A manifest in the directory keeps each file's hash, the
pages they show and the time of the export, for `--since` and publishing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django import db
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from samizdat.articles import queries as articles
from samizdat.core.queries import Alternate, translations_at
from samizdat.editions.conf import edition_for

from . import plan as plans
from . import queries
from .middleware import MIRROR_ENVIRON_KEY
from .rewrite import Rewriter, file_for, relative

# The WSGI environ marker that makes a render the mirror's (never a header).
MIRROR_ENVIRON: dict[str, Any] = {MIRROR_ENVIRON_KEY: True}

MANIFEST = ".samizdat-mirror.json"
MANIFEST_VERSION = 1
SEARCH_SNIPPET = 200
PARALLEL_THRESHOLD = 200

Progress = Callable[[int, int], None]


class ExportError(Exception):
    """The export cannot go on (bad directory, broken manifest)."""


@dataclass
class ExportReport:
    full: bool = False
    rendered: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    size: int = 0
    files: int = 0


def load_manifest(directory: Path) -> dict:
    path = directory / MANIFEST
    if not path.exists():
        return {}
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise ExportError(f"cannot read {path}: {error}") from error
    if manifest.get("version") != MANIFEST_VERSION:
        return {}
    return manifest


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def addresses_key() -> str:
    return digest(json.dumps(queries.addresses(), sort_keys=True).encode())


class Exporter:
    """One run of export_mirror into one directory."""

    def __init__(
        self, directory: Path, progress: Progress | None = None, workers: int = 1
    ):
        self.dir = directory
        self.workers = max(1, workers)
        self.progress = progress or (lambda done, total: None)
        self.old = load_manifest(directory)
        self.files: dict[str, str] = {}
        self.known_files: set[str] = set()
        self.checked_assets: dict[str, bool] = {}
        self.report = ExportReport()
        base = urlsplit(settings.BASE_URL)
        self.secure = base.scheme == "https"
        self.client = Client(HTTP_HOST=base.netloc or "localhost", **MIRROR_ENVIRON)

    # Planning -------------------------------------------------------------

    def run(self, since: dt.datetime | None = None, incremental: bool = False):
        started = time.monotonic()
        stamp = timezone.now()
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ExportError(f"cannot create {self.dir}: {error}") from error
        full = (
            not incremental
            or not self.old
            or self.old.get("base_url") != settings.BASE_URL
            or self.old.get("addresses") != addresses_key()
        )
        if full:
            plan = plans.full_plan()
        else:
            if since is None:
                since = dt.datetime.fromisoformat(self.old["exported_at"])
            known_pages = {int(k): v for k, v in self.old.get("pages", {}).items()}
            plan = plans.changes_since(since, known_pages)
            full = plan.full
        self.report.full = full
        if not full:
            self.files = dict(self.old.get("files", {}))
        self.known_files = set(self.files) | {file_for(u) for u in plan.urls}
        self.known_files |= {"index.html", "mirrors.json"}
        for language in plan.search_editions:
            self.known_files.add(self.search_file(language))
            self.known_files.add(f"{language}/{plans.SEARCH_INDEX}")
        pages_map: dict[str, list[str]] = (
            {} if full else dict(self.old.get("pages", {}))
        )
        for page_id in plan.remove_pages:
            for path in pages_map.pop(str(page_id), []):
                self.remove(path)

        total = len(plan.urls) + 2 * len(plan.search_editions) + (2 if full else 0)
        pages_map.update(self.render_all(list(plan.urls.items()), total))
        done = len(plan.urls)
        for language in sorted(plan.search_editions):
            self.write_search(language)
            done += 2
            self.progress(done, total)
        if full:
            self.write_root()
            done += 2
            self.progress(done, total)
            for stale in set(self.old.get("files", {})) - set(self.files):
                self.remove(stale)
        self.save_manifest(stamp, pages_map)
        self.report.files = len(self.files)
        self.report.size = sum(
            (self.dir / p).stat().st_size for p in self.files if (self.dir / p).exists()
        )
        self.report.seconds = time.monotonic() - started
        return self.report

    # Rendering ------------------------------------------------------------

    def render_all(self, urls: list[tuple[str, int | None]], total: int) -> dict:
        """Render pages, in worker processes when there are many; return the
        files of the pages rendered, by page id."""
        if self.workers <= 1 or len(urls) < PARALLEL_THRESHOLD:
            return self.render_chunk(urls, lambda done: self.progress(done, total))
        context = multiprocessing.get_context("fork")
        counter = context.Value("i", 0)
        chunks = [urls[i :: self.workers] for i in range(self.workers)]
        global _worker_state
        _worker_state = (self, counter)
        db.connections.close_all()
        with context.Pool(self.workers, initializer=_default_signals) as pool:
            pending = pool.map_async(_render_in_worker, chunks)
            while not pending.ready():
                pending.wait(0.2)
                self.progress(counter.value, total)
            parts = pending.get()
        _worker_state = None
        pages: dict = {}
        for part in parts:
            pages.update(part.pages)
            self.files.update(part.files)
            self.known_files.update(part.files)
            self.report.rendered += part.rendered
            self.report.written += part.written
            self.report.unchanged += part.unchanged
            self.report.errors += part.errors
        return pages

    def render_chunk(self, urls, tick) -> dict:
        pages = {}
        for done, (url, page_id) in enumerate(urls, 1):
            path = self.render(url)
            if path and page_id is not None:
                pages[str(page_id)] = [path]
            tick(done)
        return pages

    def render(self, url: str) -> str | None:
        response = self.client.get(url, secure=self.secure)
        if response.status_code != 200:
            self.report.errors.append(f"{url}: HTTP {response.status_code}")
            return None
        path = file_for(url)
        self.report.rendered.append(path)
        content = response.content
        if response.get("Content-Type", "").startswith("text/html"):
            content = self.rewrite_html(path, content.decode("utf-8")).encode("utf-8")
        self.write(path, content)
        return path

    def rewrite_html(self, path: str, html: str) -> str:
        """Relative links; notes in the language of the page's edition."""
        first = path.split("/", 1)[0]
        codes = {code for code, _name in settings.LANGUAGES}
        language = first if first in codes else settings.LANGUAGE_CODE
        with translation.override(language):
            return Rewriter(path, self.known).html(html)

    def known(self, target: str, url_path: str) -> bool:
        """Whether a link target is in the mirror; assets are copied on sight."""
        if target in self.known_files:
            return True
        if target not in self.checked_assets:
            self.checked_assets[target] = self.copy_asset(target, url_path)
        return self.checked_assets[target]

    def copy_asset(self, target: str, url_path: str) -> bool:
        media, static = settings.MEDIA_URL, settings.STATIC_URL
        if url_path.startswith(media):
            name = target[len(media.lstrip("/")) :]
            if not default_storage.exists(name):
                return False
            if target in self.files and (self.dir / target).exists():
                self.known_files.add(target)
                return True
            with default_storage.open(name, "rb") as handle:
                self.write(target, handle.read())
            return True
        if url_path.startswith(static):
            name = target[len(static.lstrip("/")) :]
            source = self.static_source(name)
            if source is None:
                return False
            content = Path(source).read_bytes()
            self.known_files.add(target)
            if target.endswith(".css"):
                rewriter = Rewriter(target, self.known)
                content = rewriter.css(content.decode("utf-8"), url_path).encode()
            self.write(target, content)
            return True
        return False

    @staticmethod
    def static_source(name: str) -> str | None:
        if settings.STATIC_ROOT:
            collected = Path(settings.STATIC_ROOT) / name
            if collected.is_file():
                return str(collected)
        found = finders.find(name)
        return found if isinstance(found, str) else None

    # Search and root ------------------------------------------------------

    @staticmethod
    def search_url(language: str) -> str:
        with translation.override(language):
            try:
                return reverse("search")
            except NoReverseMatch:
                return f"/{language}/search/"

    def search_file(self, language: str) -> str:
        return file_for(self.search_url(language))

    def mirror_request(self, language: str, path: str):
        request = RequestFactory().get(path, **MIRROR_ENVIRON)
        # Read by templates and feeds' metadata like the environ marker.
        request.samizdat_mirror = True  # type: ignore[attr-defined]
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = language
        return request

    def write_search(self, language: str) -> None:
        """A static search page and its prebuilt index, for one edition."""
        page_file = self.search_file(language)
        index_file = f"{language}/{plans.SEARCH_INDEX}"
        locale = plans.Locale.objects.get(language_code=language)
        entries = []
        for piece in articles.as_cards(articles.published(locale)):
            entries.append(
                [
                    piece.title,
                    relative(page_file, file_for(piece.get_url())),
                    piece.standfirst[:SEARCH_SNIPPET],
                    piece.section.title if piece.section else "",
                    ", ".join(
                        a.person.byline_name for a in piece.article_authors.all()
                    ),
                    piece.first_published_at.date().isoformat(),
                ]
            )
        script = "window.SAMIZDAT_SEARCH=" + json.dumps(
            entries, ensure_ascii=False, separators=(",", ":")
        )
        self.write(index_file, (script + ";\n").encode("utf-8"))
        url = self.search_url(language)
        with translation.override(language):
            html = render_to_string(
                "mirror/search.html",
                {
                    "index_src": relative(page_file, index_file),
                    "alternates": self.search_alternates(language),
                    "page": None,
                },
                request=self.mirror_request(language, url),
            )
        self.write(page_file, self.rewrite_html(page_file, html).encode("utf-8"))

    def search_alternates(self, current: str) -> list[Alternate]:
        return translations_at(
            {
                loc.language_code: self.search_url(loc.language_code)
                for loc in plans.locales()
            },
            current,
        )

    def write_root(self) -> None:
        """index.html leading to every edition, and mirrors.json."""
        homes = []
        for locale in plans.locales():
            home = plans.Page.objects.live().filter(locale=locale, depth=2).first()
            if home is not None:
                homes.append((edition_for(locale.language_code), home.get_url()))
        html = render_to_string(
            "mirror/root.html",
            {"homes": homes, "site_name": settings.WAGTAIL_SITE_NAME},
        )
        self.write("index.html", self.rewrite_html("index.html", html).encode())
        self.render("/mirrors.json")

    # Files ----------------------------------------------------------------

    def write(self, path: str, content: bytes) -> None:
        """Write a file unless the same content is already there."""
        self.known_files.add(path)
        hashed = digest(content)
        target = self.dir / path
        if self.old.get("files", {}).get(path) == hashed and target.exists():
            self.files[path] = hashed
            self.report.unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.part")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        self.files[path] = hashed
        self.report.written.append(path)

    def remove(self, path: str) -> None:
        target = self.dir / path
        if target.exists():
            target.unlink()
            self.report.removed.append(path)
        self.files.pop(path, None)

    def save_manifest(self, stamp: dt.datetime, pages: dict) -> None:
        manifest = {
            "version": MANIFEST_VERSION,
            "exported_at": stamp.isoformat(),
            "base_url": settings.BASE_URL,
            "addresses": addresses_key(),
            "files": dict(sorted(self.files.items())),
            "pages": pages,
        }
        temporary = self.dir / (MANIFEST + ".part")
        temporary.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
        os.replace(temporary, self.dir / MANIFEST)


_worker_state: tuple[Exporter, Any] | None = None


@dataclass(frozen=True)
class RenderedShare:
    """What one worker process rendered of an export."""

    pages: dict[int, list[str]]
    files: dict[str, str]
    rendered: list[str]
    written: list[str]
    unchanged: int
    errors: list[str]


def _default_signals() -> None:
    """A forked worker ends on SIGTERM, whatever handler the exporting process
    had installed (a task worker's graceful shutdown, for one): the pool
    stops its workers with SIGTERM, and a worker that only noted the signal
    kept the export, and whoever waited for it, waiting for ever."""
    for name in ("SIGTERM", "SIGINT", "SIGQUIT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def _render_in_worker(urls: list) -> RenderedShare:
    """Render a share of the pages in a forked worker; report what it did."""
    if _worker_state is None:
        raise RuntimeError("_render_in_worker runs only in export workers")
    exporter, counter = _worker_state
    before = set(exporter.files)
    exporter.report = ExportReport()

    def tick(_done: int) -> None:
        with counter.get_lock():
            counter.value += 1

    pages = exporter.render_chunk(urls, tick)
    db.connections.close_all()
    report = exporter.report
    return RenderedShare(
        pages=pages,
        files={
            path: hashed
            for path, hashed in exporter.files.items()
            if path not in before or path in report.written
        },
        rendered=report.rendered,
        written=report.written,
        unchanged=report.unchanged,
        errors=report.errors,
    )


def export_mirror(
    directory: Path | str,
    *,
    incremental: bool = False,
    since: dt.datetime | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> ExportReport:
    """Export the public site into `directory`; with `incremental`, only what
    changed since the last export (or `since`). `workers` processes render
    pages side by side."""
    return Exporter(Path(directory), progress, workers).run(since, incremental)

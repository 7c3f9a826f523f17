"""The WordPress importer: one export file in, the same publication out,
written the way an editor would have written it (pages through revisions),
so history, search, related articles, feeds and the mirror all follow.

Guarantees:
- The file is read twice as a stream (a first pass for authors, terms,
  attachments, languages and permalinks; a second for the posts), never
  whole; a broken file is refused by the first pass before anything is written.
- Each post is written in its own transaction: one that fails is reported and
  leaves nothing behind.
- What was imported is remembered (`ImportedItem`: WordPress ID, GUID and a
  digest of the item), so a second run writes only what changed, as a new
  revision, and an interrupted run picks up where it stopped.
- Media come only from the uploads folder given; nothing is fetched.
- Each post still goes through a revision (created, then published), but the
  work a publish queues for readers is held back for the run (`bulk.loading`):
  no related-list refresh, purge or mailing per post, no search or reference
  index per save. Search: Wagtail indexes a page on every save, and its
  PostgreSQL backend then recomputes title norms over the whole index, so a
  per-page index would make an import slow down as the archive grows. At its
  end the run hands the pages it wrote to the search backends in large
  batches (`add_bulk`, one norm refresh per batch) and sends `bulk.loaded`
  once, so related lists are rebuilt, listings purged and each page's
  reference index queued once (`signals.py`). Pages written but not yet
  indexed stay marked (`ImportedItem.pending`), so an interrupted run's next
  run indexes them.
- Per post, what the run already knows (what it imported before, sections,
  people, sibling slugs, translation groups) is read from memory, not asked
  of the database again.
- A dry run does the same work inside a transaction that is rolled back and
  stores no files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Locale, Page
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from samizdat.articles.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    HomePage,
    SectionPage,
    StandardPage,
    Tag,
    TagIndexPage,
)
from samizdat.articles.setup import ensure_editions
from samizdat.core import bulk
from samizdat.editions.slugs import slugify, validate_slug
from samizdat.people.models import Person

from .body import FoundImage, convert
from .models import ImportedItem
from .report import Report
from .wxr import Channel, ExportError, Item, read_all

Progress = Callable[[int, int], None]
# Pages per search-index batch at the end of a run: each batch costs one
# refresh of title norms over the whole index on PostgreSQL.
INDEX_BATCH = 1000
IMAGE_TYPES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".avif",
    ".bmp",
    ".tif",
    ".tiff",
)
_SIZED = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
_PEN_NAME = re.compile(r"^(?P<name>.+?)\s*[(（](?P<pen>[^()（）]+)[)）]\s*$")
_IMPORTED = ("post", "page")
# WPML keeps languages and translation groups in its own tables, which
# WordPress's export leaves out; WPML Export and Import writes them into each
# item as these custom fields.
WPML_LANGUAGE = "_wpml_import_language_code"
WPML_GROUP = "_wpml_import_translation_group"


class DryRunDone(Exception):
    """Raised at the end of a dry run to roll everything back."""


@dataclass
class Attachment:
    wp_id: int
    url: str
    relative: str
    title: str
    alt: str
    caption: str


@dataclass
class GuestAuthor:
    name: str
    bio: str


@dataclass
class Scan:
    """What the first pass learns about the whole file."""

    channel: Channel
    attachments: dict[int, Attachment] = field(default_factory=dict)
    by_relative: dict[str, int] = field(default_factory=dict)
    links: dict[str, int] = field(default_factory=dict)
    guests: dict[str, GuestAuthor] = field(default_factory=dict)
    groups: dict[str, list[int]] = field(default_factory=dict)
    items: int = 0
    statuses: dict[int, str] = field(default_factory=dict)


def load_section_map(path: Path | str) -> dict[str, str]:
    """A file of `wordpress-category = section-slug` lines (or a JSON
    object): posts of the category go to that section."""
    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        return {str(k).strip(): str(v).strip() for k, v in data.items()}
    mapping: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, sep, right = line.partition("=")
        if not sep or not left.strip() or not right.strip():
            raise ExportError(
                f"{Path(path).name}, line {number}: expected 'category = section'."
            )
        mapping[unquote(left.strip())] = unquote(right.strip())
    return mapping


def _path(url: str) -> str:
    return Redirect.normalise_path(urlsplit(url).path or "/")


def _relative_upload(url: str) -> str:
    path = unquote(urlsplit(url).path)
    marker = "/uploads/"
    if marker in path:
        return path.split(marker, 1)[1]
    return path.lstrip("/")


def _when(value: str) -> dt.datetime | None:
    if not value or value.startswith("0000"):
        return None
    try:
        return dt.datetime.strptime(value + " +0000", "%Y-%m-%d %H:%M:%S %z")
    except ValueError:
        return None


def split_pen_name(display: str) -> tuple[str, str]:
    """'Leila Karimi (Nightingale)' → ('Leila Karimi', 'Nightingale')."""
    found = _PEN_NAME.match(display.strip())
    if found:
        return found.group("name").strip(), found.group("pen").strip()
    return display.strip(), ""


def translation_groups(item: Item) -> list[str]:
    """The translation groups an item is in: Polylang's `post_translations`
    terms, or WPML's group (kept apart from Polylang's names)."""
    groups = [term.slug for term in item.terms_of("post_translations")]
    wpml = item.meta.get(WPML_GROUP, "").strip()
    if wpml:
        groups.append(f"wpml:{wpml}")
    return groups


def scan(path: Path | str) -> Scan:
    """The first pass: everything but the posts' bodies."""
    channel, items = read_all(path)
    found = Scan(channel=channel)
    for item in items:
        if item.post_type == "attachment":
            relative = item.meta.get("_wp_attached_file") or _relative_upload(
                item.attachment_url or item.guid
            )
            found.attachments[item.wp_id] = Attachment(
                wp_id=item.wp_id,
                url=item.attachment_url or item.guid,
                relative=relative,
                title=item.title,
                alt=item.meta.get("_wp_attachment_image_alt", ""),
                caption=item.excerpt,
            )
            found.by_relative[relative] = item.wp_id
        elif item.post_type == "guest-author":
            name = item.meta.get("cap-display_name") or item.title
            guest = GuestAuthor(name=name, bio=item.meta.get("cap-description", ""))
            for key in (
                item.slug,
                item.slug.removeprefix("cap-"),
                item.meta.get("cap-user_login", ""),
            ):
                if key:
                    found.guests[key] = guest
        elif item.post_type in _IMPORTED:
            found.items += 1
            found.statuses[item.wp_id] = item.status
            for group in translation_groups(item):
                found.groups.setdefault(group, []).append(item.wp_id)
            if item.link:
                found.links[_path(item.link)] = item.wp_id
    return found


class Importer:
    """One run over one export. `run()` returns the report."""

    def __init__(
        self,
        export: Path | str,
        *,
        media: Path | str | None = None,
        edition: str | None = None,
        section_map: dict[str, str] | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
        user: models.Model | None = None,
    ):
        self.export = Path(export)
        self.media = Path(media) if media else None
        self.edition = edition
        self.section_map = section_map or {}
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total: None)
        self.user = user
        self.report = Report(dry_run=dry_run)
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        self.codes = codes
        if edition and edition not in codes:
            raise ExportError(
                f"There is no edition {edition!r}; the editions are {', '.join(codes)}."
            )
        if self.media is not None and not self.media.is_dir():
            raise ExportError(f"The media folder {self.media} does not exist.")
        self.pages: dict[int, int] = {}
        self.images: dict[int, FoundImage | None] = {}
        self.people: dict[tuple[str, str], Person] = {}
        self.sections: dict[tuple[str, str], SectionPage] = {}
        # (edition, WordPress category) → the section its posts went to.
        self.categories: dict[tuple[str, str], SectionPage] = {}
        self.tags_seen: set[tuple[str, str]] = set()
        self.to_index: dict[type[models.Model], list[int]] = {}
        self.forward: list[int] = []
        # What this source's earlier runs imported: (kind, key) → the row.
        self.known: dict[tuple[str, str], ImportedItem] = {}
        # Slugs taken under each parent page, read once per parent.
        self.slugs: dict[int, set[str]] = {}
        # Page id → (translation key, locale id), for pages seen this run.
        self.keys: dict[int, tuple[object, int]] = {}
        self.translated: set[tuple[object, int]] = set()
        self.written: list[int] = []
        self.updated: list[int] = []

    # -- the run ---------------------------------------------------------------

    def run(self) -> Report:
        self.scanned = scan(self.export)
        self.source = self.scanned.channel.source
        self.host = urlsplit(self.source).netloc.lower()
        self.terms = {
            (t.taxonomy, unquote(t.slug)): t for t in self.scanned.channel.terms
        }
        self.term_ids = {t.term_id: t for t in self.scanned.channel.terms if t.term_id}
        self.languages = self._languages()
        self.total = self.scanned.items + len(self.scanned.attachments)
        self.done = 0
        with (
            bulk.loading(),
            self._held_index(),
            disable_reference_index_auto_update(),
        ):
            if not self.dry_run:
                self._write()
            else:
                try:
                    with transaction.atomic():
                        self._write()
                        raise DryRunDone
                except DryRunDone:
                    pass
        if not self.dry_run:
            bulk.loaded.send(
                sender=type(self),
                pages=self.written,
                updated=self.updated,
                sections=sorted({s.pk for s in self.sections.values()}),
                people=sorted({p.pk for p in self.people.values()}),
            )
        return self.report

    def _write(self) -> None:
        self.homes = ensure_editions()
        self.locales = {
            code: Locale.objects.get(language_code=code) for code in self.homes
        }
        self.known = {
            (row.kind, row.key): row
            for row in ImportedItem.objects.filter(
                source=self.source, kind__in=["post", "page"]
            )
        }
        self.pages = {
            row.wp_id: row.page_id for row in self.known.values() if row.page_id
        }
        self._import_media()
        _channel, items = read_all(self.export)
        for item in items:
            if item.post_type not in _IMPORTED:
                continue
            self._one(item)
            self.done += 1
            self.progress(self.done, self.total)
        self._relink()
        self._term_redirects()
        if not self.dry_run:
            self._index()
        self.progress(self.total, self.total)

    # -- editions --------------------------------------------------------------

    def _languages(self) -> dict[str, str]:
        """Polylang language slugs (and locales such as fa_IR) → our editions."""
        found: dict[str, str] = {}
        for term in self.scanned.channel.terms:
            if term.taxonomy != "language":
                continue
            for candidate in (
                term.slug,
                term.slug.split("_")[0],
                term.slug.split("-")[0],
            ):
                if candidate.lower() in self.codes:
                    found[term.slug] = candidate.lower()
                    break
        return found

    def _edition_of(self, item: Item) -> str | None:
        languages = item.terms_of("language")
        wpml = item.meta.get(WPML_LANGUAGE, "").strip().lower()
        if not languages and wpml:
            # WPML codes: "fa", "en", "pt-br", "zh-hans".
            wpml_code = wpml.replace("_", "-").split("-")[0]
            return wpml_code if wpml_code in self.codes else None
        if languages:
            code = self.languages.get(languages[0].slug)
            if code is None:
                code = languages[0].slug.split("_")[0].lower()
                if code not in self.codes:
                    return None
            return code
        if self.edition:
            return self.edition
        channel_language = self.scanned.channel.language.split("-")[0].lower()
        if channel_language in self.codes:
            return channel_language
        return settings.LANGUAGE_CODE

    # -- media -----------------------------------------------------------------

    def _import_media(self) -> None:
        image_model = get_image_model()
        for wp_id, attachment in self.scanned.attachments.items():
            self.done += 1
            self.progress(self.done, self.total)
            if not attachment.relative.lower().endswith(IMAGE_TYPES):
                self.images[wp_id] = None
                self.report.problem(
                    wp_id, attachment.title, "attachment is not an image; left out"
                )
                continue
            known = ImportedItem.objects.filter(
                source=self.source, kind="image", key=str(wp_id)
            ).first()
            if (
                known
                and known.object_id
                and image_model.objects.filter(pk=known.object_id).exists()
            ):
                self.images[wp_id] = self._found(known.object_id, attachment)
                continue
            file = self.media / attachment.relative if self.media else None
            if file is None or not file.is_file():
                self.images[wp_id] = None
                where = (
                    "no media folder was given"
                    if self.media is None
                    else f"{attachment.relative} is not in the media folder"
                )
                self.report.problem(wp_id, attachment.title, f"image missing: {where}")
                continue
            data = file.read_bytes()
            digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
            if self.dry_run:
                self.images[wp_id] = FoundImage(
                    None, attachment.alt, attachment.caption, attachment.title
                )
                self.report.add("images")
                continue
            image = image_model.objects.filter(file_hash=digest).first()
            try:
                with transaction.atomic():
                    if image is None:
                        with file.open("rb") as handle:
                            image = image_model(
                                title=(attachment.title or file.stem)[:255],
                                file=File(handle, name=file.name),
                                collection=Collection.get_first_root_node(),
                                file_hash=digest,
                            )
                            image.save()
                        self.report.add("images")
                        self.to_index.setdefault(image_model, []).append(image.pk)
                    ImportedItem.objects.update_or_create(
                        source=self.source,
                        kind="image",
                        key=str(wp_id),
                        defaults={
                            "wp_id": wp_id,
                            "guid": attachment.url[:500],
                            "object_id": image.pk,
                        },
                    )
            except Exception as error:  # noqa: BLE001 - Pillow refuses many ways
                self.images[wp_id] = None
                self.report.problem(
                    wp_id, attachment.title, f"image unreadable: {error}"
                )
                continue
            self.images[wp_id] = self._found(image.pk, attachment)

    @staticmethod
    def _found(pk: int, attachment: Attachment) -> FoundImage:
        return FoundImage(pk, attachment.alt, attachment.caption, attachment.title)

    # The body converter's view of the site (body.Links).

    def image(self, wp_id: int | None, url: str) -> FoundImage | None:
        if wp_id is not None and wp_id in self.images:
            return self.images[wp_id]
        if url:
            relative = _relative_upload(url)
            for candidate in (relative, _SIZED.sub("", relative)):
                found_id = self.scanned.by_relative.get(candidate)
                if found_id is not None:
                    return self.images.get(found_id)
        return None

    def _target_wp_id(self, href: str) -> int | None:
        parts = urlsplit(href)
        if parts.netloc and parts.netloc.lower() != self.host:
            return None
        if not parts.netloc and not href.startswith("/"):
            return None
        query = parse_qs(parts.query)
        for key in ("p", "page_id"):
            if key in query and query[key][0].isdigit():
                return int(query[key][0])
        return self.scanned.links.get(_path(href))

    def page(self, href: str) -> int | None:
        wp_id = self._target_wp_id(href)
        return self.pages.get(wp_id) if wp_id is not None else None

    def is_internal(self, href: str) -> bool:
        wp_id = self._target_wp_id(href)
        return wp_id is not None and wp_id in self.scanned.statuses

    # -- one post --------------------------------------------------------------

    def _one(self, item: Item) -> None:
        title = item.title or f"#{item.wp_id}"
        if item.status in ("private", "trash"):
            self.report.add("skipped")
            self.report.problem(item.wp_id, title, f"skipped: status {item.status}")
            return
        if item.status not in ("publish", "draft", "future", "pending"):
            self.report.add("skipped")
            self.report.problem(
                item.wp_id, title, f"skipped: status {item.status or 'none'}"
            )
            return
        code = self._edition_of(item)
        if code is None:
            self.report.add("skipped")
            self.report.problem(
                item.wp_id, title, "skipped: its language is no edition here"
            )
            return
        digest = hashlib.sha256(
            json.dumps(
                [
                    item.title,
                    item.slug,
                    item.content,
                    item.excerpt,
                    item.status,
                    item.date_gmt,
                    item.modified_gmt,
                    [t.__dict__ for t in item.terms],
                    item.meta.get("_thumbnail_id", ""),
                    item.creator,
                    code,
                ],
                ensure_ascii=False,
            ).encode()
        ).hexdigest()
        kind = "page" if item.post_type == "page" else "post"
        known = self.known.get((kind, str(item.wp_id)))
        if known and known.page_id and known.digest == digest:
            self.report.add("unchanged")
            return
        try:
            with transaction.atomic():
                self._write_page(item, code, kind, digest, known)
        except Exception as error:  # noqa: BLE001 - one post never stops the run
            self.report.add("failed")
            self.report.problem(
                item.wp_id, title, f"failed: {type(error).__name__}: {error}"
            )

    def _write_page(
        self, item: Item, code: str, kind: str, digest: str, known: ImportedItem | None
    ) -> None:
        locale = self.locales[code]
        home = self.homes[code]
        converted = convert(item.content, self)
        for name in converted.shortcodes:
            self.report.shortcodes[name] += 1
        reasons = list(converted.notes)
        if converted.shortcodes:
            reasons.append(
                "shortcodes kept as text: "
                + ", ".join(sorted({f"[{s}]" for s in converted.shortcodes}))
            )
        is_new = not (known and known.page_id)
        if is_new:
            page: ArticlePage | StandardPage
            if kind == "page":
                parent: Page = self._page_parent(item, home)
                page = StandardPage(locale=locale)
            else:
                parent = self._section(item, code, home)
                page = ArticlePage(locale=locale)
            page.slug = self._free_slug(parent, self._slug(item))
            group = self._translation_of(item, locale)
            if group is not None:
                page.translation_key = group
        else:
            assert known is not None and known.page is not None  # noqa: S101
            page = Page.objects.get(
                pk=known.page_id
            ).specific.get_latest_revision_as_object()
            parent = page.get_parent()
        page.title = (item.title or item.slug or f"#{item.wp_id}")[:255]
        page.draft_title = page.title
        blocks = converted.blocks
        if isinstance(page, ArticlePage):
            page.standfirst = _plain(item.excerpt)
            self._lead_image(page, item, reasons)
            self._bylines(page, item, code, reasons)
            names = [t.name for t in item.terms_of("post_tag") if t.name][:50]
            page.tags.clear()
            if names:
                page.tags.add(*names)
                for name in names:
                    if (code, name) not in self.tags_seen:
                        self.tags_seen.add((code, name))
                        self.report.add("tags")
            if not blocks:
                reasons.append("empty body")
                blocks = [
                    {
                        "type": "paragraph",
                        "value": "<p>"
                        + _escape(page.standfirst or page.title)
                        + "</p>",
                    }
                ]
        else:
            page.introduction = _plain(item.excerpt)
        page.body = blocks
        if converted.unresolved_links:
            self.forward.append(item.wp_id)
        published = _when(item.date_gmt) or _when(item.date_local)
        modified = _when(item.modified_gmt) or published
        if published is None:
            published = timezone.now()
        status = item.status
        last = max(modified or published, published)
        if is_new and status == "publish":
            self._create_live(parent, page, published, last)
            self.report.add("pages" if kind == "page" else "posts")
            self._permalinks(item, page)
        else:
            self._save_through_revision(
                item, page, parent, is_new, published, last, reasons
            )
        if not is_new:
            self.report.add("updated")
        fields = {
            "wp_id": item.wp_id,
            "guid": item.guid[:500],
            "digest": digest,
            "page": page,
            "pending": True,
        }
        if known is not None:
            ImportedItem.objects.filter(pk=known.pk).update(**fields)
            self.updated.append(page.pk)
        else:
            ImportedItem.objects.create(
                source=self.source, kind=kind, key=str(item.wp_id), **fields
            )
        if is_new:
            self.slugs.setdefault(parent.pk, set()).add(page.slug)
        self.keys[page.pk] = (page.translation_key, page.locale_id)
        self.translated.add((page.translation_key, page.locale_id))
        self.pages[item.wp_id] = page.pk
        self.written.append(page.pk)
        if reasons:
            self.report.problem(item.wp_id, page.title, "; ".join(reasons))

    def _save_through_revision(
        self,
        item: Item,
        page: ArticlePage | StandardPage,
        parent: Page,
        is_new: bool,
        published: dt.datetime,
        last: dt.datetime,
        reasons: list[str],
    ) -> None:
        """A draft, scheduled or pending post, or a change to one imported
        before: a revision, published through Wagtail when the post is."""
        status = item.status
        kind = "page" if item.post_type == "page" else "post"
        if is_new:
            page.live = False
            if status == "future" and published <= timezone.now():
                # Published before: the newsletter mails only first publications.
                page.first_published_at = published
            parent.add_child(instance=page)
        if status == "future":
            page.go_live_at = published
        revision = page.save_revision(
            user=self.user, log_action=not is_new, clean=False
        )
        if status == "publish":
            revision.publish(user=self.user)
            type(page).objects.filter(pk=page.pk).update(
                first_published_at=published, last_published_at=last
            )
            self.report.add("pages" if kind == "page" else "posts")
            self._permalinks(item, page)
        elif status == "future":
            revision.publish(user=self.user)
            self.report.add("scheduled" if published > timezone.now() else "posts")
        elif status == "pending":
            workflow = page.get_workflow()
            if workflow is not None and page.workflow_in_progress is False:
                workflow.start(page, self.user)
            elif workflow is None:
                reasons.append("submitted for review, but no review workflow covers it")
            self.report.add("submitted")
        else:
            self.report.add("drafts")

    def _create_live(
        self,
        parent: Page,
        page: ArticlePage | StandardPage,
        published: dt.datetime,
        last: dt.datetime,
    ) -> None:
        """A new published post, left as Wagtail's create-then-publish leaves
        it (validated, one revision that is live and latest, a publish entry
        in its history, `page_published` sent), with one full save: publishing
        through the revision would read back the revision just written and
        save the whole page again, which cost a third of each post."""
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = published
        page.last_published_at = last
        parent.add_child(instance=page)
        revision = page.save_revision(
            user=self.user, log_action=False, clean=False, changed=False
        )
        Page.objects.filter(pk=page.pk).update(live_revision=revision)
        page.live_revision = revision
        log(
            instance=page,
            action="wagtail.publish",
            user=self.user,
            revision=revision,
            content_changed=True,
        )
        # Receivers see the page as Wagtail's publish shows it, published now,
        # so the newsletter takes an archived piece for a republication.
        page.last_published_at = timezone.now()
        page_published.send(sender=type(page), instance=page, revision=revision)
        page.last_published_at = last

    def _slug(self, item: Item) -> str:
        slug = unquote(item.slug or "").strip()
        try:
            validate_slug(slug)
        except ValidationError:
            slug = slugify(slug or item.title)
        return (slug or f"post-{item.wp_id}")[:200]

    def _free_slug(self, parent: Page, slug: str) -> str:
        """A slug no sibling has (siblings read once per parent and run)."""
        taken = self.slugs.get(parent.pk)
        if taken is None:
            taken = self.slugs[parent.pk] = set(
                parent.get_children().values_list("slug", flat=True)
            )
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    def _translation_of(self, item: Item, locale: Locale):
        """The translation key of an imported translation of this post."""
        groups = translation_groups(item)
        if not groups:
            return None
        # Polylang also lists the group's posts in the term's description.
        description = self.terms.get(("post_translations", groups[0]))
        ids = (
            [int(n) for n in re.findall(r"i:(\d+);", description.description)]
            if description
            else []
        )
        ids += self.scanned.groups.get(groups[0], [])
        siblings = [
            wp_id for wp_id in ids if wp_id != item.wp_id and wp_id in self.pages
        ]
        for wp_id in siblings:
            page_id = self.pages[wp_id]
            if page_id not in self.keys:
                other = (
                    Page.objects.filter(pk=page_id)
                    .values_list("translation_key", "locale_id")
                    .first()
                )
                if other is None:
                    continue
                self.keys[page_id] = other
            key, locale_id = self.keys[page_id]
            if locale_id == locale.pk:
                continue
            if (key, locale.pk) not in self.translated and not Page.objects.filter(
                translation_key=key, locale=locale
            ).exists():
                self.report.add("translations")
                return key
        return None

    def _page_parent(self, item: Item, home: HomePage) -> Page:
        if item.parent_id and item.parent_id in self.pages:
            parent = Page.objects.filter(pk=self.pages[item.parent_id]).first()
            if (
                parent is not None
                and parent.specific_class is StandardPage
                and parent.locale_id == home.locale_id
            ):
                return parent
        return home

    def _section(self, item: Item, code: str, home: HomePage) -> SectionPage:
        categories = item.terms_of("category")
        primary = item.meta.get("_yoast_wpseo_primary_category", "")
        chosen = None
        if primary.isdigit() and int(primary) in self.term_ids:
            term = self.term_ids[int(primary)]
            chosen = (unquote(term.slug), term.name)
        elif categories:
            chosen = (unquote(categories[0].slug), categories[0].name)
        else:
            chosen = ("uncategorized", "Uncategorized")
        wp_slug, name = chosen
        target = self.section_map.get(wp_slug, wp_slug)
        section = self._ensure_section(
            code,
            home,
            target,
            name if target == wp_slug else self._name_of(target, name),
        )
        self.categories[(code, wp_slug)] = section
        return section

    def _name_of(self, slug: str, fallback: str) -> str:
        term = self.terms.get(("category", slug))
        return term.name if term else fallback

    def _ensure_section(
        self, code: str, home: HomePage, slug: str, name: str
    ) -> SectionPage:
        key = (code, slug)
        if key in self.sections:
            return self.sections[key]
        our_slug = slugify(slug) or "section"
        section = SectionPage.objects.child_of(home).filter(slug=our_slug).first()
        if section is None:
            section = SectionPage(
                title=name or slug,
                slug=our_slug,
                show_in_menus=True,
                locale=home.locale,
            )
            home.add_child(instance=section)
            section.save_revision(user=self.user).publish(user=self.user)
            self.report.add("sections")
            self.to_index.setdefault(SectionPage, []).append(section.pk)
        self.sections[key] = section
        return section

    def _lead_image(self, page: ArticlePage, item: Item, reasons: list[str]) -> None:
        thumbnail = item.meta.get("_thumbnail_id", "")
        if not thumbnail.isdigit():
            return
        found = self.images.get(int(thumbnail))
        if found is None:
            reasons.append(f"featured image {thumbnail} missing")
            return
        if found.image_id is None:
            return
        page.lead_image_id = found.image_id
        page.lead_image_alt = (found.alt or found.caption or found.title)[:300]
        page.lead_image_caption = found.caption[:400]

    def _bylines(
        self, page: ArticlePage, item: Item, code: str, reasons: list[str]
    ) -> None:
        logins = [t.slug.removeprefix("cap-") for t in item.terms_of("author")]
        if not logins and item.creator:
            logins = [item.creator]
        people: list[Person] = []
        for login in logins:
            person = self._person(login, code)
            if person is not None and person not in people:
                people.append(person)
        if not people:
            reasons.append("no author; bylined as the publication")
            fallback = self._person("", code)
            assert fallback is not None  # noqa: S101 - "" always gives the publication
            people = [fallback]
        page.article_authors = [
            ArticleAuthor(person=p, sort_order=i) for i, p in enumerate(people)
        ]

    def _person(self, login: str, code: str) -> Person | None:
        key = (login, code)
        if key in self.people:
            return self.people[key]
        author = self.scanned.channel.authors.get(login)
        guest = self.scanned.guests.get(login) or self.scanned.guests.get(
            f"cap-{login}"
        )
        if login == "":
            display, bio = self.scanned.channel.title or settings.WAGTAIL_SITE_NAME, ""
        elif author is not None:
            display = (
                author.display_name
                or " ".join(p for p in (author.first_name, author.last_name) if p)
                or login
            )
            bio = guest.bio if guest else ""
        elif guest is not None:
            display, bio = guest.name, guest.bio
        else:
            display, bio = login, ""
        locale = self.locales[code]
        known = ImportedItem.objects.filter(
            source=self.source, kind="person", key=f"{login}@{code}"
        ).first()
        person = (
            Person.objects.filter(pk=known.object_id).first()
            if known and known.object_id
            else None
        )
        name, pen_name = split_pen_name(display)
        if person is None:
            person = Person(
                name=name[:200], pen_name=pen_name[:200], bio=bio, locale=locale
            )
            other = (
                ImportedItem.objects.filter(
                    source=self.source, kind="person", key__startswith=f"{login}@"
                )
                .exclude(key=f"{login}@{code}")
                .first()
            )
            if other and other.object_id:
                sibling = Person.objects.filter(pk=other.object_id).first()
                if sibling is not None:
                    person.translation_key = sibling.translation_key
            person.save()
            ImportedItem.objects.update_or_create(
                source=self.source,
                kind="person",
                key=f"{login}@{code}",
                defaults={"object_id": person.pk, "guid": login[:500]},
            )
            self.report.add("people")
            self.to_index.setdefault(Person, []).append(person.pk)
        elif (person.name, person.pen_name, person.bio) != (
            name[:200],
            pen_name[:200],
            bio or person.bio,
        ):
            person.name, person.pen_name, person.bio = (
                name[:200],
                pen_name[:200],
                bio or person.bio,
            )
            person.save()
        self.people[key] = person
        return person

    # -- old addresses ---------------------------------------------------------

    def _redirect(self, old: str, *, page: Page | None = None, link: str = "") -> None:
        path = Redirect.normalise_path(old)
        target_path = (
            Redirect.normalise_path(page.url)
            if page is not None and page.url
            else Redirect.normalise_path(link)
            if link
            else ""
        )
        if not path or path == target_path:
            return
        _redirect, created = Redirect.objects.update_or_create(
            old_path=path,
            site=None,
            defaults={
                "redirect_page": page,
                "redirect_link": "" if page else link,
                "is_permanent": True,
            },
        )
        if created:
            self.report.add("redirects")

    def _permalinks(self, item: Item, page: Page) -> None:
        """Every old address of one post, in one read and one write."""
        olds = []
        if item.link:
            olds.append(urlsplit(item.link).path or "/")
            if parse_qs(urlsplit(item.link).query):
                olds.append(item.link.split(self.host, 1)[-1])
        key = "page_id" if item.post_type == "page" else "p"
        olds.append(f"/?{key}={item.wp_id}")
        if (
            item.guid
            and urlsplit(item.guid).netloc.lower() == self.host
            and "?" in item.guid
        ):
            olds.append(item.guid.split(self.host, 1)[-1])
        target = Redirect.normalise_path(page.url) if page.url else ""
        paths = list(
            dict.fromkeys(
                path
                for path in (Redirect.normalise_path(old) for old in olds)
                if path and path != target
            )
        )
        existing = {
            r.old_path: r
            for r in Redirect.objects.filter(site=None, old_path__in=paths)
        }
        new = []
        for path in paths:
            found = existing.get(path)
            if found is None:
                new.append(
                    Redirect(
                        old_path=path,
                        site=None,
                        redirect_page=page,
                        redirect_link="",
                        is_permanent=True,
                    )
                )
            elif (
                found.redirect_page_id != page.pk
                or found.redirect_link
                or not found.is_permanent
            ):
                Redirect.objects.filter(pk=found.pk).update(
                    redirect_page=page, redirect_link="", is_permanent=True
                )
        Redirect.objects.bulk_create(new)
        self.report.add("redirects", len(new))

    def _term_redirects(self) -> None:
        """/category/…/, /tag/…/, /author/…/ and /feed/ of each edition."""
        default = self.edition or settings.LANGUAGE_CODE
        for (code, slug), section in self.categories.items():
            prefix = "" if code == default else f"/{code}"
            path = self._category_path(slug)
            self._redirect(f"{prefix}/category/{path}/", page=section)
            self._redirect(
                f"{prefix}/category/{path}/feed/",
                link=f"/{code}/feeds/section/{section.slug}/rss.xml",
            )
        for code in {c for c, _s in self.sections}:
            prefix = "" if code == default else f"/{code}"
            self._redirect(f"{prefix}/feed/", link=f"/{code}/feeds/rss.xml")
            tags = TagIndexPage.of_edition(self.locales[code].pk)
            if tags is not None:
                for tag_code, name in self.tags_seen:
                    if tag_code != code:
                        continue
                    tag = Tag.objects.filter(name=name).first()
                    term = next(
                        (
                            t
                            for t in self.scanned.channel.terms
                            if t.taxonomy == "post_tag" and t.name == name
                        ),
                        None,
                    )
                    wp_slug = term.slug if term else slugify(name)
                    if tag is not None:
                        self._redirect(
                            f"{prefix}/tag/{wp_slug}/",
                            link=tags.tag_url(None, tag.slug),
                        )
            authors = AuthorIndexPage.of_edition(self.locales[code].pk)
            if authors is not None:
                for (login, person_code), person in self.people.items():
                    if person_code == code and login:
                        self._redirect(
                            f"{prefix}/author/{login}/",
                            link=authors.author_url(None, person.slug),
                        )

    def _category_path(self, slug: str) -> str:
        parts = [slug]
        seen = {slug}
        term = self.terms.get(("category", slug))
        while term is not None and unquote(term.parent) not in seen | {""}:
            parent = unquote(term.parent)
            parts.insert(0, parent)
            seen.add(parent)
            term = self.terms.get(("category", parent))
        return "/".join(parts)

    def _relink(self) -> None:
        """Posts that linked to posts imported after them get a new revision
        whose links now point at those pages."""
        if not self.forward:
            return
        wanted = set(self.forward)
        _channel, items = read_all(self.export)
        for item in items:
            if item.wp_id not in wanted or item.wp_id not in self.pages:
                continue
            page = Page.objects.get(pk=self.pages[item.wp_id]).specific
            latest = page.get_latest_revision_as_object()
            latest.body = convert(item.content, self).blocks or latest.body
            with transaction.atomic():
                revision = latest.save_revision(user=self.user, clean=False)
                if page.live and item.status == "publish":
                    revision.publish(user=self.user)
                    if isinstance(page, ArticlePage):
                        type(page).objects.filter(pk=page.pk).update(
                            first_published_at=page.first_published_at,
                            last_published_at=page.last_published_at,
                        )

    # -- search ----------------------------------------------------------------

    @contextmanager
    def _held_index(self) -> Iterator[None]:
        """Wagtail's index-on-save off for the run; pages go to the search
        backends in batches instead (see the module's docstring)."""
        models_ = [
            m for m in get_indexed_models() if getattr(m, "search_auto_update", True)
        ]
        for model in models_:
            post_save.disconnect(post_save_signal_handler, sender=model)
        try:
            yield
        finally:
            for model in models_:
                post_save.connect(post_save_signal_handler, sender=model)

    def _index(self) -> None:
        """The search index of every page this source's runs wrote and did
        not index yet, in batches, then of the people, sections and images
        this run made."""
        pending = ImportedItem.objects.filter(
            source=self.source, pending=True, page__isnull=False
        )
        ids = list(pending.order_by("page_id").values_list("page_id", flat=True))
        self.written = list(dict.fromkeys([*self.written, *ids]))
        for start in range(0, len(ids), INDEX_BATCH):
            chunk = ids[start : start + INDEX_BATCH]
            with transaction.atomic():
                self._index_objects(
                    ArticlePage,
                    ArticlePage.objects.filter(pk__in=chunk).prefetch_related(
                        "article_authors__person", "tags"
                    ),
                )
                self._index_objects(
                    StandardPage, StandardPage.objects.filter(pk__in=chunk)
                )
                pending.filter(page_id__in=chunk).update(pending=False)
        for model, pks in self.to_index.items():
            self._index_objects(model, model._default_manager.filter(pk__in=pks))
        self.to_index = {}

    def _index_objects(self, model: type[models.Model], queryset) -> None:
        objects = list(queryset)
        if not objects:
            return
        for backend in get_search_backends():
            backend.add_bulk(model, objects)


def _plain(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html or "", "html.parser").get_text(" ", strip=True)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def import_wordpress(export: Path | str, **options) -> Report:
    """Import one WordPress export; see `Importer`."""
    return Importer(export, **options).run()


__all__ = ["ExportError", "Importer", "import_wordpress", "load_section_map", "scan"]

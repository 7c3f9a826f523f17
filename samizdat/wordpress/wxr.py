"""Reading a WordPress export (WXR 1.0 to 1.2) as a stream.

The file is read with `iterparse` and each `<item>` is dropped as soon as it
has been turned into an `Item`, so memory stays flat whatever the size of the
archive. Entities and DTDs are refused (defusedxml), so a hostile file cannot
expand itself. Every fault of the file itself (not XML, not WXR, cut short,
an encoding Python does not know) becomes one `ExportError` with one line."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

WP_PREFIX = "http://wordpress.org/export/"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
EXCERPT_PREFIX = "{http://wordpress.org/export/"
_DECLARATION = re.compile(rb"""<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


class ExportError(Exception):
    """The file cannot be read as a WordPress export; the message says why."""


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    wp_id: int = 0


@dataclass(frozen=True)
class Term:
    """A category, tag or other taxonomy term declared at the top of the file."""

    taxonomy: str
    slug: str
    name: str
    parent: str = ""
    description: str = ""
    term_id: int = 0


@dataclass(frozen=True)
class ItemTerm:
    """A term an item carries: `<category domain=... nicename=...>`."""

    domain: str
    slug: str
    name: str


@dataclass
class Item:
    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    slug: str = ""
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    date_gmt: str = ""
    date_local: str = ""
    modified_gmt: str = ""
    parent_id: int = 0
    menu_order: int = 0
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    def terms_of(self, domain: str) -> list[ItemTerm]:
        return [t for t in self.terms if t.domain == domain]


@dataclass
class Channel:
    """What the file says about the site, read before its first item."""

    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    wxr_version: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)

    @property
    def source(self) -> str:
        """The site the export came from, which keys what we remember of it."""
        return (self.base_blog_url or self.base_site_url or self.link).rstrip("/")


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _brace, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _text(element: Element | None) -> str:
    return (element.text or "") if element is not None else ""


def _int(value: str) -> int:
    try:
        return int(value.strip() or 0)
    except ValueError:
        return 0


def _check_encoding(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(200)
    if not head.strip():
        raise ExportError(f"{path.name} is empty.")
    found = _DECLARATION.search(head)
    if found:
        name = found.group(1).decode("ascii")
        try:
            codecs.lookup(name)
        except LookupError as error:
            raise ExportError(
                f"{path.name} declares an unknown encoding, {name!r}."
            ) from error


def _wp(name: str, element: Element) -> str:
    """The text of the `wp:name` child, whatever the WXR version."""
    for child in element:
        namespace, local = _local(child.tag)
        if local == name and namespace.startswith(WP_PREFIX):
            return child.text or ""
    return ""


def _item(element: Element) -> Item:
    item = Item(wp_id=_int(_wp("post_id", element)), post_type="", status="")
    for child in element:
        namespace, name = _local(child.tag)
        text = child.text or ""
        if namespace == "":
            if name == "title":
                item.title = text.strip()
            elif name == "link":
                item.link = text.strip()
            elif name == "guid":
                item.guid = text.strip()
            elif name == "category":
                item.terms.append(
                    ItemTerm(
                        domain=child.get("domain", ""),
                        slug=child.get("nicename", ""),
                        name=text.strip(),
                    )
                )
        elif child.tag == CONTENT:
            item.content = text
        elif child.tag == DC_CREATOR:
            item.creator = text.strip()
        elif namespace.startswith(WP_PREFIX) and namespace.endswith("/excerpt/"):
            item.excerpt = text.strip()
        elif namespace.startswith(WP_PREFIX):
            if name == "post_type":
                item.post_type = text.strip()
            elif name == "status":
                item.status = text.strip()
            elif name == "post_name":
                item.slug = text.strip()
            elif name == "post_date_gmt":
                item.date_gmt = text.strip()
            elif name == "post_date":
                item.date_local = text.strip()
            elif name == "post_modified_gmt":
                item.modified_gmt = text.strip()
            elif name == "post_parent":
                item.parent_id = _int(text)
            elif name == "menu_order":
                item.menu_order = _int(text)
            elif name == "attachment_url":
                item.attachment_url = text.strip()
            elif name == "postmeta":
                key, value = _wp("meta_key", child), _wp("meta_value", child)
                if key:
                    item.meta[key] = value
    return item


def _author(element: Element) -> Author:
    return Author(
        login=_wp("author_login", element).strip(),
        display_name=_wp("author_display_name", element).strip(),
        email=_wp("author_email", element).strip(),
        first_name=_wp("author_first_name", element).strip(),
        last_name=_wp("author_last_name", element).strip(),
        wp_id=_int(_wp("author_id", element)),
    )


def _term(name: str, element: Element) -> Term:
    if name == "category":
        return Term(
            taxonomy="category",
            slug=_wp("category_nicename", element).strip(),
            name=_wp("cat_name", element).strip(),
            parent=_wp("category_parent", element).strip(),
            description=_wp("category_description", element).strip(),
            term_id=_int(_wp("term_id", element)),
        )
    if name == "tag":
        return Term(
            taxonomy="post_tag",
            slug=_wp("tag_slug", element).strip(),
            name=_wp("tag_name", element).strip(),
            description=_wp("tag_description", element).strip(),
            term_id=_int(_wp("term_id", element)),
        )
    return Term(
        taxonomy=_wp("term_taxonomy", element).strip(),
        slug=_wp("term_slug", element).strip(),
        name=_wp("term_name", element).strip(),
        parent=_wp("term_parent", element).strip(),
        description=_wp("term_description", element).strip(),
        term_id=_int(_wp("term_id", element)),
    )


class Export:
    """One WXR file. `channel()` reads the site's header (authors, terms);
    `items()` streams the items, each read once and then forgotten."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    def _events(self) -> Iterator[tuple[str, Element]]:
        _check_encoding(self.path)
        handle: IO[bytes] = self.path.open("rb")
        try:
            yield from iterparse(handle, events=("start", "end"))
        except (ParseError, DefusedXmlException) as error:
            raise ExportError(
                f"{self.path.name} is not readable XML: {error}."
            ) from error
        except (LookupError, UnicodeDecodeError) as error:
            raise ExportError(
                f"{self.path.name} has text in an unknown encoding: {error}."
            ) from error
        finally:
            handle.close()

    def read(self) -> Iterator[Channel | Item]:
        """The channel (yielded once, when its first item starts or the file
        ends), then every item in file order."""
        channel = Channel()
        depth = 0
        stack: list[Element] = []
        root_checked = False
        channel_sent = False
        for event, element in self._events():
            namespace, name = _local(element.tag)
            if event == "start":
                depth += 1
                stack.append(element)
                if not root_checked:
                    root_checked = True
                    if name != "rss":
                        raise ExportError(
                            f"{self.path.name} is not a WordPress export (it is XML "
                            f"whose root is <{name}>, not <rss>)."
                        )
                if name == "item" and depth == 3 and not channel_sent:
                    self._check_wxr(channel)
                    channel_sent = True
                    yield channel
                continue
            depth -= 1
            stack.pop()
            parent = stack[-1] if stack else None
            if depth == 2 and parent is not None and _local(parent.tag)[1] == "channel":
                if name == "item":
                    yield _item(element)
                elif namespace.startswith(WP_PREFIX):
                    self._channel_field(channel, name, element)
                elif namespace == "":
                    if name == "title":
                        channel.title = _text(element).strip()
                    elif name == "link":
                        channel.link = _text(element).strip()
                    elif name == "language":
                        channel.language = _text(element).strip()
                parent.remove(element)
        if not root_checked:
            raise ExportError(f"{self.path.name} has no XML in it.")
        if not channel_sent:
            self._check_wxr(channel)
            yield channel

    def _check_wxr(self, channel: Channel) -> None:
        if not channel.wxr_version:
            raise ExportError(
                f"{self.path.name} is an RSS file but not a WordPress export "
                "(it has no <wp:wxr_version>)."
            )

    @staticmethod
    def _channel_field(channel: Channel, name: str, element: Element) -> None:
        if name == "wxr_version":
            channel.wxr_version = _text(element).strip()
        elif name == "base_site_url":
            channel.base_site_url = _text(element).strip()
        elif name == "base_blog_url":
            channel.base_blog_url = _text(element).strip()
        elif name == "author":
            author = _author(element)
            if author.login:
                channel.authors[author.login] = author
        elif name in ("category", "tag", "term"):
            channel.terms.append(_term(name, element))


def read_all(path: Path | str) -> tuple[Channel, Iterator[Item]]:
    """The channel and an iterator over the items that follow it."""
    stream = Export(path).read()
    first: Any = next(stream)
    assert isinstance(first, Channel)  # noqa: S101 - read() yields it first

    def items() -> Iterator[Item]:
        for found in stream:
            if isinstance(found, Item):
                yield found

    return first, items()

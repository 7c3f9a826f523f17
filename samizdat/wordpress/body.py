"""A WordPress post body (block editor or classic editor) as the blocks of
our article body: paragraphs, subheadings, quotations with speakers, pull
quotes and images. Whatever cannot become one of them is kept as text and
noted, never dropped without a word; third-party iframes and scripts never
come through (an embed becomes a link to the provider's page)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from dateutil import parser as dateparser

from .shortcodes import (
    SHORTCODE,
    Delimited,
    autop,
    has_blocks,
    parse_blocks,
    shortcode_attrs,
)

ALLOWED_TAGS = {"p", "br", "b", "i", "a", "ul", "ol", "li"}
_RENAME = {"strong": "b", "em": "i"}
_DROP = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "noscript",
    "form",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "center",
}
_WP_IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(
    r"\b(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|[A-Za-z]{3,9}\s+\d{4})\b"
)


@dataclass(frozen=True)
class FoundImage:
    """An imported image and what the export says about it."""

    image_id: int | None  # None in a dry run: the file exists but is not stored
    alt: str = ""
    caption: str = ""
    title: str = ""


class Links(Protocol):
    def image(self, wp_id: int | None, url: str) -> FoundImage | None:
        """The image behind an attachment id or URL, or None when missing."""

    def page(self, href: str) -> int | None:
        """The id of our page for a link to an imported post, if any."""

    def is_internal(self, href: str) -> bool:
        """Whether `href` points at a post of the exported site."""


@dataclass
class Converted:
    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    shortcodes: list[str] = field(default_factory=list)
    unresolved_links: int = 0
    images: int = 0


def _block(kind: str, value: object) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def said_on(text: str) -> tuple[str, str | None]:
    """A cite's text without its date, and the date (ISO) when it has one."""
    found = _ISO_DATE.search(text)
    date: dt.date | None = None
    if found:
        try:
            date = dt.date(*(int(g) for g in found.groups()))
        except ValueError:
            date = None
    else:
        found = _WORD_DATE.search(text)
        if found:
            try:
                parsed = dateparser.parse(
                    found.group(0), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
                )
                date = parsed.date()
            except (ValueError, OverflowError):
                date = None
    if date is None or found is None:
        return text.strip(), None
    rest = (text[: found.start()] + text[found.end() :]).strip()
    rest = re.sub(r"[\s,،;:–—-]+$", "", rest)
    rest = re.sub(r"^[\s,،;:–—-]+", "", rest)
    return rest.strip(), date.isoformat()


class BodyConverter:
    """One post's body: `convert()` returns the blocks and what was lost."""

    def __init__(self, links: Links):
        self.links = links
        self.out = Converted()

    def convert(self, content: str) -> Converted:
        if has_blocks(content):
            for block in parse_blocks(content):
                self._delimited(block)
        else:
            self._html(autop(self._captions(content)))
        return self.out

    # -- the block editor ------------------------------------------------------

    def _delimited(self, block: Delimited) -> None:
        name = block.name.removeprefix("core/")
        html = block.html
        if name == "freeform":
            self._html(autop(self._captions(html)))
        elif name in (
            "paragraph",
            "heading",
            "list",
            "html",
            "table",
            "preformatted",
            "verse",
            "code",
        ):
            html = block.whole or html
            if name == "html" and re.search(
                r"<(iframe|script|object|embed)\b", html, re.I
            ):
                self._note("raw HTML with a script or frame was reduced to text")
            self._html(html)
        elif name == "quote":
            self._html(block.whole or html)
        elif name == "pullquote":
            soup = BeautifulSoup(html, "html.parser")
            for cite in soup.find_all("cite"):
                cite.decompose()
            text = soup.get_text(" ", strip=True)
            if text:
                self.out.blocks.append(_block("pull_quote", text))
        elif name in ("image", "gallery"):
            if block.inner:
                for inner in block.inner:
                    self._delimited(inner)
            else:
                self._html(html, wp_id=block.attrs.get("id"))
        elif name in ("separator", "spacer", "more", "nextpage"):
            return
        elif name == "embed" or block.name.startswith("core-embed/"):
            url = block.attrs.get("url") or ""
            provider = block.attrs.get("providerNameSlug") or block.name.split("/")[-1]
            soup = BeautifulSoup(html, "html.parser")
            caption = soup.find("figcaption")
            if not url:
                url = soup.get_text(" ", strip=True).split(" ")[0]
            self._embed(
                url, str(provider), caption.get_text(" ", strip=True) if caption else ""
            )
        elif name == "shortcode":
            self._html(autop(self._captions(html)))
        elif name in (
            "group",
            "columns",
            "column",
            "cover",
            "media-text",
            "buttons",
            "button",
            "details",
        ):
            if block.inner:
                for inner in block.inner:
                    self._delimited(inner)
            else:
                self._html(html)
        else:
            self._note(f"block {block.name} kept as text")
            self._html(block.whole or html)

    # -- shortcodes ------------------------------------------------------------

    def _captions(self, text: str) -> str:
        """[caption] becomes a figure; any other shortcode stays as text and
        is listed in the report."""

        def replace(match: re.Match) -> str:
            name = match.group("name").lower()
            if name in ("caption", "wp_caption"):
                attrs = shortcode_attrs(match.group("attrs") or "")
                inner = match.group("inner") or ""
                soup = BeautifulSoup(inner, "html.parser")
                img = soup.find("img")
                if img is None:
                    return inner
                caption = attrs.get("caption", "")
                img_html = str(
                    img.parent if img.parent and img.parent.name == "a" else img
                )
                text_part = BeautifulSoup(inner.replace(img_html, ""), "html.parser")
                caption = caption or text_part.get_text(" ", strip=True)
                wp_id = attrs.get("id", "").removeprefix("attachment_")
                figure = soup.new_tag("figure")
                if wp_id.isdigit():
                    figure["data-wp-id"] = wp_id
                figure.append(img)
                figcaption = soup.new_tag("figcaption")
                figcaption.string = caption
                figure.append(figcaption)
                return "\n\n" + str(figure) + "\n\n"
            if name in ("embed",):
                return "\n\n" + (match.group("inner") or "") + "\n\n"
            self.out.shortcodes.append(name)
            return match.group(0)

        return SHORTCODE.sub(replace, text)

    # -- HTML ------------------------------------------------------------------

    def _html(self, html: str, wp_id: object = None) -> None:
        soup = BeautifulSoup(html, "html.parser")
        pending: list[str] = []
        for node in list(soup.contents):
            if isinstance(node, NavigableString):
                if str(node).strip() and not _is_comment(node):
                    pending.append(str(node))
                continue
            if not isinstance(node, Tag):
                continue
            if node.name in _block_level():
                self._paragraph("".join(pending))
                pending = []
                self._element(node, wp_id)
            else:
                if node.name == "img" or node.find("img"):
                    self._paragraph("".join(pending))
                    pending = []
                    self._images(node, wp_id)
                    continue
                pending.append(str(node))
        self._paragraph("".join(pending))

    def _element(self, node: Tag, wp_id: object) -> None:
        name = node.name
        if name in _HEADINGS:
            text = node.get_text(" ", strip=True)
            if text:
                if len(text) > 200:
                    self._note(
                        "a heading longer than 200 characters became a paragraph"
                    )
                    self._paragraph(f"<b>{_escape(text)}</b>")
                else:
                    self.out.blocks.append(_block("subheading", text))
        elif name == "p":
            if node.find("img"):
                self._images(node, wp_id)
                rest = BeautifulSoup(str(node), "html.parser")
                for img in rest.find_all("img"):
                    (
                        img.parent
                        if img.parent
                        and img.parent.name == "a"
                        and len(img.parent.contents) == 1
                        else img
                    ).decompose()
                if rest.get_text(strip=True):
                    self._paragraph(str(rest))
            else:
                self._paragraph(str(node))
        elif name == "blockquote":
            self._quotation(node)
        elif name == "figure":
            if node.find("img"):
                self._images(node, wp_id)
            elif node.find(["iframe", "video", "audio", "embed", "object"]):
                frame = node.find(["iframe", "video", "audio", "embed", "object"])
                src = str(frame.get("src") or frame.get("data") or "") if frame else ""
                caption = node.find("figcaption")
                self._embed(
                    src, "", caption.get_text(" ", strip=True) if caption else ""
                )
            else:
                self._html(node.decode_contents())
        elif name in ("ul", "ol"):
            self._paragraph(str(node))
        elif name == "hr":
            return
        elif name in _DROP:
            src = str(node.get("src") or "")
            if src:
                self._embed(src, "", "")
            else:
                self._note(f"a <{name}> was left out")
        elif name in _CONTAINERS or name in ("figcaption", "li", "dl", "dd", "dt"):
            self._html(node.decode_contents(), wp_id)
        elif name == "pre":
            self._paragraph(
                "<p>"
                + "<br>".join(_escape(line) for line in node.get_text().splitlines())
                + "</p>"
            )
        elif name == "table":
            self._note("a table became paragraphs")
            for row in node.find_all("tr"):
                cells = [
                    c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])
                ]
                if any(cells):
                    self._paragraph(
                        "<p>" + _escape(" · ".join(c for c in cells if c)) + "</p>"
                    )
        else:
            self._paragraph(str(node))

    def _quotation(self, node: Tag) -> None:
        cite_tag = node.find("cite")
        source_url = str(node.get("cite") or "")
        cite = ""
        if cite_tag is not None:
            cite = cite_tag.get_text(" ", strip=True)
            link = cite_tag.find("a")
            if link is not None and not source_url:
                source_url = str(link.get("href") or "")
            cite_tag.decompose()
        paragraphs = [p.get_text(" ", strip=True) for p in node.find_all("p")]
        text = "\n\n".join(p for p in paragraphs if p) or node.get_text(" ", strip=True)
        if not text:
            return
        speaker, date = said_on(cite) if cite else ("", None)
        if not speaker:
            self._note("a quotation without a named speaker became a paragraph")
            self._paragraph("<p><i>" + _escape(text) + "</i></p>")
            return
        role = ""
        parts = re.split(r"\s*[,،]\s*", speaker, maxsplit=1)
        if len(parts) == 2:
            speaker, role = parts
        value = {
            "text": text,
            "speaker": speaker[:200],
            "speaker_role": role[:200],
            "date_said": date,
            "source_url": source_url
            if source_url.startswith(("http://", "https://"))
            else "",
        }
        self.out.blocks.append(_block("quotation", value))

    def _images(self, node: Tag, wp_id: object) -> None:
        imgs = [node] if node.name == "img" else node.find_all("img")
        figcaption = node.find("figcaption") if node.name != "img" else None
        caption = figcaption.get_text(" ", strip=True) if figcaption else ""
        figure_id = str(node.get("data-wp-id") or "")
        for img in imgs:
            found_id: int | None = None
            match = _WP_IMAGE_CLASS.search(" ".join(img.get("class") or []))
            if match:
                found_id = int(match.group(1))
            elif figure_id.isdigit():
                found_id = int(figure_id)
            elif isinstance(wp_id, int) and len(imgs) == 1:
                found_id = wp_id
            src = str(img.get("src") or "")
            found = self.links.image(found_id, src)
            if found is None:
                self._note(f"image {src or found_id} not found in the media folder")
                if caption:
                    self._paragraph("<p>" + _escape(caption) + "</p>")
                continue
            alt = str(img.get("alt") or "").strip() or found.alt
            if not alt:
                alt = caption or found.caption or found.title
                self._note(
                    f"image {src or found_id} had no alt text; "
                    "its caption or title stands in"
                )
            self.out.images += 1
            if found.image_id is None:
                continue
            self.out.blocks.append(
                _block(
                    "image",
                    {
                        "image": found.image_id,
                        "alt_text": alt[:300],
                        "caption": (caption or found.caption)[:400],
                        "credit": "",
                    },
                )
            )

    def _embed(self, url: str, provider: str, caption: str) -> None:
        if not url.startswith(("http://", "https://")):
            self._note("an embed without an address was left out")
            return
        label = caption or (f"{provider}: {url}" if provider else url)
        self._paragraph(f'<p><a href="{_escape(url)}">{_escape(label)}</a></p>')

    def _paragraph(self, html: str) -> None:
        if not html.strip():
            return
        cleaned = self._clean(html)
        if not BeautifulSoup(cleaned, "html.parser").get_text(strip=True):
            return
        self.out.blocks.append(_block("paragraph", cleaned))

    def _clean(self, html: str) -> str:
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all(True):
            if tag.name in _RENAME:
                tag.name = _RENAME[tag.name]
            if tag.name in _DROP:
                tag.decompose()
        for a in soup.find_all("a"):
            href = str(a.get("href") or "")
            for attribute in list(a.attrs):
                if attribute != "href":
                    del a[attribute]
            if not href:
                continue
            page_id = self.links.page(href)
            if page_id is not None:
                del a["href"]
                a["linktype"] = "page"
                a["id"] = str(page_id)
            elif self.links.is_internal(href):
                self.out.unresolved_links += 1
        cleaned = nh3.clean(
            str(soup),
            tags=ALLOWED_TAGS,
            attributes={"a": {"href", "linktype", "id"}},
            url_schemes={"http", "https", "mailto"},
            link_rel=None,
        ).strip()
        if not cleaned.startswith(("<p>", "<ul>", "<ol>")):
            cleaned = f"<p>{cleaned}</p>"
        return cleaned

    def _note(self, text: str) -> None:
        if text not in self.out.notes:
            self.out.notes.append(text)


def _block_level() -> set[str]:
    return {
        "p",
        "blockquote",
        "figure",
        "ul",
        "ol",
        "hr",
        "pre",
        "table",
        "dl",
        *_HEADINGS,
        *_CONTAINERS,
        *_DROP,
        "figcaption",
        "li",
    }


def _is_comment(node: NavigableString) -> bool:
    return isinstance(node, Comment)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def convert(content: str, links: Links) -> Converted:
    """The blocks of one post body."""
    return BodyConverter(links).convert(content)


def text_blocks(paragraphs: Iterable[str]) -> list[dict]:
    return [_block("paragraph", f"<p>{_escape(p)}</p>") for p in paragraphs if p]

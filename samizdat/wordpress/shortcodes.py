"""WordPress's own text conventions: `wpautop` paragraphs, shortcodes and the
block editor's comment delimiters, read without WordPress."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

# Tags that wpautop never wraps in <p>.
_BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|"
    "pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|"
    "section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|"
    "menu|summary|iframe|script|object|embed|video|audio"
)
_BLOCK_OPEN = re.compile(rf"^\s*<(?:{_BLOCK_TAGS})[\s/>]", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"</(?:{_BLOCK_TAGS})>\s*$", re.IGNORECASE)
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)

SHORTCODE = re.compile(
    r"\[(?P<name>[A-Za-z][\w-]*)(?P<attrs>(?:\s[^\]]*)?)\]"
    r"(?:(?P<inner>.*?)\[/(?P=name)\])?",
    re.DOTALL,
)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


def autop(text: str) -> str:
    """Paragraphs from blank lines and line breaks from single newlines, as
    WordPress's wpautop does for classic-editor posts."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _PRE.sub(keep, text)
    # A block-level tag starts its own paragraph.
    text = re.sub(rf"(<(?:{_BLOCK_TAGS})[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</(?:{_BLOCK_TAGS})>)", r"\1\n\n", text, flags=re.I)
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text) if c.strip()]
    out: list[str] = []
    for chunk in chunks:
        if (
            chunk.startswith("\x00")
            or _BLOCK_OPEN.match(chunk)
            or _BLOCK_CLOSE.search(chunk)
        ):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    html = "\n".join(out)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], html)


def shortcode_attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
        for m in _ATTR.finditer(text)
    }


@dataclass
class Delimited:
    """One block of the block editor: its name, attributes, own HTML (with
    inner blocks' HTML left out) and inner blocks."""

    name: str
    attrs: dict
    html: str = ""
    inner: list[Delimited] = field(default_factory=list)
    # Everything between the opening and closing delimiters, inner blocks'
    # HTML in place and their delimiters taken out.
    whole: str = ""


_DELIMITER = re.compile(
    r"<!--\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)"
    r"\s+(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)


def has_blocks(content: str) -> bool:
    return _DELIMITER.search(content) is not None


def parse_blocks(content: str) -> list[Delimited]:
    """The block editor's tree; HTML outside any block becomes a `freeform`
    block (WordPress does the same)."""
    root = Delimited("root", {})
    stack = [root]
    starts: list[int] = []
    position = 0
    for match in _DELIMITER.finditer(content):
        between = content[position : match.start()]
        if between.strip():
            _add_html(stack[-1], between)
        position = match.end()
        name = match.group("name")
        if "/" not in name:
            name = "core/" + name
        try:
            attrs = json.loads(match.group("attrs") or "{}")
        except ValueError:
            attrs = {}
        if not isinstance(attrs, dict):
            attrs = {}
        if match.group("close"):
            if len(stack) > 1 and stack[-1].name == name:
                closed = stack.pop()
                closed.whole = _DELIMITER.sub("", content[starts.pop() : match.start()])
            continue
        block = Delimited(name, attrs)
        stack[-1].inner.append(block)
        if not match.group("void"):
            stack.append(block)
            starts.append(match.end())
    tail = content[position:]
    if tail.strip():
        _add_html(stack[-1], tail)
    return root.inner


def _add_html(parent: Delimited, html: str) -> None:
    if parent.name == "root":
        parent.inner.append(Delimited("core/freeform", {}, html))
    else:
        parent.html += html

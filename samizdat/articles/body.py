"""The words of an article body, for reading time, search and related
articles: one walk over the blocks, whether they come as a StreamField value
or as the JSON stored in the database (read over a whole archive by related
articles, where building block values would cost far more than the words).

Each use names which fields of a structured block count as words: the
running text a reader reads (reading time), what the search index holds,
what related articles compare. Paragraphs are their text without markup;
any other block is its text."""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from wagtail.fields import StreamValue
from wagtail.rich_text import RichText

WORDS_PER_MINUTE = 200

Fields = Mapping[str, tuple[str, ...]]

READING: Fields = {"quotation": ("text",), "image": ("caption",)}
SEARCH: Fields = {
    "quotation": ("text", "speaker", "speaker_role"),
    "image": ("caption", "alt_text"),
}
RELATED: Fields = {
    "quotation": ("text", "speaker", "speaker_role"),
    "image": ("alt_text", "caption", "credit"),
}

# Words only are wanted, so a tag is simply cut out (Django's strip_tags runs
# an HTML parser, many times slower over a whole archive).
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def _blocks(body: StreamValue | str | None) -> Iterator[tuple[str, Any]]:
    """(block type, value) of every block of a body, from either form."""
    if not body:
        return
    if isinstance(body, str):
        try:
            raw = json.loads(body)
        except ValueError:
            return
        if isinstance(raw, str):  # PostgreSQL jsonb cast to text may nest once
            raw = json.loads(raw)
        for block in raw if isinstance(raw, list) else ():
            if isinstance(block, dict):
                yield str(block.get("type", "")), block.get("value")
        return
    for block in body:
        yield block.block_type, block.value


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a value of a block type not named in the fields."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, RichText):
        yield value.source
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, Iterable):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def _words(block_type: str, value: Any, fields: Fields) -> Iterator[str]:
    if block_type in fields:
        if isinstance(value, Mapping):
            for key in fields[block_type]:
                yield str(value.get(key) or "")
        return
    yield from _strings(value)


def body_text(body: StreamValue | str | None, fields: Fields = SEARCH) -> str:
    """The plain text of a body (a StreamField value or its stored JSON):
    paragraphs without markup, headings, and the `fields` of quotations and
    images."""
    parts = (
        part
        for block_type, value in _blocks(body)
        for part in _words(block_type, value, fields)
    )
    return html.unescape(_TAG.sub(" ", " ".join(p for p in parts if p)))


def reading_minutes(body: StreamValue | str | None) -> int:
    """Minutes to read a body at a steady pace; at least one."""
    words = len(_WORD.findall(body_text(body, READING)))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))

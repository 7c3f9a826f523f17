"""Text normalisation for matching words: search and related articles.

One module, used at index time and at query time, so both sides of a match
see the same letters. Stored text is never changed: these functions produce
the words that go into an index.

Persian: Arabic kaf and yeh (ك ي ى) fold to Persian (ک ی), Arabic-Indic and
Persian digits fold to ASCII digits, harakat and tatweel are dropped, and the
zero-width non-joiner is removed, so "می‌خواهم" and "میخواهم" are one word.
Sorani Kurdish letters (ە ێ ۆ ڵ ڕ) are left as they are."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .conf import DIGITS

_FOREIGN_DIGITS = {
    ch: str(i)
    for family in DIGITS.values()
    for i, ch in enumerate(family)
    if not ch.isascii()
}
_LETTERS = {
    "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH (Persian kaf)
    "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ARABIC LETTER ALEF MAKSURA -> FARSI YEH
}
# Harakat and Quranic marks (U+064B-U+065F, U+0670, U+06D6-U+06ED), tatweel,
# and invisible format characters: ZWNJ, ZWJ, direction marks, soft hyphen, BOM.
_DROPPED = re.compile(
    "[\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]"
)
_WORD = re.compile(r"[^\W_]+")
_STORED_WORD = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])+"
)
_TABLE = str.maketrans(
    {
        **{ord(ch): to for ch, to in _LETTERS.items()},
        **{ord(ch): digit for ch, digit in _FOREIGN_DIGITS.items()},
    }
)


_ACCENTED = re.compile("[\u00c0-\u024f]")


def _strip_latin_accents(text: str) -> str:
    if text.isascii() or not _ACCENTED.search(text):
        return text
    out = []
    for ch in text:
        if "\u00c0" <= ch <= "\u024f":
            ch = "".join(
                c
                for c in unicodedata.normalize("NFKD", ch)
                if not unicodedata.combining(c)
            )
        out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    """The text with letters, digits and marks folded; words stay in place."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _DROPPED.sub("", text).translate(_TABLE)
    return _strip_latin_accents(text).casefold()


def words(text: str) -> list[str]:
    """The normalised words of a text, in order (punctuation dropped)."""
    return _WORD.findall(fold(text))


def normalise(text: str) -> str:
    """The normalised words of a text joined by spaces: what an index stores."""
    return " ".join(words(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Each word of the stored text with its position and its normalised form.

    For highlighting: a match found on normalised words is marked on the
    original text, which keeps its own spelling."""
    spans = []
    for match in _STORED_WORD.finditer(text or ""):
        folded = _one_word(match.group())
        if folded:
            spans.append((match.start(), match.end(), folded))
    return spans


@lru_cache(maxsize=65536)
def _one_word(stored: str) -> str:
    return "".join(words(stored))

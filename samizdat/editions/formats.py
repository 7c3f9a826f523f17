"""Dates and digits as each edition writes them, as text (no JavaScript)."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone, translation
from persiantools.jdatetime import JalaliDate

from .conf import DIGITS, edition_for

_TO_LATIN = {
    ord(ch): str(i) for family in DIGITS.values() for i, ch in enumerate(family)
}


def localise_digits(text: object, code: str | None = None) -> str:
    """Write every digit of `text` in the edition's digits."""
    text = str(text)
    family = DIGITS[edition_for(code).digits]
    if family == DIGITS["latn"]:
        return text
    return text.translate({ord(str(i)): ch for i, ch in enumerate(family)})


def latin_digits(text: str) -> str:
    """Fold Persian and Arabic-Indic digits to ASCII digits."""
    return text.translate(_TO_LATIN)


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def format_date(value: dt.date | dt.datetime | None, code: str | None = None) -> str:
    """A reader-facing date, e.g. '8 March 2025' or '۱۸ اسفند ۱۴۰۳'."""
    if value is None:
        return ""
    edition = edition_for(code)
    day = _as_date(value)
    if edition.calendar == "jalali":
        jalali = JalaliDate(day)
        month = jalali.strftime("%B", locale="fa")
        return localise_digits(f"{jalali.day} {month} {jalali.year}", edition.code)
    with translation.override(edition.code):
        text = formats.date_format(day, "j F Y")
    return localise_digits(text, edition.code)


def iso_datetime(value: dt.date | dt.datetime | None) -> str:
    """The machine-readable form for <time datetime>."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()

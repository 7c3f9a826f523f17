"""Form fields that read what a reader types the way their edition writes it."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from persiantools.jdatetime import JalaliDate

from .conf import edition_for
from .formats import latin_digits, localise_digits

_YEAR_MONTH_DAY = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
# Solar Hijri years run some 621 behind; no reader means a Gregorian 1403.
_FIRST_GREGORIAN_YEAR = 1700
_EXAMPLE = dt.date(2025, 4, 20)


def example(code: str | None = None) -> str:
    """A date written as the edition's date field expects it."""
    edition = edition_for(code)
    if edition.calendar == "jalali":
        day = JalaliDate(_EXAMPLE)
        return localise_digits(f"{day.year}/{day.month:02}/{day.day:02}", edition.code)
    return _EXAMPLE.isoformat()


class EditionDateInput(forms.DateInput):
    """The browser's date picker where the edition's calendar is the
    browser's (Gregorian); elsewhere a text box for year/month/day in the
    edition's calendar and digits, since no browser's picker offers the
    Solar Hijri calendar."""

    def get_context(self, name, value, attrs):
        edition = edition_for()
        picker = edition.calendar == "gregorian"
        if not picker:
            attrs = {
                **(attrs or {}),
                "inputmode": "numeric",
                "autocomplete": "off",
                "placeholder": example(edition.code),  # the format expected
            }
        context = super().get_context(name, value, attrs)
        if picker:
            context["widget"]["type"] = "date"
        return context


class EditionDateField(forms.DateField):
    """A date given as year/month/day in the edition's calendar, with any
    digits and `-`, `/` or `.` between (۱۴۰۴/۰۱/۳۱, 1404-1-31); an ISO
    Gregorian date (2025-04-20, what links and the date picker send) is
    taken in every edition."""

    widget = EditionDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        found = _YEAR_MONTH_DAY.fullmatch(latin_digits(str(value)).strip())
        if found:
            year, month, day = (int(part) for part in found.groups())
            try:
                if year < _FIRST_GREGORIAN_YEAR and edition_for().calendar == "jalali":
                    return JalaliDate(year, month, day).to_gregorian()
                return dt.date(year, month, day)
            except ValueError:
                pass
        raise forms.ValidationError(
            _("Enter a date as year/month/day, for example %(example)s."),
            code="invalid",
            params={"example": example()},
        )

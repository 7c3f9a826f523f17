"""Calendar months as an edition counts them: Gregorian months in English,
Solar Hijri months in Persian, so a Persian reader's timeline runs Esfand,
Bahman... and each month's address names its own year and month."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils import formats, translation
from persiantools.jdatetime import JalaliDate

from samizdat.editions.conf import edition_for
from samizdat.editions.formats import localise_digits


@dataclass(frozen=True)
class Month:
    """One month of an edition's calendar, with its Gregorian bounds."""

    year: int
    month: int
    first: dt.date
    last: dt.date
    label: str


def month_of(day: dt.date, code: str | None = None) -> Month:
    edition = edition_for(code)
    if edition.calendar == "jalali":
        jalali = JalaliDate(day)
        return month_at(jalali.year, jalali.month, edition.code)
    return month_at(day.year, day.month, edition.code)


def month_at(year: int, month: int, code: str | None = None) -> Month:
    """The month `year`/`month` of the edition's calendar; ValueError if none."""
    edition = edition_for(code)
    if not 1 <= month <= 12 or not 1 <= year <= 9000:
        raise ValueError("no such month")
    if edition.calendar == "jalali":
        first = JalaliDate(year, month, 1)
        days = JalaliDate.days_in_month(month, year)
        label = first.strftime("%B %Y", locale="fa")
        return Month(
            year,
            month,
            first.to_gregorian(),
            JalaliDate(year, month, days).to_gregorian(),
            localise_digits(label, edition.code),
        )
    first_day = dt.date(year, month, 1)
    last_day = dt.date(year, month, calendar.monthrange(year, month)[1])
    with translation.override(edition.code):
        label = formats.date_format(first_day, "F Y")
    return Month(year, month, first_day, last_day, localise_digits(label, edition.code))

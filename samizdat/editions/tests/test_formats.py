from __future__ import annotations

import datetime as dt

from samizdat.editions.formats import (
    format_date,
    iso_datetime,
    latin_digits,
    localise_digits,
)


def test_it_writes_an_english_date_in_the_gregorian_calendar():
    assert format_date(dt.date(2025, 3, 8), "en") == "8 March 2025"


def test_it_writes_a_persian_date_in_solar_hijri_with_persian_digits():
    assert format_date(dt.date(2025, 3, 8), "fa") == "۱۸ اسفند ۱۴۰۳"


def test_it_takes_the_day_of_an_aware_datetime_in_the_site_time_zone():
    moment = dt.datetime(2025, 3, 8, 23, 30, tzinfo=dt.UTC)
    assert format_date(moment, "fa") == "۱۸ اسفند ۱۴۰۳"
    assert format_date(moment, "en") == "8 March 2025"


def test_it_writes_nothing_for_a_missing_date():
    assert format_date(None, "fa") == ""
    assert iso_datetime(None) == ""


def test_it_writes_a_machine_readable_date_for_time_elements():
    assert iso_datetime(dt.date(2025, 3, 8)) == "2025-03-08"
    moment = dt.datetime(2025, 3, 8, 9, 5, 30, tzinfo=dt.UTC)
    assert iso_datetime(moment) == "2025-03-08T09:05+00:00"


def test_it_localises_digits_per_edition():
    assert localise_digits("Page 12 of 2025", "fa") == "Page ۱۲ of ۲۰۲۵"
    assert localise_digits(1403, "en") == "1403"


def test_it_folds_persian_and_arabic_digits_back_to_latin():
    assert latin_digits("۱۴۰۳ و ٢٠٢٥") == "1403 و 2025"

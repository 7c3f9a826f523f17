from __future__ import annotations

import pytest
from django.test import override_settings
from django.utils import translation

from samizdat.editions.conf import all_editions, edition_for


def test_it_takes_direction_from_django_language_info():
    assert edition_for("en").direction == "ltr"
    assert edition_for("fa").direction == "rtl"


def test_it_takes_calendar_and_digits_from_settings():
    english, persian = edition_for("en"), edition_for("fa")
    assert (english.calendar, english.digits) == ("gregorian", "latn")
    assert (persian.calendar, persian.digits) == ("jalali", "persian")
    assert persian.name == "فارسی"


def test_it_follows_the_active_language():
    with translation.override("fa"):
        assert edition_for().code == "fa"
    with translation.override("en-gb"):
        assert edition_for().code == "en"


def test_it_lists_every_configured_edition_in_order():
    assert [e.code for e in all_editions()] == ["en", "fa"]


def test_it_reads_changed_settings_without_a_restart():
    languages = [("en", "English"), ("fa", "فارسی"), ("ar", "العربية")]
    editions = {
        "en": {},
        "fa": {"calendar": "jalali", "digits": "persian"},
        "ar": {"digits": "arab"},
    }
    with override_settings(
        LANGUAGES=languages,
        WAGTAIL_CONTENT_LANGUAGES=languages,
        SAMIZDAT_EDITIONS=editions,
    ):
        arabic = edition_for("ar")
        assert [e.code for e in all_editions()] == ["en", "fa", "ar"]
    assert (arabic.name, arabic.direction, arabic.digits) == ("العربية", "rtl", "arab")
    assert arabic.calendar == "gregorian"


def test_it_refuses_an_unknown_calendar():
    with (
        override_settings(SAMIZDAT_EDITIONS={"en": {"calendar": "lunar"}}),
        pytest.raises(ValueError, match="unknown calendar"),
    ):
        edition_for("en")


def test_each_edition_carries_the_outlets_name_in_its_own_script():
    assert edition_for("en").site_name == "Samizdat"
    assert edition_for("fa").site_name == "سامیزدات"


def test_an_edition_without_a_name_of_its_own_takes_the_outlets():
    editions = {"en": {}, "fa": {"calendar": "jalali", "digits": "persian"}}
    with override_settings(SAMIZDAT_EDITIONS=editions, WAGTAIL_SITE_NAME="Zeitoon"):
        assert [e.site_name for e in all_editions()] == ["Zeitoon", "Zeitoon"]

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samizdat.editions.slugs import ZWNJ, slugify, validate_slug


def test_it_keeps_the_zero_width_non_joiner_of_persian_words():
    assert slugify("می‌خواهم بدانم") == "می\u200cخواهم-بدانم"
    assert ZWNJ in slugify("می‌شود")


def test_it_drops_a_zwnj_that_joins_nothing():
    assert slugify("\u200cکتاب\u200c - \u200cخانه") == "کتاب-خانه"


def test_it_makes_latin_slugs_like_django():
    assert slugify("  Rivers Run Dry! ") == "rivers-run-dry"


def test_it_accepts_zwnj_in_a_slug_and_refuses_punctuation():
    validate_slug("می\u200cخواهم-بدانم")
    with pytest.raises(ValidationError):
        validate_slug("a/b")

from __future__ import annotations

import pytest

from samizdat.editions.text import fold, normalise, word_spans, words


def test_it_folds_arabic_kaf_and_yeh_to_persian():
    assert normalise("كتاب علي") == normalise("کتاب علی")
    assert normalise("مصطفى") == "مصطفی"


def test_it_folds_arabic_presentation_forms():
    assert normalise("\ufed9") == "ک"


@pytest.mark.parametrize("digits", ["۱۴۰۳", "١٤٠٣", "1403"])
def test_it_folds_every_digit_family_to_one(digits):
    assert normalise(digits) == "1403"


def test_it_drops_harakat_and_tatweel():
    assert normalise("کِتَابٌ") == "کتاب"
    assert normalise("کتـــاب") == "کتاب"
    assert normalise("اللّٰه") == normalise("الله")


def test_it_joins_words_split_by_zwnj():
    assert normalise("می\u200cخواهم") == normalise("میخواهم") == "میخواهم"
    assert normalise("کتاب\u200cها") == "کتابها"


@pytest.mark.parametrize("letter", ["ە", "ێ", "ۆ", "ڵ", "ڕ"])
def test_it_leaves_sorani_kurdish_letters_alone(letter):
    assert normalise(f"ک{letter}") == f"ک{letter}"


def test_it_keeps_kurdish_words_intact():
    assert normalise("کوردستانێکی سەربەخۆ ڕۆژ گوڵ") == "کوردستانێکی سەربەخۆ ڕۆژ گوڵ"


def test_it_lowercases_and_drops_latin_accents_and_punctuation():
    assert words("Café, CAFÉ! naïve_user (x)") == ["cafe", "cafe", "naive", "user", "x"]


def test_it_drops_invisible_direction_marks():
    assert normalise("\u200fسلام\u200e") == "سلام"


def test_it_gives_nothing_for_empty_or_punctuation_only_text():
    assert normalise("") == ""
    assert normalise(None) == ""
    assert words('"*() -- ;') == []


def test_it_handles_mixed_scripts():
    assert words("انتخابات 2024 Iran ايران") == ["انتخابات", "2024", "iran", "ایران"]


def test_it_does_not_change_the_text_it_is_given():
    text = "كتاب می\u200cخواهم"
    fold(text)
    assert text == "كتاب می\u200cخواهم"


def test_it_finds_word_positions_in_the_stored_spelling():
    text = "او مي\u200cخواهد كتابِ نو"
    spans = word_spans(text)
    assert [s[2] for s in spans] == ["او", "میخواهد", "کتاب", "نو"]
    start, end, _ = spans[1]
    assert text[start:end] == "مي\u200cخواهد"
    start, end, _ = spans[2]
    assert text[start:end] == "كتابِ"

"""Snippets say each thing once and mark the reader's word in its other forms."""

from __future__ import annotations

from samizdat.search.queries import highlight, snippet, without_repeats


def test_it_leaves_out_a_sentence_the_standfirst_already_said():
    standfirst = "Talks resumed in Vienna on Monday."
    body = "Talks resumed in Vienna on Monday. Delegates met for six hours."
    text = without_repeats(f"{standfirst} {body}")
    assert text == "Talks resumed in Vienna on Monday. Delegates met for six hours."
    marked = snippet(f"{standfirst} {body}", ["vienna"])
    assert marked.count("Vienna") == 2  # only because the input repeats it
    assert str(snippet(text, ["vienna"])).count("Vienna") == 1


def test_it_marks_other_forms_of_an_english_word():
    text = "The negotiations stalled; a negotiator left, negotiating nothing."
    marked = str(snippet(text, ["negotiation"]))
    assert "<mark>negotiations</mark>" in marked
    assert "<mark>negotiating</mark>" in marked
    assert "<mark>stalled</mark>" not in marked
    assert str(highlight("Negotiations resume", ["negotiation"])) == (
        "<mark>Negotiations</mark> resume"
    )


def test_it_marks_persian_words_as_normalised_and_escapes_the_rest():
    text = "مذاكرات ادامه دارد. مذاکرات ادامه دارد. <b>پایان</b>"
    marked = str(snippet(without_repeats(text), ["مذاکرات"]))
    assert marked.count("<mark>") == 1 and "<mark>مذاكرات</mark>" in marked
    assert "&lt;b&gt;" in marked

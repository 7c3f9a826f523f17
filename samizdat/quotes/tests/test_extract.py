from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from samizdat.articles.tests import factories
from samizdat.quotes.extract import Speaker, find

PEOPLE = [
    Speaker(1, "Ali Khamenei", ("the Supreme Leader",)),
    Speaker(2, "Donald Trump"),
]
PIECE_DATE = dt.date(2025, 3, 12)  # a Wednesday

ENGLISH = (
    'On March 8, 2025, Khamenei stated, "We will not negotiate under pressure. '
    'Never." He added: “The path is clear.”\n\n'
    "Trump declared on Monday, “They will come to the table, and they call it "
    "‘a deal’ for a reason.” Critics called the plan a “reform”. "
    "The Supreme Leader told reporters: “We are ready.”"
)


def test_it_finds_english_statements_speakers_and_dates():
    found = find(ENGLISH, PEOPLE, language="en", piece_date=PIECE_DATE)
    assert [(p.text, p.speaker_id, p.date_said) for p in found] == [
        ("We will not negotiate under pressure. Never.", 1, "2025-03-08"),
        ("The path is clear.", 1, "2025-03-08"),
        (
            "They will come to the table, and they call it ‘a deal’ for a reason.",
            2,
            "2025-03-10",
        ),
        ("We are ready.", 1, "2025-03-10"),
    ]
    first = found[0]
    assert ENGLISH[first.start : first.end].startswith('"We will')
    assert 0 < first.confidence <= 1


def test_it_finds_persian_statements_with_solar_hijri_dates():
    people = [Speaker(3, "علی خامنه‌ای"), Speaker(4, "دونالد ترامپ")]
    text = (
        "علی خامنه‌ای روز ۱۸ اسفند ۱۴۰۳ گفت: «ما زیر فشار مذاکره نمی‌کنیم.» "
        "او افزود: «راه روشن است.»\n\n"
        "«آنها سر میز می‌آیند.»؛ ترامپ این را روز دوشنبه اعلام کرد. "
        "منتقدان طرح موسوم به «اصلاحات» را نمایشی خواندند. "
        "خامنه ای در 20 اسفند 1403 نوشت: «آماده‌ایم.»"
    )
    found = find(text, people, language="fa", piece_date=PIECE_DATE)
    assert [(p.text, p.speaker_id, p.date_said) for p in found] == [
        ("ما زیر فشار مذاکره نمی‌کنیم.", 3, "2025-03-08"),
        ("راه روشن است.", 3, "2025-03-08"),
        ("آنها سر میز می‌آیند.", 4, "2025-03-10"),
        ("آماده‌ایم.", 3, "2025-03-10"),
    ]


def test_it_leaves_scare_quotes_and_unattributed_spans_alone():
    text = 'The so-called "reform" failed. Trump said the "deal" was off.'
    assert find(text, PEOPLE, language="en") == []


def test_the_command_prints_one_json_object_per_proposal(tmp_path, editions):
    factories.person("Ali Khamenei", public_figure=True)
    passage = tmp_path / "wire.txt"
    passage.write_text(ENGLISH, encoding="utf-8")
    out = io.StringIO()
    call_command("extract_quotes", str(passage), "--date", "2025-03-12", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 4
    assert set(rows[0]) == {
        "text",
        "speaker",
        "speaker_id",
        "date_said",
        "start",
        "end",
        "confidence",
    }
    assert rows[0]["speaker"] == "Ali Khamenei" and rows[0]["speaker_id"]
    # Trump is not in People: named as typed, for the editor to link.
    assert rows[2]["speaker"] == "Trump" and rows[2]["speaker_id"] is None
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("extract_quotes", str(passage), "--date", "12/03/2025")
    with pytest.raises(CommandError, match="unknown edition"):
        call_command("extract_quotes", str(passage), "--edition", "xx")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("extract_quotes", str(tmp_path / "missing.txt"))


def test_an_attribution_between_two_quotations_belongs_to_the_next():
    text = (
        'Khamenei said on March 8, 2025, "We will not negotiate under pressure." '
        "Trump declared, “They will come to the table.” He added: “It is close.”"
    )
    found = find(text, PEOPLE, language="en")
    assert [(p.speaker_id, p.date_said) for p in found] == [
        (1, "2025-03-08"),
        (2, "2025-03-08"),
        (2, "2025-03-08"),
    ]

from __future__ import annotations

import datetime as dt

from django.core.management import call_command

from samizdat.articles.tests import factories
from samizdat.quotes import services
from samizdat.quotes.models import Quotation

from .conftest import quote


def test_it_records_the_quotations_of_published_pieces_only(record):
    texts = set(Quotation.objects.values_list("text", flat=True))
    assert texts == {
        "Water is a right.",
        "We are thirsty.",
        "The courts are fair.",
        "Patience.",
        "آب حق است.",
    }


def test_it_keeps_the_speaker_role_source_and_dates(record):
    row = Quotation.objects.get(text="Water is a right.")
    assert row.person == record.leader
    assert row.speaker_name == "Ali Khamenei"
    assert row.speaker_role == "Leader"
    assert row.date_said == row.said_on == dt.date(2025, 3, 8)
    assert row.source_url == "https://example.org/speech"
    undated = Quotation.objects.get(text="Patience.")
    assert undated.date_said is None
    assert undated.said_on == dt.date(2025, 2, 14)


def test_it_follows_unpublishing_and_ignores_draft_edits(record):
    page = record.first
    page.body = [quote("A draft change.", record.leader)]
    page.save_revision()
    assert Quotation.objects.filter(page=page).count() == 2
    page.refresh_from_db()
    page.unpublish()
    assert not Quotation.objects.filter(page=page).exists()
    page.get_latest_revision().publish()
    assert list(Quotation.objects.filter(page=page).values_list("text", flat=True)) == [
        "A draft change."
    ]


def test_it_takes_the_speaker_in_the_pieces_own_edition(record):
    page = factories.article(
        record.akhbar, body=[quote("سخن دوم.", record.leader, when=dt.date(2025, 5, 1))]
    )
    row = Quotation.objects.get(page=page)
    assert row.person == record.leader_fa
    assert row.speaker_name == "علی خامنه‌ای"


def test_it_keeps_free_text_speakers_unlinked(record):
    page = factories.article(
        record.news, body=[quote("Imported words.", speaker="A. Minister")]
    )
    row = Quotation.objects.get(page=page)
    assert row.person is None and row.speaker_name == "A. Minister"


def test_rebuild_rewrites_the_record(record):
    Quotation.objects.all().delete()
    Quotation.objects.create(
        page=record.hidden,
        locale=record.hidden.locale,
        block_id="x",
        position=0,
        speaker_name="x",
        text="stale",
        said_on=dt.date(2020, 1, 1),
        published_at=record.now,
    )
    call_command(
        "rebuild_quotations",
        stdout=open("/dev/null", "w"),
        stderr=open("/dev/null", "w"),
    )
    assert Quotation.objects.count() == 5
    assert not Quotation.objects.filter(text="stale").exists()
    assert services.record(record.draft.pk) == 0

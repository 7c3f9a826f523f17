from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from samizdat.articles.tests import factories
from samizdat.quotes import services


def quote(text, person=None, speaker="", when=None, role="", source=""):
    value = {"text": text, "speaker": speaker, "speaker_role": role}
    if person is not None:
        value["person"] = person
    if when is not None:
        value["date_said"] = when
    if source:
        value["source_url"] = source
    return ("quotation", value)


@pytest.fixture
def record(editions):
    """A public figure in both editions quoted across several pieces, one of
    them unpublished, one a draft edit, plus a private witness."""
    news = factories.section("News")
    akhbar = factories.section("اخبار", code="fa", slug="akhbar")
    leader = factories.person("Ali Khamenei", public_figure=True, role="Leader")
    leader_fa = leader.copy_for_translation(factories.locale("fa"))
    leader_fa.name = "علی خامنه‌ای"
    leader_fa.slug = "khamenei"
    leader_fa.save()
    witness = factories.person("Sara Ahmadi")
    day = dt.datetime(2025, 4, 1, 9, tzinfo=dt.UTC)
    first = factories.article(
        news,
        "Speech on water",
        tags=["water"],
        published_at=day,
        body=[
            ("paragraph", "<p>He spoke at length.</p>"),
            quote(
                "Water is a right.",
                leader,
                when=dt.date(2025, 3, 8),
                role="Leader",
                source="https://example.org/speech",
            ),
            quote("We are thirsty.", witness, when=dt.date(2025, 3, 9)),
        ],
    )
    second = factories.article(
        news,
        "Speech on courts",
        tags=["courts"],
        published_at=day + dt.timedelta(days=1),
        body=[quote("The courts are fair.", leader, when=dt.date(2025, 1, 20))],
    )
    undated = factories.article(
        news,
        "Undated remark",
        published_at=dt.datetime(2025, 2, 14, 9, tzinfo=dt.UTC),
        body=[quote("Patience.", leader)],
    )
    hidden = factories.article(
        news,
        "Withdrawn",
        body=[quote("Never shown.", leader, when=dt.date(2025, 3, 30))],
    )
    hidden.unpublish()
    draft = factories.article(
        news, "Draft", publish=False, body=[quote("Draft words.", leader)]
    )
    persian = factories.article(
        akhbar,
        "سخنرانی",
        published_at=day,
        body=[quote("آب حق است.", leader_fa, when=dt.date(2025, 3, 8))],
    )
    # The factory back-dates publication after publishing; record again as
    # publishing on that day would have.
    for page in (first, second, undated, persian):
        services.record(page.pk)
    return SimpleNamespace(
        news=news,
        akhbar=akhbar,
        leader=leader,
        leader_fa=leader_fa,
        witness=witness,
        first=first,
        second=second,
        undated=undated,
        hidden=hidden,
        draft=draft,
        persian=persian,
        now=timezone.now(),
    )

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from wagtail.blocks.struct_block import StructBlockValidationError

from samizdat.articles.blocks import QuotationBlock
from samizdat.articles.models import ArticlePage
from samizdat.articles.tests import factories
from samizdat.quotes import services
from samizdat.quotes.models import Quotation

from .conftest import quote

link = importlib.import_module(
    "samizdat.quotes.migrations.0002_link_free_text_speakers"
).link_speakers


def test_a_quotation_needs_a_chosen_or_typed_speaker(db):
    block = QuotationBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Words.", "speaker": " "}))
    typed = block.clean(block.to_python({"text": "Words.", "speaker": "A. Minister"}))
    assert typed["speaker"] == "A. Minister" and typed["person"] is None


def test_a_draft_may_keep_a_quotation_whose_speaker_is_still_to_come(db):
    # Saving a draft (autosave included) defers what publishing requires.
    block = QuotationBlock()
    block.defer_required_validation()
    try:
        draft = block.clean(block.to_python({"text": "Words.", "speaker": ""}))
    finally:
        block.restore_deferred_validation()
    assert draft["text"] == "Words."
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Words.", "speaker": ""}))


def test_the_migration_links_exact_names_per_edition_and_lists_the_rest(record, capsys):
    minister = factories.person("Hassan Rouhani", public_figure=True)
    factories.person("Hassan Rouhani", code="fa")  # same letters, other edition
    page = factories.article(
        record.news,
        body=[
            quote("Linked by name.", speaker="Hassan Rouhani"),
            quote("Nobody known.", speaker="An official"),
        ],
    )
    persian = factories.article(
        record.akhbar, body=[quote("بی‌نام.", speaker="Ali Khamenei")]
    )
    link(apps, None)
    page = ArticlePage.objects.get(pk=page.pk)
    values = [block.value for block in page.body]
    assert values[0]["person"] == minister and values[1]["person"] is None
    revision = page.get_latest_revision_as_object()
    assert [b.value["person"] for b in revision.body] == [minister, None]
    persian_value = ArticlePage.objects.get(pk=persian.pk).body[0].value
    assert persian_value["person"] is None  # no Persian person of that name
    printed = capsys.readouterr().out
    assert "An official" in printed and f"page {persian.pk}: Ali Khamenei" in printed
    services.record(page.pk)
    assert Quotation.objects.get(page=page, text="Linked by name.").person == minister


def test_editors_see_unlinked_speakers(admin_client, record):
    factories.article(record.news, body=[quote("Typed.", speaker="A. Minister")])
    response = admin_client.get("/admin/reports/unlinked-speakers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "A. Minister" in html and "Typed." in html
    assert "Water is a right." not in html

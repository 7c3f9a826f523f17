"""PostgreSQL's own search table follows Wagtail's index and the page rows."""

from __future__ import annotations

import datetime as dt
from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from samizdat.articles.models import ArticlePage, Kind
from samizdat.articles.tests import factories
from samizdat.search.models import SearchPiece

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
migration = import_module("samizdat.search.migrations.0001_search_piece")


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the search table is filled by PostgreSQL triggers")


@pytest.fixture
def news(editions):
    return factories.section("News")


def _titles(client, **params) -> list[str]:
    response = client.get("/en/search/", params)
    return [a.title for a in response.context["results"].page.object_list]


def test_publishing_writes_the_row_with_the_pages_filters(news):
    piece = factories.article(news, "Harbour strike", kind=Kind.REPORT)
    cartoon = factories.caricature(news, "Harbour cartoon")
    row = SearchPiece.objects.get(page_id=piece.pk)
    assert (row.locale_id, row.live, row.section_id, row.kind) == (
        piece.locale_id,
        True,
        news.pk,
        Kind.REPORT,
    )
    assert row.published == piece.first_published_at
    assert SearchPiece.objects.filter(page_id=cartoon.pk).exists()
    # Only pieces: the section page is in Wagtail's index, not in this table.
    assert not SearchPiece.objects.filter(page_id=news.pk).exists()


def test_page_and_article_changes_count_before_any_reindexing(client, news):
    opinion = factories.section("Opinion")
    piece = factories.article(news, "Bridge tolls", kind=Kind.NEWS)
    # Straight UPDATEs: no save signal, so Wagtail re-indexes nothing.
    ArticlePage.objects.filter(pk=piece.pk).update(section=opinion, kind=Kind.OPINION)
    assert _titles(client, q="bridge", section=opinion.pk) == ["Bridge tolls"]
    assert _titles(client, q="bridge", section=news.pk) == []
    assert _titles(client, q="bridge", kind="opinion") == ["Bridge tolls"]
    moved = dt.datetime(2021, 6, 1, 12, tzinfo=dt.UTC)
    Page.objects.filter(pk=piece.pk).update(first_published_at=moved)
    assert _titles(client, q="bridge", before="2021-06-30") == ["Bridge tolls"]
    Page.objects.filter(pk=piece.pk).update(live=False)
    assert _titles(client, q="bridge") == []


def test_unpublishing_editing_and_deleting_follow(client, news):
    piece = factories.article(news, "Water prices rise")
    assert _titles(client, q="water") == ["Water prices rise"]
    draft = piece.get_latest_revision_as_object()
    draft.title, draft.standfirst = "Bread prices rise", "Flour costs more."
    draft.save_revision().publish()
    assert _titles(client, q="bread") == ["Bread prices rise"]
    assert _titles(client, q="water") == []
    piece.refresh_from_db()
    piece.unpublish()
    assert _titles(client, q="bread") == []
    assert SearchPiece.objects.get(page_id=piece.pk).live is False
    piece.delete()
    assert not SearchPiece.objects.filter(page_id=piece.pk).exists()


def test_rebuilding_wagtails_index_rebuilds_the_table(client, news):
    for n in range(3):
        factories.article(news, f"Ferry timetable {n}")
    before = sorted(SearchPiece.objects.values_list("page_id", "entry_id"))
    call_command("update_index", verbosity=0)
    after = sorted(SearchPiece.objects.values_list("page_id", flat=True))
    assert after == [page_id for page_id, _entry in before]
    assert len(_titles(client, q="ferry")) == 3


def test_the_migration_fills_the_table_from_an_existing_index(client, news):
    piece = factories.article(news, "Archive of the old site")
    SearchPiece.objects.all().delete()  # as before the table existed
    assert _titles(client, q="archive") == []
    with connection.cursor() as cursor:
        cursor.execute(migration.BACKFILL)
    assert _titles(client, q="archive") == ["Archive of the old site"]
    assert SearchPiece.objects.get(page_id=piece.pk).section_id == news.pk

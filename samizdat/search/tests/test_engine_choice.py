"""The configured Wagtail search backend decides which engine reads: the
database backend's own index in SQL, any other backend through its API."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models.lookups import Lookup
from django.db.models.sql.where import WhereNode
from modelsearch.backends.base import BaseSearchBackend, BaseSearchQueryCompiler
from wagtail.search.backends import get_search_backend

from samizdat.articles.models import ArticlePage, Kind
from samizdat.articles.tests import factories
from samizdat.search import engine
from samizdat.search.scope import Scope

pytestmark = pytest.mark.django_db

RECORDING = f"{__name__}.RecordingBackend"


class RecordingBackend(BaseSearchBackend):
    """A backend of another kind, as OpenSearch would be: this module cannot
    read its index in SQL, only ask it. It answers from Wagtail's database
    backend through that backend's search API, and keeps what it was asked."""

    asked: list[tuple[str, str]] = []

    def __init__(self, params):
        super().__init__(params)
        self.database = get_search_backend("wagtail.search.backends.database")

    def search(self, query, model_or_queryset, **kwargs):
        self.asked.append((query.query_string, query.operator))
        return self.database.search(query, model_or_queryset, **kwargs)


@pytest.fixture
def recording(settings):
    RecordingBackend.asked = []
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": RECORDING}}
    return RecordingBackend.asked


@pytest.fixture
def archive(editions) -> SimpleNamespace:
    """Pieces indexed by the database backend, before any test swaps it."""
    news, opinion = factories.section("News"), factories.section("Opinion")
    ana, bo = factories.person("Ana Vale"), factories.person("Bo Lind")
    day = dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC)
    # title, section, author, kind, days after `day`
    for title, parent, author, kind, days in [
        ("Harbour strike", news, ana, Kind.REPORT, 0),
        ("Harbour strike ends", news, bo, Kind.NEWS, 5),
        ("Harbour view", opinion, ana, Kind.OPINION, 9),
        ("Harbour dues", news, ana, Kind.NEWS, 20),
        ("Weather", news, ana, Kind.NEWS, 1),
    ]:
        factories.article(
            parent,
            title,
            authors=[author],
            kind=kind,
            published_at=day + dt.timedelta(days=days),
        )
    return SimpleNamespace(news=news, opinion=opinion, ana=ana, bo=bo, day=day.date())


def _titles(client, **params) -> list[str]:
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    return [a.title for a in response.context["results"].page.object_list]


def test_it_reads_the_database_backends_index_in_sql_on_default_settings(archive):
    expected = {"sqlite": engine.SQLiteRanked, "postgresql": engine.PostgresRanked}
    chosen = engine.engine_for(get_search_backend())
    assert chosen is expected[connection.vendor]
    scope = Scope(locale_id=archive.news.locale_id)
    found = engine.matching(scope, ["harbour"], list)
    assert type(found) is chosen
    assert found.count() == 4


def test_it_searches_through_any_other_backend(client, archive, recording):
    assert engine.engine_for(get_search_backend()) is engine.BackendRanked
    assert sorted(_titles(client, q="harbour")) == [
        "Harbour dues",
        "Harbour strike",
        "Harbour strike ends",
        "Harbour view",
    ]
    assert recording == [("harbour", "and")]


def test_it_hands_that_backend_every_filter_of_the_scope(client, archive, recording):
    news, ana, day = archive.news, archive.ana, archive.day
    cases = [
        (
            {"section": news.pk},
            ["Harbour dues", "Harbour strike", "Harbour strike ends"],
        ),
        ({"author": ana.pk}, ["Harbour dues", "Harbour strike", "Harbour view"]),
        ({"kind": Kind.NEWS}, ["Harbour dues", "Harbour strike ends"]),
        (
            {"after": day + dt.timedelta(days=3)},
            ["Harbour dues", "Harbour strike ends", "Harbour view"],
        ),
        (
            {"before": day + dt.timedelta(days=6)},
            ["Harbour strike", "Harbour strike ends"],
        ),
        ({"section": news.pk, "author": ana.pk, "kind": Kind.NEWS}, ["Harbour dues"]),
    ]
    for filters, expected in cases:
        assert sorted(_titles(client, q="harbour", **filters)) == expected, filters
    assert len(recording) == len(cases)


def test_every_filter_it_hands_on_is_one_an_index_can_apply(archive):
    """Elasticsearch and OpenSearch apply only filters on FilterFields, and
    silently drop one on a page pointer (`page_ptr_id`, what both `pk` and
    `id` become on ArticlePage): each leaf of the queryset's filter is
    checked here."""
    scope = Scope(
        locale_id=archive.news.locale_id,
        section_id=archive.news.pk,
        author_id=archive.ana.pk,
        kind=Kind.NEWS,
        after=archive.day,
        before=archive.day + dt.timedelta(days=30),
    )
    pieces = engine.backend_pieces(scope)
    BaseSearchQueryCompiler(pieces, "harbour").check()
    filterable = {
        f.get_attname(ArticlePage) for f in ArticlePage.get_filterable_search_fields()
    }
    columns: list[str] = []

    def leaves(node) -> None:
        if isinstance(node, WhereNode):
            for child in node.children:
                leaves(child)
        else:
            assert isinstance(node, Lookup), node
            columns.append(node.lhs.target.attname)

    leaves(pieces.query.where)
    assert sorted(columns) == [
        "first_published_at",
        "first_published_at",
        "kind",
        "live",
        "locale_id",
        "path",
        "section_id",
    ]
    assert set(columns) <= filterable
    narrowed = dataclasses.replace(scope, after=None, before=None)
    assert set(engine.backend_pieces(narrowed)) == set(narrowed.pieces())


def test_it_refuses_wagtails_fallback_that_cannot_read_the_index(settings, archive):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "modelsearch.backends.database.fallback"}
    }
    scope = Scope(locale_id=archive.news.locale_id)
    with pytest.raises(ImproperlyConfigured, match="cannot search the index"):
        engine.matching(scope, ["harbour"], list)

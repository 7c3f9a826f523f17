from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samizdat.articles.tests import factories
from samizdat.related import queries, services
from samizdat.related.models import PinnedRelated, RelatedArticle
from samizdat.related.tasks import refresh_related

pytestmark = pytest.mark.django_db


def _para(text: str) -> list:
    return [("paragraph", f"<p>{text}</p>")]


WATER = "The river dam drought irrigation farmers reservoir water shortage"
OIL = "The oil refinery exports crude barrels sanctions tanker pipeline"


BACKGROUND = [
    "Football league cup match goal striker stadium",
    "Painting gallery exhibition sculpture artist canvas",
    "Election ballot parliament vote candidate campaign",
]


def _background(section) -> None:
    """Pieces on other subjects, so that shared words are rarer than common ones."""
    for n, text in enumerate(BACKGROUND):
        factories.article(section, f"Other {n}", body=_para(text))


@pytest.fixture
def news(editions):
    section = factories.section("News")
    _background(section)
    return section


def _ids(page) -> list[int]:
    return [p.pk for p in queries.related_for(page)]


def test_it_relates_pieces_on_the_same_subject(news):
    water = [factories.article(news, f"Dam {n}", body=_para(WATER)) for n in range(3)]
    oil = [factories.article(news, f"Oil {n}", body=_para(OIL)) for n in range(3)]
    services.rebuild_all()
    assert set(_ids(water[0])[:2]) == {water[1].pk, water[2].pk}
    assert set(_ids(oil[2])[:2]) == {oil[0].pk, oil[1].pk}
    assert water[0].pk not in _ids(water[0])
    assert len(_ids(water[0])) <= 4


def test_it_keeps_each_edition_to_itself(editions):
    en, fa = factories.section("News"), factories.section("خبر", code="fa", slug="خبر")
    _background(en)
    _background(fa)
    a = factories.article(en, "Dam one", body=_para(WATER))
    factories.article(fa, "Dam two", body=_para(WATER))
    b = factories.article(en, "Dam three", body=_para(WATER))
    services.rebuild_all()
    assert _ids(a) == [b.pk]


def test_it_puts_pinned_pieces_first_in_the_editors_order(news):
    water = [factories.article(news, f"Dam {n}", body=_para(WATER)) for n in range(3)]
    oil = [factories.article(news, f"Oil {n}", body=_para(OIL)) for n in range(2)]
    page = water[0]
    page.pinned_related = [
        PinnedRelated(related=oil[1], sort_order=0),
        PinnedRelated(related=oil[0], sort_order=1),
    ]
    page.save_revision().publish()
    services.rebuild_all()
    assert _ids(page)[:2] == [oil[1].pk, oil[0].pk]
    assert set(_ids(page)[2:]) == {water[1].pk, water[2].pk}


def test_it_never_relates_unpublished_pieces(news, django_capture_on_commit_callbacks):
    a = factories.article(news, "Dam a", body=_para(WATER))
    factories.article(news, "Dam draft", body=_para(WATER), publish=False)
    c = factories.article(news, "Dam c", body=_para(WATER))
    services.rebuild_all()
    assert _ids(a) == [c.pk]
    c.unpublish()
    assert _ids(a) == []  # hidden at once, before any refresh
    with django_capture_on_commit_callbacks(execute=True):
        c.save_revision().publish()
        c.refresh_from_db()
        c.unpublish()
    assert not RelatedArticle.objects.filter(related=c).exists()


def test_it_refreshes_lists_when_a_piece_is_published(
    news, django_capture_on_commit_callbacks
):
    a = factories.article(news, "Dam a", body=_para(WATER))
    factories.article(news, "Oil b", body=_para(OIL))
    services.rebuild_all()
    assert _ids(a) == []
    with django_capture_on_commit_callbacks(execute=True):
        fresh = factories.article(news, "Dam fresh", body=_para(WATER))
    assert _ids(fresh) == [a.pk]
    assert _ids(a) == [fresh.pk]


def test_it_refreshes_lists_when_a_piece_is_unpublished(
    news, django_capture_on_commit_callbacks
):
    a = factories.article(news, "Dam a", body=_para(WATER))
    b = factories.article(news, "Dam b", body=_para(WATER))
    services.rebuild_all()
    assert _ids(a) == [b.pk]
    with django_capture_on_commit_callbacks(execute=True):
        b.unpublish()
    assert RelatedArticle.objects.filter(related=b).count() == 0


def test_it_refreshes_lists_when_a_piece_is_edited(
    news, django_capture_on_commit_callbacks
):
    a = factories.article(news, "Dam a", body=_para(WATER))
    b = factories.article(news, "Ledger", body=_para(OIL))
    c = factories.article(news, "Harbour", body=_para(OIL))
    services.rebuild_all()
    assert _ids(a) == []
    draft = b.get_latest_revision_as_object()
    draft.body = _para(WATER)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert _ids(a) == [b.pk]
    assert b.pk not in _ids(c)


@pytest.mark.django_db(transaction=True)
def test_it_refreshes_lists_through_the_database_worker(news, settings):
    """The worker closes its connections between tasks: real transactions."""

    a = factories.article(news, "Dam a", body=_para(WATER))
    services.rebuild_all()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    fresh = factories.article(news, "Dam fresh", body=_para(WATER))
    refresh_related.enqueue(fresh.pk)
    assert _ids(a) == []
    call_command("db_worker", batch=True, verbosity=0)
    assert _ids(a) == [fresh.pk]


def test_it_prefers_shared_tags_and_authors_between_equal_texts(news):
    writer = factories.person("Same Writer")
    a = factories.article(
        news, "Dam a", body=_para(WATER), tags=["rivers"], authors=[writer]
    )
    plain = factories.article(news, "Dam b", body=_para(WATER))
    tagged = factories.article(
        news, "Dam c", body=_para(WATER), tags=["rivers"], authors=[writer]
    )
    services.rebuild_all()
    assert _ids(a) == [tagged.pk, plain.pk]


def test_it_renders_the_list_in_a_fixed_number_of_queries(client, news):
    a = factories.article(news, "Dam a", body=_para(WATER))
    b = factories.article(news, "Dam b", body=_para(WATER))
    # Each view measured renders the list afresh (a rebuild moves the render
    # generation on); another piece's view has filled the edition's caches.
    services.rebuild_all()
    client.get(b.url)
    with CaptureQueriesContext(connection) as one:
        response = client.get(a.url)
    assert "You may also like" in response.content.decode()
    for n in range(4):
        factories.article(news, f"Dam {n}", body=_para(WATER))
    services.rebuild_all()
    client.get(b.url)
    with CaptureQueriesContext(connection) as four:
        response = client.get(a.url)
    assert response.content.decode().count('class="kicker"') >= 4
    assert len(four) == len(one)
    related_queries = [q for q in four if "related_relatedarticle" in q["sql"]]
    assert len(related_queries) == 1


def test_it_answers_a_missing_piece_with_an_empty_list(news):
    assert services.refresh(999_999) == 0


def test_it_reads_dates_for_scoring(news):
    old = factories.article(
        news,
        "Dam old",
        body=_para(WATER),
        published_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    docs = queries.docs(old.locale_id, [old.pk])
    assert docs[old.pk].published == dt.datetime(2020, 1, 1, tzinfo=dt.UTC).timestamp()

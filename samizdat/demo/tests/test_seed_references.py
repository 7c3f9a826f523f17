"""The demo's thousands of saves leave Wagtail's reference index as complete
as a rebuild would, with no task queued for it (none for rows the seed
replaced, which used to fail in the worker with DoesNotExist)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from samizdat.articles.tests import factories
from samizdat.core.references import indexed_here
from samizdat.demo.seed import seed_demo

TASK = "wagtail.tasks.update_reference_index_task"
# An object is known by its base type: Wagtail keeps a reference under
# whichever of the object's types first recorded it (a caricature is also an
# article), so a rebuild and a save may name different ones.
FIELDS = (
    "base_content_type",
    "object_id",
    "to_content_type",
    "to_object_id",
    "model_path",
    "content_path",
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def index() -> set[tuple]:
    return set(ReferenceIndex.objects.values_list(*FIELDS))


@pytest.mark.django_db
def test_a_page_saved_outside_it_queues_a_reference_task(editions):
    """The count below can see a queued task inside a test's transaction."""
    factories.article(factories.section("News"), "Flood warning")
    assert DBTaskResult.objects.filter(task_path=TASK).count() > 0


@pytest.mark.django_db
def test_it_indexes_the_seed_in_process_as_a_rebuild_would():
    with indexed_here():  # seed_demo's own, nested, leaves it to this one
        seed_demo(articles=8, caricatures=2)
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 0
    seeded = index()
    call_command("rebuild_references_index", stdout=io.StringIO())
    rebuilt = index()
    assert len(rebuilt) > 50
    assert seeded == rebuilt


@pytest.mark.django_db
def test_the_seed_queues_no_reference_task():
    seed_demo(articles=8, caricatures=2)
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 0
    assert ReferenceIndex.objects.count() > 50

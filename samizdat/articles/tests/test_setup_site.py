"""`setup_site` makes a new publication ready and is safe to run again."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site, WorkflowTask

from samizdat.articles.models import AuthorIndexPage, HomePage, TagIndexPage
from samizdat.core.roles import ADMINISTRATORS, CONTRIBUTORS, EDITORS, WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def setup_site() -> str:
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "slug")),
        "sites": Site.objects.count(),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "workflow tasks": list(
            WorkflowTask.objects.values_list("workflow__name", "task__name")
        ),
    }


def test_it_makes_both_editions_the_roles_and_the_workflow():
    assert "Editions: en, fa" in setup_site()
    for code in ("en", "fa"):
        home = HomePage.objects.get(locale__language_code=code)
        assert home.live
        assert AuthorIndexPage.objects.child_of(home).live().count() == 1
        assert TagIndexPage.objects.child_of(home).live().count() == 1
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == HomePage.objects.get(locale__language_code="en")
    assert {CONTRIBUTORS, EDITORS, ADMINISTRATORS} <= set(
        Group.objects.values_list("name", flat=True)
    )
    active = WorkflowTask.objects.filter(workflow__active=True)
    assert list(active.values_list("workflow__name", "task__name")) == [
        (WORKFLOW_NAME, "Editor review")
    ]


def test_it_changes_nothing_when_run_again():
    setup_site()
    before = snapshot()
    setup_site()
    assert snapshot() == before

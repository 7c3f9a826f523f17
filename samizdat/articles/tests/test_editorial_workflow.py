"""Roles and moderation through the admin, as the newsroom uses them:
contributors write and submit, editors review, publish and unpublish."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow

from samizdat.articles.models import ArticlePage
from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories
from samizdat.core.roles import CONTRIBUTORS, EDITORS, WORKFLOW_NAME, ensure_roles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    with factories.built_once(django_db_blocker):
        ensure_editions("Samizdat")
        groups = ensure_roles()
        users = {}
        for name, group in (("carla", CONTRIBUTORS), ("ed", EDITORS)):
            user = User.objects.create_user(name, password="not-used")
            user.groups.add(groups[group])
            users[name] = user
        news = factories.section("News")
        writer = factories.person("Leila Karimi")
        yield {"users": users, "news": news, "writer": writer}


def add_url(parent: Page) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=["articles", "articlepage", parent.pk]
    )


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_form(client, url: str, newsroom, slug: str, **action) -> object:
    data = factories.article_form(
        "Rivers run dry",
        [newsroom["writer"]],
        slug=slug,
        base=factories.admin_form_defaults(client, url),
        **action,
    )
    return client.post(url, data)


def submitted_draft(client, newsroom, slug: str = "draft") -> ArticlePage:
    client.force_login(newsroom["users"]["carla"])
    response = post_form(
        client, add_url(newsroom["news"]), newsroom, slug, **{"action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ArticlePage.objects.get(slug=slug)


def test_it_puts_every_page_under_the_active_editorial_review(newsroom):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    root = Page.get_first_root_node()
    assert root.get_workflow() == workflow
    assert newsroom["news"].get_workflow() == workflow
    assert [t.name for t in workflow.tasks] == ["Editor review"]


def test_it_lets_a_contributor_write_and_submit_a_draft(client, newsroom):
    page = submitted_draft(client, newsroom)

    assert not page.live
    assert page.has_unpublished_changes
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Editor review"
    assert page.section_id == newsroom["news"].pk
    client.logout()
    assert client.get(page.url).status_code == 404


def test_it_does_not_let_a_contributor_publish(client, newsroom):
    client.force_login(newsroom["users"]["carla"])
    response = post_form(client, add_url(newsroom["news"]), newsroom, "mine")
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="mine")
    contributor = newsroom["users"]["carla"]
    assert not page.permissions_for_user(contributor).can_publish()
    assert not page.permissions_for_user(contributor).can_unpublish()

    revisions = page.revisions.count()
    response = post_form(
        client, edit_url(page), newsroom, "mine", **{"action-publish": "1"}
    )
    assert response.status_code == 302  # saved, as a draft
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert not page.live
    assert page.first_published_at is None


def test_it_does_not_let_a_contributor_publish_a_new_page(client, newsroom):
    client.force_login(newsroom["users"]["carla"])
    response = post_form(
        client, add_url(newsroom["news"]), newsroom, "out", **{"action-publish": "1"}
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="out")
    assert not page.live
    client.logout()
    assert client.get(page.url).status_code == 404


def test_it_lets_an_editor_approve_and_publish(client, newsroom):
    page = submitted_draft(client, newsroom)
    task_state = page.current_workflow_task_state
    editor = newsroom["users"]["ed"]
    assert page.permissions_for_user(editor).can_publish()

    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302

    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Rivers run dry" in response.content.decode()


def test_it_lets_an_editor_request_changes(client, newsroom):
    page = submitted_draft(client, newsroom)
    task_state = page.current_workflow_task_state
    client.force_login(newsroom["users"]["ed"])
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]
    )
    client.post(url, {"comment": "Check the figures."})
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"


def test_it_does_not_let_a_contributor_approve(client, newsroom):
    page = submitted_draft(client, newsroom)
    task_state = page.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state.status == "in_progress"


def test_it_lets_an_editor_unpublish(client, newsroom):
    page = factories.article(newsroom["news"], authors=[newsroom["writer"]])
    assert client.get(page.url).status_code == 200
    editor = newsroom["users"]["ed"]
    assert page.permissions_for_user(editor).can_unpublish()

    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    client.logout()
    assert client.get(page.url).status_code == 404


def test_it_lets_an_editor_schedule_publication_in_the_admin(client, newsroom):
    client.force_login(newsroom["users"]["ed"])
    go_live = timezone.localtime() + dt.timedelta(days=1)
    response = post_form(
        client,
        add_url(newsroom["news"]),
        newsroom,
        "tomorrow",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "1"},
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="tomorrow")
    assert not page.live
    scheduled = page.get_latest_revision().approved_go_live_at
    assert scheduled is not None
    assert abs(scheduled - go_live) < dt.timedelta(minutes=1)
    client.logout()
    assert client.get(page.url).status_code == 404

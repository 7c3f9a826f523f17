"""An article's first autosaves come before its body is written.

The add form autosaves as soon as the editor has typed a headline and chosen
an author; "An article needs a body" refused that draft with a 400 on every
autosave until the first block was typed, so the piece had no draft (and the
add form stayed the add form) while the editor wrote. A draft may now be
saved without a body; submitting and publishing still need one."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samizdat.articles.models import ArticlePage
from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories
from samizdat.core.roles import CONTRIBUTORS, EDITORS, ensure_roles

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(scope="module")
def desk(django_db_setup, django_db_blocker):
    with factories.built_once(django_db_blocker):
        ensure_editions("Samizdat")
        roles = ensure_roles()
        editor = User.objects.create_user("ed", password="not-used")
        editor.groups.add(roles[EDITORS])
        writer = User.objects.create_user("carla", password="not-used")
        writer.groups.add(roles[CONTRIBUTORS])
        yield {
            "editor": editor,
            "contributor": writer,
            "news": factories.section("News"),
            "author": factories.person("Leila Karimi"),
        }


def bodiless(client, url: str, title: str, desk, **fields) -> dict[str, str]:
    base = factories.admin_form_defaults(client, url)
    data = factories.article_form(title, [desk["author"]], base=base, **fields)
    data = {k: v for k, v in data.items() if not k.startswith("body-")}
    data["body-count"] = "0"
    return data


def add_url(desk) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=["articles", "articlepage", desk["news"].pk]
    )


def test_it_autosaves_a_new_piece_before_its_body(client, desk):
    client.force_login(desk["contributor"])
    url = add_url(desk)
    response = client.post(
        url,
        bodiless(client, url, "Headline first", desk, slug="headline-first"),
        **JSON,
    )

    assert response.status_code == 200, response.content[:300]
    answer = response.json()
    assert answer["success"] is True
    draft = ArticlePage.objects.get(pk=answer["pk"])
    assert not draft.live
    assert len(draft.body) == 0
    assert answer["url"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])

    # The next autosave, to the draft's edit view, still has no body.
    edit = answer["url"]
    data = bodiless(client, edit, "Headline first", desk, slug=draft.slug)
    data.update(answer["field_updates"])
    data["standfirst"] = "Still no body."
    data["overwrite_revision_id"] = str(answer["revision_id"])
    again = client.post(edit, data, **JSON)
    assert again.status_code == 200, again.content[:300]
    assert draft.get_latest_revision_as_object().standfirst == "Still no body."


@pytest.mark.parametrize(
    ("role", "action"),
    [("contributor", "action-submit"), ("editor", "action-publish")],
)
def test_it_still_refuses_to_submit_or_publish_a_piece_without_a_body(
    client, desk, role, action
):
    client.force_login(desk[role])
    url = add_url(desk)
    data = bodiless(client, url, f"No body {role}", desk, slug=f"no-body-{role}")
    response = client.post(url, {**data, action: "1"})

    assert response.status_code == 200
    assert response.context["form"].errors["body"] == ["An article needs a body."]
    assert not ArticlePage.objects.filter(slug=f"no-body-{role}").exists()

"""Autosave keeps a draft whose new author row has no person chosen yet.

The admin saves the form in the background while the editor types. An
author row added but not filled yet answered 400 on every autosave (and
"Save draft" refused the draft) until the editor chose someone. The row is
now left out of a draft; submitting or publishing still needs a person."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samizdat.articles.tests import factories
from samizdat.core.roles import EDITORS, ensure_roles

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def edit(client, editions):
    user = User.objects.create_user("ed", password="not-used")
    user.groups.add(ensure_roles()[EDITORS])
    client.force_login(user)
    writer = factories.person("Leila Karimi")
    piece = factories.article(factories.section("News"), "Existing", authors=[writer])
    url = reverse("wagtailadmin_pages:edit", args=[piece.pk])
    base = factories.admin_form_defaults(client, url)
    data = factories.article_form("Existing", [writer], base=base, slug=piece.slug)
    data["article_authors-INITIAL_FORMS"] = "1"
    data["article_authors-0-id"] = str(piece.article_authors.get().pk)
    # The editor clicks "Add authors": a row with its order and no person.
    n = int(data["article_authors-TOTAL_FORMS"])
    data["article_authors-TOTAL_FORMS"] = str(n + 1)
    data.update(
        {
            f"article_authors-{n}-person": "",
            f"article_authors-{n}-id": "",
            f"article_authors-{n}-ORDER": str(n + 1),
            f"article_authors-{n}-DELETE": "",
        }
    )
    return piece, url, data


def test_it_autosaves_an_author_row_not_chosen_yet(client, edit):
    piece, url, data = edit
    data["standfirst"] = "Written while the chooser was open."
    response = client.post(url, data, **JSON)
    assert response.status_code == 200, response.content[:300]
    assert response.json()["success"] is True
    piece.refresh_from_db()
    draft = piece.get_latest_revision_as_object()
    assert draft.standfirst == "Written while the chooser was open."
    assert [a.person.name for a in draft.article_authors.all()] == ["Leila Karimi"]


def test_it_still_refuses_to_publish_an_author_row_without_a_person(client, edit):
    piece, url, data = edit
    response = client.post(url, {**data, "action-publish": "Publish"})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()

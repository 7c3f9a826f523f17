"""Editors preview a piece before it is published, new or changed."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samizdat.articles.tests import factories
from samizdat.core.roles import CONTRIBUTORS, ensure_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor(client, editions):
    user = User.objects.create_user("carla", password="not-used")
    user.groups.add(ensure_roles()[CONTRIBUTORS])
    client.force_login(user)
    return user


def preview(client, url: str, form_url: str, title: str, authors) -> str:
    data = factories.article_form(
        title,
        authors,
        slug="preview",
        base=factories.admin_form_defaults(client, form_url),
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"], response.json()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_previews_a_new_article_with_its_byline(client, contributor):
    news = factories.section("News")
    writer = factories.person("Leila Karimi", pen_name="Nightingale")
    args = ["articles", "articlepage", news.pk]
    html = preview(
        client,
        reverse("wagtailadmin_pages:preview_on_add", args=args),
        reverse("wagtailadmin_pages:add", args=args),
        "Not out yet",
        [writer],
    )
    assert "<h1>Not out yet</h1>" in html
    assert "Leila Karimi (Nightingale)" in html
    assert "What happened" in html


def test_it_previews_a_change_to_a_published_article(client, contributor):
    news = factories.section("News")
    page = factories.article(news, "Old headline")
    html = preview(
        client,
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "New headline",
        [factories.person("Omid Rahimi")],
    )
    assert "<h1>New headline</h1>" in html
    assert "Omid Rahimi" in html
    client.logout()
    assert "Old headline" in client.get(page.url).content.decode()

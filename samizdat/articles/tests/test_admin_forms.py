"""The admin forms refuse incomplete pieces with a reason.

Wagtail lets a draft be saved unfinished (required fields and minimum
inline counts are deferred); publishing or submitting enforces them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samizdat.articles.models import ArticlePage, CaricaturePage, SectionPage
from samizdat.articles.pieces import Kind
from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories
from samizdat.core.roles import EDITORS, ensure_roles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def desk(django_db_setup, django_db_blocker):
    with factories.built_once(django_db_blocker):
        ensure_editions("Samizdat")
        editor = User.objects.create_user("ed", password="not-used")
        editor.groups.add(ensure_roles()[EDITORS])
        yield {
            "editor": editor,
            "news": factories.section("News"),
            "cartoons": factories.section("Caricature"),
            "writer": factories.person("Leila Karimi"),
        }


def add_url(parent, model: str) -> str:
    return reverse("wagtailadmin_pages:add", args=["articles", model, parent.pk])


def post_new(client, parent, model: str, title: str, authors, **fields):
    url = add_url(parent, model)
    base = factories.admin_form_defaults(client, url)
    return client.post(url, factories.article_form(title, authors, base=base, **fields))


PUBLISH = {"action-publish": "Publish"}


def test_it_preselects_the_kind_of_each_section(client, desk):
    client.force_login(desk["editor"])
    checked = 0
    for code in ("en", "fa"):
        for kind in Kind:
            section = factories.section(
                f"{kind.label} {code}", code=code, slug=f"{kind.value}-{code}"
            )
            SectionPage.objects.filter(pk=section.pk).update(default_kind=kind)
            form = factories.admin_form_defaults(
                client, add_url(section, "articlepage")
            )
            assert form["kind"] == kind.value, (code, kind)
            checked += 1
    assert checked == 10


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_it_requires_at_least_one_author(client, desk, action):
    client.force_login(desk["editor"])
    response = post_new(
        client,
        desk["news"],
        "articlepage",
        "Nobody",
        [],
        slug="nobody",
        **{action: "1"},
    )

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="nobody").exists()
    formset = response.context["form"].formsets["article_authors"]
    assert formset.non_form_errors()


def test_it_saves_an_article_with_its_authors_in_order(client, desk):
    client.force_login(desk["editor"])
    second = factories.person("Omid Rahimi")
    authors = [second, desk["writer"]]
    response = post_new(
        client,
        desk["news"],
        "articlepage",
        "Two voices",
        authors,
        slug="two",
        **PUBLISH,
    )

    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="two")
    assert page.live
    saved = [a.person for a in page.article_authors.order_by("sort_order")]
    assert saved == authors


def test_it_requires_a_cartoon_and_alt_text_for_a_caricature(client, desk):
    client.force_login(desk["editor"])
    response = post_new(
        client,
        desk["cartoons"],
        "caricaturepage",
        "No drawing",
        [desk["writer"]],
        slug="no-drawing",
        cartoon="",
        alt_text="",
        **PUBLISH,
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"cartoon", "alt_text"} <= set(errors)
    assert not CaricaturePage.objects.filter(slug="no-drawing").exists()


def test_it_accepts_a_persian_slug_with_zwnj_in_the_admin(client, desk):
    client.force_login(desk["editor"])
    slug = "می\u200cخواهم-بدانم"
    response = post_new(
        client,
        desk["news"],
        "articlepage",
        "می‌خواهم",
        [desk["writer"]],
        slug=slug,
        **PUBLISH,
    )

    assert response.status_code == 302
    page = ArticlePage.objects.get(slug=slug)
    assert client.get(page.url).status_code == 200


def test_it_links_the_autosaved_draft_that_holds_the_slug(client, desk):
    """The add form autosaved a draft; starting the same piece again and
    publishing names the draft and links to it instead of a bare refusal."""
    client.force_login(desk["editor"])
    url = add_url(desk["news"], "articlepage")
    base = factories.admin_form_defaults(client, url)
    first = factories.article_form(
        "Dam water returns", [desk["writer"]], slug="dam-water", base=base
    )
    autosaved = client.post(url, first, HTTP_ACCEPT="application/json")
    assert autosaved.status_code == 200
    draft = ArticlePage.objects.get(pk=autosaved.json()["pk"])
    assert not draft.live

    response = post_new(
        client,
        desk["news"],
        "articlepage",
        "Dam water returns to the valley",
        [desk["writer"]],
        slug="dam-water",
        **PUBLISH,
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["slug"]
    assert len(errors) == 1
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert f'<a href="{edit_url}">Open “Dam water returns”</a>' in errors[0]
    assert "(draft)" in errors[0]
    assert f'<a href="{edit_url}">' in response.content.decode()
    assert ArticlePage.objects.filter(slug="dam-water").count() == 1

"""Editors add people in the admin; a clash of names gets an answer, not a 500."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samizdat.articles.tests import factories
from samizdat.core.roles import EDITORS, ensure_roles
from samizdat.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, editions):
    user = User.objects.create_user("ed", password="not-used")
    user.groups.add(ensure_roles()[EDITORS])
    client.force_login(user)
    return user


def add_person(client, **fields):
    url = reverse("wagtailsnippets_people_person:add")
    data = {"name": "", "pen_name": "", "slug": "", "role": "", "bio": ""}
    data.update(locale=str(factories.locale("en").pk), **fields)
    return client.post(url, data)


def test_it_adds_a_person_with_a_slug_from_the_name(client, editor):
    response = add_person(client, name="Omid Rahimi", pen_name="Owl")
    assert response.status_code == 302
    person = Person.objects.get(name="Omid Rahimi")
    assert (person.slug, person.byline_name) == ("omid-rahimi", "Omid Rahimi (Owl)")


def test_it_gives_a_second_person_of_the_same_name_a_page_of_their_own(client, editor):
    factories.person("Omid Rahimi")
    response = add_person(client, name="Omid Rahimi")
    assert response.status_code == 302
    slugs = Person.objects.filter(name="Omid Rahimi").values_list("slug", flat=True)
    assert sorted(slugs) == ["omid-rahimi", "omid-rahimi-2"]


def test_it_refuses_a_slug_someone_else_has_with_a_reason(client, editor):
    factories.person("Omid Rahimi")
    response = add_person(client, name="Someone Else", slug="omid-rahimi")
    assert response.status_code == 200
    assert "already exists" in str(response.context["form"].errors)
    assert not Person.objects.filter(name="Someone Else").exists()


def test_it_lets_the_same_slug_live_in_each_edition(editions):
    english = factories.person("Sara", code="en")
    persian = factories.person("Sara", code="fa")
    assert english.slug == persian.slug == "sara"


def test_it_refuses_to_delete_someone_who_signs_pieces_with_a_reason(client, editions):
    client.force_login(User.objects.create_superuser("root", password="not-used"))
    writer = factories.person("Leila Karimi")
    factories.article(factories.section("News"), authors=[writer])
    url = reverse("wagtailsnippets_people_person:delete", args=[writer.pk])

    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert Person.objects.filter(pk=writer.pk).exists()
    text = " ".join(str(m) for m in response.context["messages"])
    assert "Leila Karimi signs published pieces" in text


def test_it_deletes_someone_who_signs_nothing(client, editions):
    client.force_login(User.objects.create_superuser("root", password="not-used"))
    nobody = factories.person("Not Yet Published")
    url = reverse("wagtailsnippets_people_person:delete", args=[nobody.pk])
    assert client.post(url).status_code == 302
    assert not Person.objects.filter(pk=nobody.pk).exists()

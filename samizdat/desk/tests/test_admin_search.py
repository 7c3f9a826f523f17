"""Every search box of the admin answers, on SQLite and on PostgreSQL.

An editor typed a name into People's search and got a server error from the
search backend (the list stayed unfiltered). This searches every snippet and
model listing Wagtail registers, the page search and the page explorer, and
checks that People's search finds the person by name and pen name."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, editions):
    user = User.objects.create_superuser("chief", password="not-used")
    client.force_login(user)
    return client


def searchable_listings() -> list[str]:
    """The results URL of every model listing in the admin with a search box."""
    urls = []
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        for name in ("list_results", "index_results"):
            try:
                urls.append(reverse(viewset.get_url_name(name)))
                break
            except NoReverseMatch:
                continue
    return urls


def test_it_answers_every_admin_search(admin_client):
    factories.person("Abdul Rahman Korki", pen_name="Mahabadi")
    section = factories.section("Opinion")
    factories.article(section, title="Korki on exile")
    call_command("update_index", verbosity=0)
    urls = searchable_listings()
    home = factories.home("en")
    urls += [
        reverse("wagtailadmin_pages:search"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_explore_results", args=[home.pk]),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailimages:index_results"),
        reverse("wagtaildocs:index_results"),
    ]
    admin_client.raise_request_exception = False
    failed = {}
    for url in urls:
        for query in ("Korki", "O'Brien", "کرکی", "*", '"', 'Korki "exile'):
            response = admin_client.get(url, {"q": query, "locale": ""})
            if response.status_code != 200:
                failed[url, query] = response.status_code
    assert failed == {}
    # 9 model listings (people, tag translations, creatives, slots, mailings,
    # locales, sites, users, groups) and the 8 page, image and document
    # listings and reports.
    assert len(urls) == 17
    assert reverse("wagtailsnippets_people_person:list_results") in urls


def test_it_finds_people_by_name_and_pen_name(admin_client):
    factories.person("Abdul Rahman Korki", pen_name="Mahabadi")
    factories.person("Sara Tehrani")
    call_command("update_index", verbosity=0)
    url = reverse("wagtailsnippets_people_person:list_results")
    for query in ("Korki", "mahabadi", "korki"):
        response = admin_client.get(url, {"q": query, "locale": ""})
        assert response.status_code == 200
        names = [str(p) for p in response.context["object_list"]]
        assert names == ["Abdul Rahman Korki (Mahabadi)"], query


def test_it_takes_an_unmatched_quote_in_the_explorer_as_typed(admin_client):
    """A `"` left open answered 500 on SQLite (FTS5's unterminated string);
    the words around it still find the piece, and a quote alone finds none."""
    section = factories.section("Opinion")
    factories.article(section, title="Korki on exile")
    call_command("update_index", verbosity=0)
    url = reverse("wagtailadmin_explore", args=[section.pk])
    found = {}
    for query in ('Korki "exile', '"Korki', '"'):
        response = admin_client.get(url, {"q": query})
        assert response.status_code == 200, query
        found[query] = [p.title for p in response.context["pages"]]
    assert found == {
        'Korki "exile': ["Korki on exile"],
        '"Korki': ["Korki on exile"],
        '"': [],
    }

"""Error pages come in the site's design and the reader's edition."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf.urls.i18n import i18n_patterns
from django.test import override_settings
from django.urls import path

import samizdat.urls

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [*i18n_patterns(path("boom/", boom)), *samizdat.urls.urlpatterns]
handler404 = samizdat.urls.handler404
handler500 = samizdat.urls.handler500


@pytest.mark.parametrize("code,direction", [("en", "ltr"), ("fa", "rtl")])
def test_it_shows_a_designed_404_in_the_edition(client, editions, code, direction):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == (code, direction)
    assert soup.select_one("header.masthead a.brand")
    assert soup.select_one("link[rel=stylesheet]")["href"].endswith(".css")
    assert soup.select_one(".error-page h1")
    assert soup.select_one(".error-page a")["href"] == editions[code].url
    assert not response.cookies


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("code,direction", [("en", "ltr"), ("fa", "rtl")])
def test_it_shows_a_designed_500_in_the_edition(client, editions, code, direction):
    client.raise_request_exception = False
    response = client.get(f"/{code}/boom/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == (code, direction)
    name = "Samizdat" if code == "en" else "سامیزدات"
    assert soup.select_one("header.masthead a.brand").get_text() == name
    assert soup.select_one("link[rel=stylesheet]")["href"].endswith(".css")
    assert soup.select_one(".error-page h1")
    assert "a bug in a view" not in response.content.decode()

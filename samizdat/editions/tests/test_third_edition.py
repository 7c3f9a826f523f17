"""A third edition is configuration plus translations, not code: settings
gain a language and an edition entry, `ensure_editions` builds its skeleton,
and its pages come out in its language and direction."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings

from samizdat.articles.models import HomePage
from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = [*settings.LANGUAGES, ("ckb", "کوردی")]
EDITIONS = {**settings.SAMIZDAT_EDITIONS, "ckb": {"digits": "arab"}}


@override_settings(
    LANGUAGES=LANGUAGES,
    WAGTAIL_CONTENT_LANGUAGES=LANGUAGES,
    WAGTAILADMIN_PERMITTED_LANGUAGES=LANGUAGES,
    SAMIZDAT_EDITIONS=EDITIONS,
)
def test_it_adds_an_edition_by_configuration(client):
    homes = ensure_editions("Samizdat")
    assert set(homes) == {"en", "fa", "ckb"}
    home = HomePage.objects.get(locale__language_code="ckb")
    assert home.live
    assert home.url == "/ckb/"

    response = client.get(home.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ckb", "rtl")
    switcher = {a["hreflang"]: a["href"] for a in soup.select("nav.editions a")}
    assert switcher == {"en": "/en/", "fa": "/fa/"}

    english = client.get("/en/").content.decode()
    assert 'href="/ckb/" hreflang="ckb" lang="ckb" dir="rtl"' in english


@override_settings(
    LANGUAGES=LANGUAGES,
    WAGTAIL_CONTENT_LANGUAGES=LANGUAGES,
    WAGTAILADMIN_PERMITTED_LANGUAGES=LANGUAGES,
    SAMIZDAT_EDITIONS=EDITIONS,
)
def test_it_writes_the_new_edition_dates_with_its_digits(client):
    ensure_editions("Samizdat")
    news = factories.section("Hewal", code="ckb", slug="hewal")
    page = factories.article(news, "Sernivîs", authors=[factories.person(code="ckb")])
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ckb", "rtl")
    date = soup.select_one(".article-head time").get_text()
    assert any(ch in date for ch in "٠١٢٣٤٥٦٧٨٩")
    assert not any(ch in date for ch in "0123456789")

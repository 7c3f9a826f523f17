"""An article linked to its translation: hreflang alternates, the language
switcher, and Persian slugs that keep their ZWNJ."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from samizdat.articles.models import ArticlePage
from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


def test_it_announces_the_translation_with_hreflang(client, publication):
    soup = BeautifulSoup(client.get(publication.story.url).content, "html.parser")
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.select("head link[rel=alternate][hreflang]")
    }
    assert alternates == {
        "en": settings.BASE_URL + publication.story.url,
        "fa": settings.BASE_URL + publication.translation.url,
    }
    canonical = soup.select_one("head link[rel=canonical]")["href"]
    assert canonical == settings.BASE_URL + publication.story.url


def test_it_switches_language_to_the_translation(client, publication):
    soup = BeautifulSoup(client.get(publication.story.url).content, "html.parser")
    switch = soup.select_one("nav.editions a[hreflang=fa]")
    assert switch["href"] == publication.translation.url
    assert (switch["lang"], switch["dir"]) == ("fa", "rtl")

    back = BeautifulSoup(client.get(switch["href"]).content, "html.parser")
    assert back.select_one("nav.editions a[hreflang=en]")["href"] == (
        publication.story.url
    )


def test_it_switches_to_the_other_home_page_without_a_translation(client, publication):
    soup = BeautifulSoup(client.get(publication.fa_story.url).content, "html.parser")
    assert soup.select_one("nav.editions a[hreflang=en]")["href"] == (
        publication.homes["en"].url
    )
    assert soup.select("head link[rel=alternate][hreflang=en]") == []


def test_it_files_the_translation_in_the_translated_section(publication):
    translation = ArticlePage.objects.get(pk=publication.translation.pk)
    assert translation.section_id == publication.fa_news.pk
    assert translation.locale.language_code == "fa"


def test_it_serves_a_persian_slug_with_its_zwnj(client, publication):
    page = factories.article(
        publication.fa_news, "می‌خواهم بدانم", slug="می\u200cخواهم-بدانم"
    )
    page.full_clean()
    assert unquote(page.url).endswith("/می\u200cخواهم-بدانم/")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "می\u200cخواهم بدانم" in response.content.decode()

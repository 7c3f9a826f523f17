"""Beside every article, the edition's newest caricature as a picture, linked
to the drawing and to the Caricature section; a newer one shows at once."""

from __future__ import annotations

import re

import pytest

from samizdat.articles.setup import ensure_translation
from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


def box(client, url: str) -> str:
    html = client.get(url).content.decode()
    found = re.search(r'<aside class="caricature-box".*?</aside>', html, re.S)
    assert found, f"no caricature box on {url}"
    return found.group(0)


def test_an_article_shows_the_newest_caricature_as_a_picture(client, editions):
    story = factories.article(factories.section("News"), "Rivers run dry")
    cartoons = factories.section("Caricature", slug="caricature")
    artist = factories.person("Sara Naderi")
    factories.caricature(cartoons, "An older drawing", authors=[artist])
    newest = factories.caricature(cartoons, "The ballot box", authors=[artist])

    shown = box(client, story.url)

    assert "The ballot box" in shown
    assert "An older drawing" not in shown
    assert f'href="{newest.url}"' in shown
    assert f'href="{cartoons.url}"' in shown
    assert "Sara Naderi" in shown
    # A picture in every format, sized for the column, loaded when neared.
    assert shown.count("<picture>") == 1
    assert 'type="image/avif"' in shown
    assert 'type="image/webp"' in shown
    assert 'loading="lazy"' in shown
    img = re.search(r"<img [^>]*>", shown).group(0)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)


def test_a_caricature_published_later_shows_at_once(client, editions):
    story = factories.article(factories.section("News"), "Rivers run dry")
    cartoons = factories.section("Caricature", slug="caricature")
    factories.caricature(cartoons, "The Monday drawing")
    assert "The Monday drawing" in box(client, story.url)

    factories.caricature(cartoons, "The Tuesday drawing")

    shown = box(client, story.url)
    assert "The Tuesday drawing" in shown
    assert "The Monday drawing" not in shown


def test_each_edition_shows_its_own_caricature(client, editions):
    news = factories.section("News")
    cartoons = factories.section("Caricature", slug="caricature")
    story = factories.article(news, "Rivers run dry")
    factories.caricature(cartoons, "The ballot box")
    fa = factories.locale("fa")
    fa_story = factories.article(ensure_translation(news, fa, title="اخبار"), "آب")
    fa_cartoons = ensure_translation(cartoons, fa, title="کاریکاتور")
    factories.caricature(fa_cartoons, "صندوق رای", slug="sandogh")

    assert "The ballot box" in box(client, story.url)
    persian = box(client, fa_story.url)
    assert "صندوق رای" in persian
    assert "The ballot box" not in persian

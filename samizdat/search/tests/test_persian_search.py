from __future__ import annotations

import pytest

from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def khabar(editions):
    return factories.section("خبر", code="fa", slug="خبر")


def _titles(client, q: str) -> list[str]:
    response = client.get("/fa/search/", {"q": q})
    assert response.status_code == 200
    return [a.title for a in response.context["results"].page.object_list]


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("کتاب تازه", "كتاب"),  # Arabic kaf in the query
        ("كتاب تازه", "کتاب"),  # Arabic kaf in the text
        ("سیاست ایران", "سياست"),  # Arabic yeh
        ("مصطفى در شهر", "مصطفی"),  # alef maksura
        ("بودجه ۱۴۰۳", "1403"),  # Persian digits, Latin query
        ("بودجه 1403", "۱۴۰۳"),
        ("بودجه ١٤٠٣", "۱۴۰۳"),  # Arabic-Indic digits
        ("کِتابِ تازه", "کتاب"),  # harakat in the text
        ("کتـــاب تازه", "کتاب"),  # tatweel
        ("من می\u200cخواهم بروم", "میخواهم"),  # ZWNJ in the text
        ("من میخواهم بروم", "می\u200cخواهم"),  # ZWNJ in the query
    ],
)
def test_it_matches_persian_spellings_either_way(client, khabar, stored, query):
    factories.article(khabar, stored, blocks=1)
    assert _titles(client, query) == [stored]


def test_it_keeps_sorani_letters_distinct(client, khabar):
    factories.article(khabar, "ڕۆژی نوێ", blocks=1)
    assert _titles(client, "ڕۆژی") == ["ڕۆژی نوێ"]
    assert _titles(client, "روژی") == []


def test_it_never_changes_the_stored_text(client, khabar):
    piece = factories.article(khabar, "كتاب می\u200cخواهم", blocks=1)
    piece.refresh_from_db()
    assert piece.title == "كتاب می\u200cخواهم"
    body = client.get("/fa/search/", {"q": "کتاب"}).content.decode()
    assert "<mark>كتاب</mark> <mark>می\u200cخواهم</mark>" not in body
    assert "<mark>كتاب</mark> می\u200cخواهم" in body


def test_it_suggests_the_persian_word_meant(client, khabar):
    factories.article(khabar, "انتخابات مجلس")
    response = client.get("/fa/search/", {"q": "انتخاپات"})
    assert response.context["results"].suggestion == ["انتخابات"]
    assert "?q=%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA" in (
        response.content.decode()
    )

from __future__ import annotations

import datetime as dt

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


def test_it_takes_dates_in_the_solar_hijri_calendar_and_any_digits(client, khabar):
    def at(day: int) -> dt.datetime:
        return dt.datetime(2025, 1, day, 12, tzinfo=dt.UTC)

    factories.article(khabar, "پل یکم", published_at=at(2))
    factories.article(khabar, "پل دوم", published_at=at(11))
    factories.article(khabar, "پل سوم", published_at=at(21))

    def titles(**dates) -> list[str]:
        response = client.get("/fa/search/", {"q": "پل", **dates})
        assert response.status_code == 200, response.content.decode()
        return sorted(a.title for a in response.context["results"].page.object_list)

    # 1403/10/16 is 5 January 2025; 1403/10/26 is 15 January.
    assert titles(after="۱۴۰۳/۱۰/۱۶") == ["پل دوم", "پل سوم"]
    assert titles(after="1403-10-16", before="١٤٠٣/١٠/٢٦") == ["پل دوم"]
    assert titles(after="2025-01-05", before="2025-01-15") == ["پل دوم"]
    html = client.get("/fa/search/", {"q": "پل"}).content.decode()
    assert 'placeholder="۱۴۰۴/۰۱/۳۱"' in html
    assert 'type="date"' not in html
    wrong = client.get("/fa/search/", {"q": "پل", "after": "۱۴۰۳/۱۳/۰۱"})
    assert wrong.status_code == 400
    assert "برای نمونه ۱۴۰۴/۰۱/۳۱" in wrong.content.decode()


def test_the_english_edition_keeps_the_browsers_date_picker(client, editions):
    html = client.get("/en/search/").content.decode()
    assert 'type="date" name="after"' in html

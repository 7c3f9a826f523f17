"""The Persian edition as Chromium lays it out: right to left, Persian digits."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from samizdat.articles.tests import factories

pytestmark = pytest.mark.browser

HEADLINE = "آب سد دوباره به دره رسید"
SLUG = "آب\u200cسد-به-دره-رسید"


def test_it_lays_out_the_persian_edition_right_to_left(newsroom, new_context):
    page = new_context().new_page()
    page.goto(newsroom.at("/fa/"))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "fa"
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"
    expect(page.get_by_role("link", name="رفتن به محتوا")).to_be_attached()


def test_it_lays_out_the_english_edition_left_to_right(newsroom, new_context):
    page = new_context().new_page()
    page.goto(newsroom.at("/en/"))
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"


def test_it_shows_a_persian_article_with_persian_digits_and_a_solar_date(
    newsroom, new_context
):
    news = factories.section("اخبار", code="fa", slug="اخبار")
    author = factories.person("مریم رضایی", code="fa")
    published = dt.datetime(2025, 3, 8, 9, 0, tzinfo=dt.UTC)
    article = factories.article(
        news, HEADLINE, authors=[author], slug=SLUG, published_at=published
    )

    page = new_context().new_page()
    page.goto(newsroom.at("/fa/"))
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_url(newsroom.at(article.url))
    piece = page.locator("article.article")
    expect(piece.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    meta = piece.locator(".article-head .meta")
    expect(meta).to_contain_text("۱۸ اسفند ۱۴۰۳")
    expect(meta).to_contain_text("دقیقه مطالعه")
    expect(meta).to_contain_text("مریم رضایی")
    expect(meta).not_to_contain_text(re.compile("[0-9]"))
    heading_direction = "getComputedStyle(document.querySelector('h1')).direction"
    assert page.evaluate(heading_direction) == "rtl"


def test_it_switches_from_an_article_to_its_persian_translation(newsroom, new_context):
    from samizdat.articles.setup import ensure_translation

    english = factories.article(factories.section("News"), "Bread prices double")
    persian = ensure_translation(
        english, factories.locale("fa"), "قیمت نان دو برابر شد"
    )

    page = new_context().new_page()
    page.goto(newsroom.at(english.url))
    page.get_by_role("navigation", name="Editions").get_by_role(
        "link", name="فارسی"
    ).click()
    page.wait_for_url(newsroom.at(persian.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("قیمت نان دو برابر شد")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    back = page.get_by_role("navigation", name="نسخه‌ها").get_by_role(
        "link", name="English"
    )
    expect(back).to_have_attribute("href", english.url)

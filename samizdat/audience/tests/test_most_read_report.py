from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User

from samizdat.articles.tests import factories
from samizdat.audience.models import HourlyViews
from samizdat.audience.queries import ViewTotals, page_views

NOW = dt.datetime(2026, 3, 10, 12, 30, tzinfo=dt.UTC)
HOUR = NOW.replace(minute=0)


@pytest.fixture
def desk(editions):
    news = factories.section("News")
    fa_news = factories.section("اخبار", code="fa", slug="akhbar")
    read = factories.article(news, "Much read")
    fa_read = factories.article(fa_news, "پرخواننده")
    for page, ago, n in (
        (read, dt.timedelta(hours=1), 3),
        (read, dt.timedelta(days=3), 10),
        (read, dt.timedelta(days=20), 100),
        (fa_read, dt.timedelta(hours=2), 7),
    ):
        HourlyViews.objects.create(page=page, hour=HOUR - ago, views=n)
    return {"read": read, "fa_read": fa_read}


def test_it_counts_a_page_over_a_day_a_week_and_a_month(desk):
    with time_machine.travel(NOW, tick=False):
        assert page_views(desk["read"].pk) == ViewTotals(day=3, week=13, month=113)


def test_it_lists_most_read_articles_per_edition_for_editors(client, desk):
    client.force_login(
        User.objects.create_superuser("ed", "ed@example.org", "pw-long-enough")
    )
    with time_machine.travel(NOW, tick=False):
        everything = client.get("/admin/reports/most-read/").content.decode()
        persian = client.get("/admin/reports/most-read/?edition=fa").content.decode()
        export = client.get("/admin/reports/most-read/?export=csv&edition=en")

    assert "Much read" in everything and "پرخواننده" in everything
    assert "Much read" not in persian and "پرخواننده" in persian
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[1] == "Much read,en,3,13,113"


def test_it_shows_a_page_views_in_its_editor_and_day_by_day(client, desk):
    client.force_login(
        User.objects.create_superuser("ed", "ed@example.org", "pw-long-enough")
    )
    page = desk["read"]
    with time_machine.travel(NOW, tick=False):
        editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        detail = client.get(f"/admin/audience/pages/{page.pk}/views/")

    assert "Views: 3 today, 13 this week, 113 this month" in editor
    html = detail.content.decode()
    assert detail.status_code == 200
    assert "2026-03-07" in html and "<td>10</td>" in html


def test_it_keeps_page_views_from_staff_who_cannot_edit_the_page(client, desk):
    # force_login: django-axes refuses Client.login, which passes no request.
    client.force_login(User.objects.create_user("reader", password="pw-long-enough"))

    response = client.get(f"/admin/audience/pages/{desk['read'].pk}/views/")

    assert response.status_code in (302, 403)

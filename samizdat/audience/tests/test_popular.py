from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from wagtail.models import Site

from samizdat.articles.tests import factories
from samizdat.audience import services
from samizdat.audience.models import AudienceSettings, HourlyViews, PopularWindow
from samizdat.audience.queries import popular

NOW = dt.datetime(2026, 3, 10, 12, 30, tzinfo=dt.UTC)
HOUR = NOW.replace(minute=0)


@pytest.fixture
def desk(editions):
    news = factories.section("News")
    return {
        "news": news,
        "a": factories.article(news, "Recent"),
        "b": factories.article(news, "Last week"),
        "c": factories.article(news, "Last month"),
        "d": factories.article(news, "Unread"),
    }


def views(page, hour: dt.datetime, n: int) -> None:
    HourlyViews.objects.create(page=page, hour=hour, views=n)


def window(value: str) -> None:
    site = Site.objects.get(is_default_site=True)
    AudienceSettings.objects.update_or_create(
        site=site, defaults={"popular_window": value}
    )


def ranked(locale_id: int, exclude=None, limit: int = 3) -> list[str]:
    return [a.title for a in popular(locale_id, exclude_id=exclude, limit=limit)]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (PopularWindow.DAY, ["Recent", "Unread", "Last month"]),
        (PopularWindow.WEEK, ["Last week", "Recent", "Unread"]),
        (PopularWindow.MONTH, ["Last month", "Last week", "Recent"]),
    ],
)
def test_it_ranks_over_the_window_the_editor_chose(desk, setting, expected):
    views(desk["a"], HOUR - dt.timedelta(hours=2), 5)
    views(desk["a"], HOUR - dt.timedelta(hours=23), 1)  # 13:00 yesterday: inside
    views(desk["b"], HOUR - dt.timedelta(hours=24), 8)  # 12:00 yesterday: outside 24 h
    views(desk["b"], HOUR - dt.timedelta(days=6), 2)
    views(desk["c"], HOUR - dt.timedelta(days=10), 20)
    views(desk["c"], HOUR - dt.timedelta(days=31), 99)  # outside every window
    window(setting)

    with time_machine.travel(NOW, tick=False):
        services.rank_popular()

    assert ranked(desk["a"].locale_id) == expected


def test_it_leaves_out_the_current_article(desk):
    views(desk["a"], HOUR, 5)
    views(desk["b"], HOUR, 3)
    with time_machine.travel(NOW, tick=False):
        services.rank_popular()

    assert ranked(desk["a"].locale_id, exclude=desk["a"].pk, limit=2) == [
        "Last week",
        "Unread",
    ]


def test_it_leaves_out_drafts_and_withdrawn_articles(desk):
    draft = factories.article(desk["news"], "Draft", publish=False, live=False)
    for page in (desk["a"], desk["b"], draft):
        views(page, HOUR, 5)
    with time_machine.travel(NOW, tick=False):
        services.rank_popular()
    desk["b"].unpublish()

    titles = ranked(desk["a"].locale_id, limit=10)

    assert "Draft" not in titles
    assert "Last week" not in titles
    assert titles[0] == "Recent"


def test_it_keeps_editions_apart(desk):
    fa_news = factories.section("اخبار", code="fa", slug="akhbar")
    fa_piece = factories.article(fa_news, "خبر")
    views(fa_piece, HOUR, 50)
    views(desk["a"], HOUR, 1)
    with time_machine.travel(NOW, tick=False):
        services.rank_popular()

    assert ranked(desk["a"].locale_id, limit=1) == ["Recent"]
    assert ranked(fa_piece.locale_id, limit=1) == ["خبر"]


def test_it_falls_back_to_the_latest_while_too_few_were_read(desk):
    assert ranked(desk["a"].locale_id) == ["Unread", "Last month", "Last week"]


def test_it_reads_in_a_fixed_number_of_queries(desk, django_assert_num_queries):
    for n, page in enumerate((desk["a"], desk["b"], desk["c"]), 1):
        views(page, HOUR, n)
    with time_machine.travel(NOW, tick=False):
        services.rank_popular()

    with django_assert_num_queries(1):
        ranked(desk["a"].locale_id, limit=3)
    with django_assert_num_queries(2):
        ranked(desk["a"].locale_id, limit=10)


def test_it_shows_most_read_on_the_home_page_and_beside_articles(client, desk):
    views(desk["b"], HOUR, 9)
    views(desk["a"], HOUR, 4)
    with time_machine.travel(NOW, tick=False):
        services.rank_popular()

    home = client.get(factories.home().url).content.decode()
    article = client.get(desk["b"].url).content.decode()

    assert 'class="popular"' in home
    assert home.index(">Last week</a>", home.index('class="popular"')) < home.index(
        ">Recent</a>", home.index('class="popular"')
    )
    aside = article[article.index('class="popular"') :]
    assert ">Recent</a>" in aside
    assert ">Last week</a>" not in aside
    assert f'src="/count/{desk["b"].pk}.gif"' in article

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from samizdat.articles.tests import factories
from samizdat.audience import views
from samizdat.audience.models import HourlyViews

from .conftest import count_url, reader


def views_of(page) -> int:
    call_command("flush_counts", "--no-rank", verbosity=0)
    return sum(HourlyViews.objects.filter(page=page).values_list("views", flat=True))


@pytest.fixture
def story(editions):
    return factories.article(factories.section("News"), "Rivers run dry")


def test_it_answers_with_a_tiny_uncached_image_and_no_cookie(client, story, backend):
    response = client.get(count_url(story), **reader())

    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response["Cache-Control"] == "no-store"
    assert len(response.content) < 100
    assert not response.cookies
    assert views_of(story) == 1


def test_it_discounts_a_same_day_repeat_but_counts_the_next_day(client, story, backend):
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC), tick=False):
        client.get(count_url(story), **reader())
        client.get(count_url(story), **reader())
        client.get(count_url(story), **reader(address="203.0.113.9"))
        client.get(count_url(story), **reader(agent="Mozilla/5.0 Safari/605.1"))
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False):
        client.get(count_url(story), **reader())

    assert views_of(story) == 4


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 HeadlessChrome/120.0",
        "facebookexternalhit/1.1",
        "",
    ],
)
def test_it_ignores_bots(client, story, agent):
    response = client.get(count_url(story), **reader(agent=agent))

    assert response.status_code == 200
    assert views_of(story) == 0


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
    ],
)
def test_it_ignores_prefetches(client, story, header):
    client.get(count_url(story), **reader(), **header)

    assert views_of(story) == 0


@pytest.mark.parametrize(
    "path",
    [
        "/count/abc.gif",
        "/count/12",
        "/count/-3.gif",
        "/count/0.gif",
        "/count/1234567890123.gif",
        "/count/%00.gif",
        "/count/٣.gif",
        "/count/3.gif/extra",
        "/count/",
    ],
)
def test_it_answers_garbage_with_400(client, editions, path):
    response = client.get(path, **reader())

    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"


def test_it_accepts_only_published_pages(client, editions):
    news = factories.section("News")
    draft = factories.article(news, "Not yet", publish=False, live=False)
    withdrawn = factories.article(news, "Withdrawn")
    withdrawn.unpublish()

    assert client.get(count_url(draft), **reader()).status_code == 404
    assert client.get(count_url(withdrawn), **reader()).status_code == 404
    assert client.get("/count/999999.gif", **reader()).status_code == 404
    assert HourlyViews.objects.count() == 0


def test_it_refuses_other_methods(client, story):
    assert client.post(count_url(story), **reader()).status_code == 405


def test_it_limits_the_rate_per_reader(client, story, settings, backend):
    settings.SAMIZDAT_COUNT_RATE_PER_MINUTE = 3
    codes = [client.get(count_url(story), **reader()).status_code for _ in range(5)]
    other = client.get(count_url(story), **reader(address="203.0.113.9"))

    assert codes == [200, 200, 200, 429, 429]
    assert other.status_code == 200


def test_it_uses_the_proxy_header_when_told(client, story, settings):
    settings.SAMIZDAT_COUNT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    agent = reader()["HTTP_USER_AGENT"]
    for address in ("198.51.100.1", "198.51.100.2", "evil, 198.51.100.2"):
        client.get(
            count_url(story),
            **proxy,
            HTTP_USER_AGENT=agent,
            HTTP_X_FORWARDED_FOR=address,
        )

    assert views_of(story) == 2


def test_it_answers_503_not_500_when_the_store_fails(client, story, monkeypatch):

    def broken(*args, **kwargs):
        raise ConnectionError("Redis went away")

    monkeypatch.setattr(views, "record_hit", broken)
    response = client.get(count_url(story), **reader())

    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"

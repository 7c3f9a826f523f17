from __future__ import annotations

import pytest

from samizdat.articles.tests import factories
from samizdat.newsletter.models import Subscriber

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def post(client, address="reader@example.org", **extra):
    data = {"email": address, "edition": "en", "frequency": "daily"}
    data.update(extra.pop("data", {}))
    return client.post("/en/newsletter/", data, **extra)


def test_it_answers_the_same_whether_or_not_the_address_subscribes(
    client, editions, smtp
):
    confirmed("known@example.org")
    known = post(client, "known@example.org")
    unknown = post(client, "stranger@example.org")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert "Check your inbox" in known.content.decode()
    assert Subscriber.objects.get(status="confirmed").frequency == "every"


def test_it_tells_a_confirmed_reader_instead_of_resubscribing(client, editions, smtp):
    confirmed("known@example.org")
    post(client, "known@example.org")
    [mail] = smtp.to("known@example.org")
    assert "already receives" in mail.get_body(("plain",)).get_content()
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_it_sets_no_cookie_on_reader_pages_with_the_form(client, editions, smtp):
    news = factories.section("News")
    page = factories.article(news)
    for url in ("/en/newsletter/", page.url):
        response = client.get(url)
        assert response.status_code == 200
        assert 'action="/en/newsletter/"' in response.content.decode()
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not post(client).cookies


def test_it_ignores_a_filled_honeypot(client, editions, smtp):
    response = post(client, data={"website": "http://spam.example"})
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert smtp.messages == []


def test_it_limits_posts_from_one_client(client, editions, smtp, settings):
    settings.NEWSLETTER_RATE_LIMIT = 2
    assert post(client, "a@example.org").status_code == 200
    assert post(client, "b@example.org").status_code == 200
    response = post(client, "c@example.org")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert Subscriber.objects.count() == 2
    other = post(client, "d@example.org", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_it_explains_a_bad_address_and_keeps_the_form(client, editions, smtp):
    response = post(client, "reader@@example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "does not look like an email address" in html
    assert 'value="reader@@example"' in html
    assert not Subscriber.objects.exists()


def test_it_refuses_posts_from_another_site(client, editions, smtp):
    assert post(client, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert post(client, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert not Subscriber.objects.exists()
    assert post(client, HTTP_ORIGIN="http://testserver").status_code == 200
    assert (
        post(client, "b@example.org", HTTP_SEC_FETCH_SITE="same-origin").status_code
        == 200
    )
    assert Subscriber.objects.count() == 2


def test_it_sends_at_most_a_few_confirmations_a_day(client, editions, smtp, settings):
    settings.NEWSLETTER_RATE_LIMIT = 100
    for _attempt in range(5):
        post(client, "reader@example.org")
    assert (
        len(smtp.to("reader@example.org")) == settings.NEWSLETTER_CONFIRMATIONS_PER_DAY
    )


def test_it_offers_sections_on_the_newsletter_page(client, editions, smtp):
    news = factories.section("News")
    html = client.get("/en/newsletter/").content.decode()
    assert f'value="{news.pk}"' in html
    response = post(client, data={"sections": [news.pk]})
    assert response.status_code == 200
    assert list(Subscriber.objects.get().sections.all()) == [news]


def test_it_answers_a_persian_reader_in_persian(client, editions, smtp):
    response = client.post(
        "/fa/newsletter/",
        {"email": "khanande@example.org", "edition": "fa", "frequency": "daily"},
    )
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "۷۲" in html
    [mail] = smtp.to("khanande@example.org")
    assert "/fa/newsletter/confirm/" in mail.get_body(("plain",)).get_content()

"""The whole journey over real SMTP, on whichever database the suite runs:
subscribe -> confirm -> publish -> receive -> one-click unsubscribe -> silence."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from samizdat.articles.tests import factories
from samizdat.newsletter.models import Status, Subscriber

from .conftest import body_of, link

pytestmark = pytest.mark.django_db(transaction=False)


def subscribe(client, address: str, frequency: str = "every"):
    return client.post(
        "/en/newsletter/",
        {"email": address, "edition": "en", "frequency": frequency},
    )


def test_it_runs_the_whole_flow_over_smtp(
    client, editions, smtp, django_capture_on_commit_callbacks
):
    news = factories.section("News")
    response = subscribe(client, "reader@example.org")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers and not response.cookies
    [confirmation] = smtp.to("reader@example.org")
    assert "Confirm" in str(confirmation["Subject"])

    confirm_path = link(confirmation, "confirm")
    assert client.get(confirm_path).status_code == 200
    assert Subscriber.objects.get().status == Status.PENDING
    response = client.post(confirm_path)
    assert "You are subscribed" in response.content.decode()
    assert Subscriber.objects.get().status == Status.CONFIRMED
    smtp.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page = factories.article(news, "Dam breaks upstream")
    [mail] = smtp.to("reader@example.org")
    assert str(mail["Subject"]) == "Dam breaks upstream"
    text, html = body_of(mail, "plain"), body_of(mail, "html")
    assert page.standfirst in text and page.standfirst in html
    assert page.url.rstrip("/") in text
    assert "Unsubscribe" in text and "/newsletter/unsubscribe/" in html
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = str(mail["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe_url.startswith("http")
    assert "<img" not in html

    response = client.post(
        urlsplit(unsubscribe_url).path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Status.UNSUBSCRIBED
    smtp.clear()

    with django_capture_on_commit_callbacks(execute=True):
        factories.article(news, "Second story")
    assert smtp.messages == []


def test_it_resubscribes_through_a_fresh_confirmation(
    client, editions, smtp, django_capture_on_commit_callbacks
):
    news = factories.section("News")
    subscribe(client, "back@example.org")
    client.post(link(smtp.messages[0], "confirm"))
    Subscriber.objects.update(status=Status.UNSUBSCRIBED)
    smtp.clear()

    subscribe(client, "back@example.org")
    assert Subscriber.objects.get().status == Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        factories.article(news)
    assert [str(m["Subject"]) for m in smtp.messages] == [
        str(smtp.messages[0]["Subject"])
    ]
    assert "Confirm" in str(smtp.messages[0]["Subject"])
    client.post(link(smtp.messages[0], "confirm"))
    assert Subscriber.objects.get().status == Status.CONFIRMED

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from samizdat.newsletter import services, tokens
from samizdat.newsletter.models import Status, Subscriber

from .conftest import confirmed, link

pytestmark = pytest.mark.django_db


def subscribe(client):
    client.post(
        "/en/newsletter/",
        {"email": "reader@example.org", "edition": "en", "frequency": "weekly"},
    )


def test_it_refuses_an_expired_confirmation_link(client, editions, smtp, settings):
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC), tick=False):
        subscribe(client)
    path = link(smtp.messages[0], "confirm")
    later = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC) + dt.timedelta(
        seconds=settings.NEWSLETTER_CONFIRM_MAX_AGE + 60
    )
    with time_machine.travel(later, tick=False):
        response = client.post(path)
    assert response.status_code == 400
    assert "does not work" in response.content.decode()
    assert Subscriber.objects.get().status == Status.PENDING


def test_it_refuses_a_tampered_confirmation_link(client, editions, smtp):
    subscribe(client)
    path = link(smtp.messages[0], "confirm")
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    assert client.post(tampered).status_code == 400
    other = tokens.confirm_token("0" * 64)
    assert client.post(f"/en/newsletter/confirm/{other}/").status_code == 400
    assert Subscriber.objects.get().status == Status.PENDING


def test_it_refuses_a_tampered_preferences_link(client, editions):
    subscriber = confirmed("reader@example.org")
    token = tokens.manage_token(subscriber.address_hash)
    assert client.get(f"/en/newsletter/preferences/{token}/").status_code == 200
    bad = token[:-1] + ("x" if token[-1] != "x" else "y")
    assert client.get(f"/en/newsletter/preferences/{bad}/").status_code == 400
    assert client.post(f"/en/newsletter/unsubscribe/{bad}/").status_code == 400
    assert Subscriber.objects.get().status == Status.CONFIRMED


def test_it_changes_preferences_and_erases_everything(client, editions):
    subscriber = confirmed("reader@example.org")
    url = f"/en/newsletter/preferences/{tokens.manage_token(subscriber.address_hash)}/"
    response = client.get(url)
    assert response["Cache-Control"].count("private") == 1
    assert not response.cookies
    response = client.post(
        url, {"action": "save", "edition": "fa", "frequency": "weekly"}
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.frequency) == ("fa", "weekly")
    response = client.post(url, {"action": "erase"})
    assert "erased" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert client.get(url).status_code == 400


def test_it_forgets_addresses_nobody_confirmed(client, editions, smtp, settings):

    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC), tick=False):
        subscribe(client)
        confirmed("kept@example.org")
    with time_machine.travel(dt.datetime(2026, 3, 4, 12, tzinfo=dt.UTC), tick=False):
        assert services.forget_unconfirmed() == 0
    with time_machine.travel(dt.datetime(2026, 3, 6, 12, tzinfo=dt.UTC), tick=False):
        assert services.forget_unconfirmed() == 1
    assert list(Subscriber.objects.values_list("status", flat=True)) == ["confirmed"]

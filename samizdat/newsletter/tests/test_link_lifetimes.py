"""Each link in a newsletter mail does one thing: a confirmation works once
and never undoes a later unsubscribe; preferences (and erase) links expire
and each mail brings fresh ones; the one-click unsubscribe link keeps
working; production refuses to start without its keys."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from samizdat.newsletter import services, tokens
from samizdat.newsletter.models import Status, Subscriber

from .conftest import confirmed, link

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)


def _subscribe(client):
    client.post(
        "/en/newsletter/",
        {"email": "reader@example.org", "edition": "en", "frequency": "weekly"},
    )


def test_it_confirms_once_and_never_after_a_later_unsubscribe(client, editions, smtp):
    with time_machine.travel(START, tick=False):
        _subscribe(client)
        path = link(smtp.messages[0], "confirm")
    with time_machine.travel(START + dt.timedelta(minutes=1), tick=False):
        assert client.post(path).status_code == 200
        assert client.post(path).status_code == 400
    subscriber = Subscriber.objects.get()
    with time_machine.travel(START + dt.timedelta(minutes=2), tick=False):
        services.unsubscribe(subscriber.address_hash)
    with time_machine.travel(START + dt.timedelta(minutes=3), tick=False):
        _subscribe(client)
        fresh = link(smtp.messages[-1], "confirm")
        assert client.post(path).status_code == 400
        assert Subscriber.objects.get().status == Status.PENDING
        assert client.post(fresh).status_code == 200
    assert Subscriber.objects.get().status == Status.CONFIRMED


def test_it_lets_an_old_confirmation_link_not_resubscribe(client, editions, smtp):
    with time_machine.travel(START, tick=False):
        _subscribe(client)
        path = link(smtp.messages[0], "confirm")
        subscriber = Subscriber.objects.get()
    with time_machine.travel(START + dt.timedelta(minutes=1), tick=False):
        services.unsubscribe(subscriber.address_hash)
    with time_machine.travel(START + dt.timedelta(minutes=2), tick=False):
        assert client.post(path).status_code == 400
    assert Subscriber.objects.get().status == Status.UNSUBSCRIBED


def test_it_expires_preferences_links_and_keeps_unsubscribe_links(
    client, editions, settings
):
    with time_machine.travel(START, tick=False):
        subscriber = confirmed("reader@example.org")
        preferences = tokens.manage_token(subscriber.address_hash)
        unsubscribe = tokens.unsubscribe_token(subscriber.address_hash)
    url = f"/en/newsletter/preferences/{preferences}/"
    limit = dt.timedelta(seconds=settings.NEWSLETTER_LINK_MAX_AGE)
    assert settings.NEWSLETTER_LINK_MAX_AGE == 30 * 24 * 3600
    with time_machine.travel(START + limit - dt.timedelta(hours=1), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(START + limit + dt.timedelta(hours=1), tick=False):
        assert client.get(url).status_code == 400
        assert client.post(url, {"action": "erase"}).status_code == 400
        fresh = tokens.manage_token(subscriber.address_hash)
        assert fresh != preferences
        assert client.get(f"/en/newsletter/preferences/{fresh}/").status_code == 200
    assert Subscriber.objects.filter(status=Status.CONFIRMED).count() == 1
    with time_machine.travel(START + dt.timedelta(days=400), tick=False):
        response = client.post(f"/en/newsletter/unsubscribe/{unsubscribe}/")
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Status.UNSUBSCRIBED


def test_it_puts_fresh_preferences_links_in_every_mail(client, editions, smtp):
    with time_machine.travel(START, tick=False):
        confirmed("reader@example.org")
        _subscribe(client)
    with time_machine.travel(START + dt.timedelta(days=40), tick=False):
        _subscribe(client)
        first, second = (link(m, "preferences") for m in smtp.messages[-2:])
        assert first != second
        assert client.get(first).status_code == 400
        assert client.get(second).status_code == 200


def test_it_refuses_to_start_without_newsletter_keys(settings):
    settings.NEWSLETTER_KEYS = []
    settings.NEWSLETTER_HASH_KEY = ""
    with pytest.raises(SystemCheckError) as refusal:
        call_command("check")
    assert "NEWSLETTER_KEYS is not set" in str(refusal.value)
    assert "NEWSLETTER_HASH_KEY is not set" in str(refusal.value)

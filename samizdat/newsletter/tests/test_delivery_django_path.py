"""The ledger over Django's own SMTP path (NEWSLETTER_TRANSPORT = "django"):
the same outcomes as the raw path for sends, retries and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from samizdat.newsletter import delivery, mailings
from samizdat.newsletter.models import Delivery

# Helpers of the raw path's tests, and its refusal test: collected again here,
# it runs on this path.
from .test_delivery import (  # noqa: F401
    a_mailing,
    recipients,
    test_it_suppresses_an_address_the_server_refuses,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def django_path(settings):
    settings.NEWSLETTER_TRANSPORT = "django"


def test_it_sends_one_copy_each_with_the_readers_own_links(editions, smtp, settings):
    mailing = a_mailing(3, settings)
    assert delivery.deliver(mailing.pk) == 3
    assert delivery.deliver(mailing.pk) == 0
    assert mailings.queue_article_mailing(mailing.article) is None
    assert sorted(recipients(smtp).items()) == [
        (f"reader{i}@example.org", 1) for i in range(3)
    ]
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    ids = {str(m["Message-ID"]) for m in smtp.messages}
    assert ids == {delivery.message_id(row) for row in Delivery.objects.all()}
    checked = 0
    for message in smtp.messages:
        assert "/newsletter/unsubscribe/" in str(message["List-Unsubscribe"])
        checked += 1
    assert checked == 3


def test_it_retries_a_temporary_failure_with_backoff(editions, smtp, settings):
    mailing = a_mailing(2, settings)
    smtp.defer.add("reader0@example.org")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        delivery.deliver(mailing.pk)
    row = Delivery.objects.get(attempts=1)
    assert row.state == "queued" and "451" in row.error
    assert row.due_at == start + dt.timedelta(seconds=settings.NEWSLETTER_RETRY_SECONDS)
    smtp.defer.clear()
    with time_machine.travel(start + dt.timedelta(seconds=61), tick=False):
        delivery.deliver(mailing.pk)
    assert sorted(recipients(smtp)) == ["reader0@example.org", "reader1@example.org"]
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}

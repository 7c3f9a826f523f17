"""The ledger: exactly one copy per subscriber, retries, suppression, claims."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from samizdat.articles.tests import factories
from samizdat.newsletter import crypto, delivery, mailings, transport
from samizdat.newsletter.content import renderer_for
from samizdat.newsletter.mail import Prepared, build
from samizdat.newsletter.models import Delivery, Status, Subscriber

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def a_mailing(count: int, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    news = factories.section("News")
    for i in range(count):
        confirmed(f"reader{i}@example.org")
    page = factories.article(news, "Flood warning")
    return mailings.queue_article_mailing(page)


def recipients(sink) -> Counter:
    return Counter(address for e in sink.envelopes for address in e.rcpt_tos)


def test_it_resumes_after_a_crash_with_exactly_one_copy_each(editions, smtp, settings):
    mailing = a_mailing(30, settings)
    assert Delivery.objects.filter(mailing=mailing).count() == 30
    # A worker claims a batch, sends half of it and dies without a word.
    token, rows = delivery.claim(mailing.pk, 10)
    render = renderer_for(mailing)
    conn = transport.open_connection()
    for row in rows[:5]:
        message = build(
            render(row.subscriber),
            crypto.decrypt(row.subscriber.address),
            "en",
            row.subscriber.address_hash,
            delivery.message_id(row),
        )
        assert transport.send(conn, message)[0] == transport.SENT
        delivery.mark_sent(row, token)
    conn.close()
    # Another worker, started at once, leaves the dead worker's leased rows.
    assert delivery.deliver(mailing.pk) == 20
    assert delivery.outstanding(mailing.pk)
    later = timezone.now() + dt.timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert delivery.deliver(mailing.pk) == 5
    counts = recipients(smtp)
    assert len(counts) == 30 and set(counts.values()) == {1}
    assert not delivery.outstanding(mailing.pk)
    mailing.refresh_from_db()
    assert mailing.finished_at is not None
    ids = [m["Message-ID"] for m in smtp.messages]
    assert len(set(ids)) == 30


def test_it_never_sends_a_mailing_twice(editions, smtp, settings):
    mailing = a_mailing(3, settings)
    delivery.deliver(mailing.pk)
    delivery.deliver(mailing.pk)
    assert mailings.queue_article_mailing(mailing.article) is None
    assert sum(recipients(smtp).values()) == 3


def test_it_retries_a_temporary_failure_with_backoff(editions, smtp, settings):
    mailing = a_mailing(2, settings)
    smtp.defer.add("reader0@example.org")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        delivery.deliver(mailing.pk)
    row = Delivery.objects.get(state="queued")
    assert row.attempts == 1 and row.state == "queued"
    assert row.due_at == start + dt.timedelta(seconds=settings.NEWSLETTER_RETRY_SECONDS)
    assert "451" in row.error
    smtp.defer.clear()
    with time_machine.travel(start + dt.timedelta(seconds=30), tick=False):
        assert delivery.deliver(mailing.pk) == 0
    with time_machine.travel(start + dt.timedelta(seconds=61), tick=False):
        assert delivery.deliver(mailing.pk) == 1
    assert sorted(recipients(smtp)) == ["reader0@example.org", "reader1@example.org"]


def test_it_suppresses_an_address_the_server_refuses(editions, smtp, settings):
    mailing = a_mailing(2, settings)
    smtp.reject.add("reader1@example.org")
    delivery.deliver(mailing.pk)
    refused = Subscriber.objects.get(status=Status.SUPPRESSED)
    assert "550" in refused.suppressed_reason
    assert "example.org" not in refused.suppressed_reason
    assert Delivery.objects.get(subscriber=refused).state == "failed"
    assert list(recipients(smtp)) == ["reader0@example.org"]


def test_it_skips_readers_who_left_before_their_turn(editions, smtp, settings):
    mailing = a_mailing(2, settings)
    Subscriber.objects.filter(pk=Subscriber.objects.first().pk).update(
        status=Status.UNSUBSCRIBED
    )
    delivery.deliver(mailing.pk)
    assert sum(recipients(smtp).values()) == 1


def test_it_claims_each_row_once(editions, settings):
    mailing = a_mailing(25, settings)
    first = {row.pk for row in delivery.claim(mailing.pk, 10)[1]}
    second = {row.pk for row in delivery.claim(mailing.pk, 10)[1]}
    third = {row.pk for row in delivery.claim(mailing.pk, 10)[1]}
    assert len(first) == len(second) == 10 and len(third) == 5
    assert not first & second and not second & third
    assert delivery.claim(mailing.pk, 10)[1] == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_claims_disjoint_batches_under_concurrency(editions, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SELECT ... FOR UPDATE SKIP LOCKED is PostgreSQL's")
    mailing = a_mailing(60, settings)
    claimed: list[set[int]] = []

    def worker():
        try:
            for _round in range(3):
                claimed.append({row.pk for row in delivery.claim(mailing.pk, 7)[1]})
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [pk for batch in claimed for pk in batch]
    assert len(everything) == len(set(everything)) == 60


def test_it_sends_through_any_django_backend(editions, settings, mailoutbox):
    mailing = a_mailing(2, settings)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert delivery.deliver(mailing.pk) == 2
    assert sorted(m.to[0] for m in mailoutbox) == [
        "reader0@example.org",
        "reader1@example.org",
    ]
    message = mailoutbox[0].message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"].startswith(f"<newsletter.{mailing.pk}.")


def test_it_prepares_the_same_bytes_as_a_message_built_for_one(editions, settings):

    mailing = a_mailing(1, settings)
    subscriber = Subscriber.objects.get()
    rendered = renderer_for(mailing)(subscriber)
    prepared = Prepared(rendered, "en")
    assert prepared.usable
    data = prepared.bytes_for(
        "reader0@example.org", subscriber.address_hash, "<m@x>", "Fri, 27 Nov 2026"
    )
    built = build(rendered, "reader0@example.org", "en", subscriber.address_hash)
    body = built.message().get_payload()[0].get_payload(decode=True)
    assert body.replace(b"\n", b"\r\n") in data
    assert b"To: reader0@example.org\r\n" in data and b"Message-ID: <m@x>" in data
    assert prepared.bytes_for("lecteur@exämple.org", "h", "<m@x>", "d") is None


def test_it_builds_the_message_itself_for_an_address_it_cannot_splice(
    editions, smtp, settings
):
    mailing = a_mailing(0, settings)
    confirmed("leser@exämple.org")
    delivery.add_deliveries(mailing, delivery.recipients(mailing))
    assert delivery.deliver(mailing.pk) == 1
    [envelope] = smtp.envelopes
    assert envelope.rcpt_tos == ["leser@xn--exmple-cua.org"]
    [mail] = smtp.messages
    assert "/en/newsletter/unsubscribe/" in str(mail["List-Unsubscribe"])
    assert "samizdat-" not in mail.get_body(("plain",)).get_content()


def test_a_rerun_completes_a_ledger_a_crash_left_half_written(editions, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    news = factories.section("News")
    readers = [confirmed(f"half{i}@example.org") for i in range(25)]
    page = factories.article(news, "Half a ledger")
    mailing = mailings.queue_article_mailing(page)
    # As a worker killed after the first chunk leaves it: some rows, not done.
    Delivery.objects.filter(subscriber__in=readers[10:]).delete()
    type(mailing).objects.filter(pk=mailing.pk).update(ledger_done_at=None)
    delivery.finish_if_done(mailing)
    mailing.refresh_from_db()
    assert mailing.finished_at is None

    again = mailings.queue_article_mailing(page)

    assert again is not None and again.pk == mailing.pk
    assert Delivery.objects.filter(mailing=mailing).count() == 25
    assert again.ledger_done_at is not None
    assert mailings.queue_article_mailing(page) is None

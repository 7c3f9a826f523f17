"""The delivery ledger: create a mailing's rows, claim batches, send, mark.

Every (mailing, subscriber) pair is one row, unique. A worker claims a batch
by writing its claim token and a lease on rows nobody holds (PostgreSQL:
`SELECT ... FOR UPDATE SKIP LOCKED`; SQLite: one conditional UPDATE, which
SQLite's single writer makes atomic), then sends each row over one SMTP
connection. A worker killed at any moment leaves at most its claimed rows
leased; once the lease runs out another worker takes them.

Exactly once: the row is marked sent, in its own autocommitted UPDATE, right
after the message and its final dot are written to the socket and before the
server's answer is read. Killed before the dot, the server drops the partial
message and the row is resent; killed after the mark, the kernel still
delivers what was written. What is left is the few microseconds between the
write and the commit: a kill exactly there resends that one message, with
the same Message-ID (derived from the row), so receiving systems can drop the
copy. A refusal read after the mark undoes it."""

from __future__ import annotations

import datetime as dt
import functools
import secrets
import smtplib
import time
from collections.abc import Iterable
from email.utils import formatdate

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from . import crypto, mail, transport
from .content import renderer_for
from .models import Delivery, Mailing, Status, Subscriber
from .services import suppress_hash

CHUNK = 2000


def add_deliveries(mailing: Mailing, subscriber_ids: Iterable[int]) -> int:
    """One queued row per subscriber; re-running adds nothing twice."""
    now = timezone.now()
    created = 0
    batch: list[Delivery] = []
    for subscriber_id in subscriber_ids:
        batch.append(Delivery(mailing=mailing, subscriber_id=subscriber_id, due_at=now))
        if len(batch) >= CHUNK:
            created += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    if batch:
        created += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
    return created


def claimable(mailing_id: int, now: dt.datetime) -> Q:
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    due = Q(due_at__isnull=True) | Q(due_at__lte=now)
    return Q(mailing_id=mailing_id, state=Delivery.State.QUEUED) & free & due


def claim(mailing_id: int, size: int | None = None) -> tuple[str, list[Delivery]]:
    """Take up to `size` rows no live worker holds; returns the claim token and
    the rows, subscribers included."""
    size = size or settings.NEWSLETTER_BATCH
    token = secrets.token_hex(16)
    now = timezone.now()
    lease = now + dt.timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS)
    rows = Delivery.objects.filter(claimable(mailing_id, now)).order_by("pk")
    if connection.vendor == "postgresql":
        with transaction.atomic():
            ids = list(
                rows.select_for_update(skip_locked=True).values_list("pk", flat=True)[
                    :size
                ]
            )
            Delivery.objects.filter(pk__in=ids).update(claim=token, lease_until=lease)
    else:
        ids_subquery = rows.values("pk")[:size]
        Delivery.objects.filter(pk__in=ids_subquery).filter(
            claimable(mailing_id, now)
        ).update(claim=token, lease_until=lease)
    claimed = list(
        Delivery.objects.filter(claim=token).select_related("subscriber").order_by("pk")
    )
    return token, claimed


def message_id(delivery: Delivery) -> str:
    """Derived from the row: a copy resent after a crash has the same one."""
    return f"<newsletter.{delivery.mailing_id}.{delivery.pk}@{_domain()}>"


@functools.cache
def _domain() -> str:
    host = settings.BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":")[0]
    return host or "localhost"


def mark_sent(delivery: Delivery, token: str) -> None:
    """Durable at once (autocommit): the worker may die on the next line. The
    claim token stays, so a refusal that follows can still undo the mark."""
    table = connection.ops.quote_name(Delivery._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET state = %s, sent_at = %s, lease_until = NULL "  # noqa: S608
            "WHERE id = %s AND claim = %s",
            [Delivery.State.SENT, now, delivery.pk, token],
        )


def mark_retry(delivery: Delivery, token: str, error: str) -> None:
    """A temporary failure: try again later, waiting longer each time."""
    attempts = delivery.attempts + 1
    rows = Delivery.objects.filter(pk=delivery.pk, claim=token)
    if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        rows.update(
            state=Delivery.State.FAILED, attempts=attempts, error=error[:200], claim=""
        )
        return
    wait = settings.NEWSLETTER_RETRY_SECONDS * 2 ** (attempts - 1)
    rows.update(
        state=Delivery.State.QUEUED,
        attempts=attempts,
        due_at=timezone.now() + dt.timedelta(seconds=wait),
        lease_until=None,
        claim="",
        error=error[:200],
    )


def mark_failed(
    delivery: Delivery, token: str, error: str, suppress: bool = True
) -> None:
    """A permanent failure: this row is done; when the address was refused,
    it is suppressed."""
    Delivery.objects.filter(pk=delivery.pk, claim=token).update(
        state=Delivery.State.FAILED, error=error[:200], lease_until=None, claim=""
    )
    if suppress:
        suppress_hash(delivery.subscriber.address_hash, f"rejected: {error}")


def release(token: str) -> None:
    Delivery.objects.filter(claim=token, state=Delivery.State.QUEUED).update(
        claim="", lease_until=None
    )


def deliver(mailing_id: int, deadline: float | None = None) -> int:
    """Work through a mailing until nothing is left to claim; returns how many
    messages this worker sent. Safe to run in many workers at once."""
    mailing = Mailing.objects.get(pk=mailing_id)
    render = renderer_for(mailing)
    prepared: dict[int, mail.Prepared] = {}
    django_path = transport.path() == transport.DJANGO
    sent = 0
    conn = transport.open_connection()
    try:
        while deadline is None or time.monotonic() < deadline:
            token, rows = claim(mailing_id)
            if not rows:
                break
            date = formatdate()
            batch: list[tuple[Delivery, mail.Rendered]] = []
            for row in rows:
                subscriber = row.subscriber
                rendered = (
                    render(subscriber)
                    if subscriber.status == Status.CONFIRMED
                    else None
                )
                if rendered is None:
                    Delivery.objects.filter(pk=row.pk, claim=token).update(
                        state=Delivery.State.SKIPPED, claim="", lease_until=None
                    )
                    continue
                if django_path:
                    batch.append((row, rendered))
                    continue
                if id(rendered) not in prepared:
                    prepared[id(rendered)] = mail.Prepared(rendered, mailing.language)
                outcome, error = send_one(
                    conn, prepared[id(rendered)], row, token, date
                )
                if outcome == transport.SENT:
                    sent += 1
                elif outcome == transport.PERMANENT:
                    mark_failed(row, token, error)
                elif outcome == transport.REFUSED:
                    mark_failed(row, token, error, suppress=False)
                else:
                    mark_retry(row, token, error)
                    release(token)
                    conn = transport.reopen(conn)
                    break
            if batch:
                done, retry = send_batch(conn, batch, token, mailing.language)
                sent += done
                if retry:
                    release(token)
                    conn = transport.reopen(conn)
    except (OSError, smtplib.SMTPException):
        pass  # the server is away; leased rows come free for a later run
    finally:
        transport.close(conn)
    finish_if_done(mailing)
    return sent


def send_one(
    conn, prepared: mail.Prepared, row: Delivery, token: str, date: str
) -> tuple[str, str]:
    """Send one row's message and mark it sent the moment it is handed over."""
    subscriber = row.subscriber
    address = crypto.decrypt(subscriber.address)
    data = None
    if transport.speaks_smtp(conn):
        data = prepared.bytes_for(
            address, subscriber.address_hash, message_id(row), date
        )
    if data is not None:
        return transport.send_raw(
            conn,
            prepared.from_email,
            address,
            data,
            functools.partial(mark_sent, row, token),
        )
    message = mail.build(
        prepared.rendered,
        address,
        prepared.language,
        address_hash=subscriber.address_hash,
        message_id=message_id(row),
    )
    outcome, error = transport.send(conn, message)
    if outcome == transport.SENT:
        mark_sent(row, token)
    return outcome, error


def send_batch(
    conn, batch: list[tuple[Delivery, mail.Rendered]], token: str, language: str
) -> tuple[int, bool]:
    """Django's own path: build every message, send them over the one
    connection, then mark the rows. A worker killed between the send and the
    marks resends what it had sent of that batch. Returns (sent, whether a
    temporary failure stopped the batch)."""
    messages = [
        mail.build(
            rendered,
            crypto.decrypt(row.subscriber.address),
            language,
            address_hash=row.subscriber.address_hash,
            message_id=message_id(row),
        )
        for row, rendered in batch
    ]
    outcomes = transport.send_batch(conn, messages)
    done = [
        row.pk
        for (row, _), (outcome, _) in zip(batch, outcomes, strict=False)
        if outcome == transport.SENT
    ]
    Delivery.objects.filter(pk__in=done, claim=token).update(
        state=Delivery.State.SENT, sent_at=timezone.now(), lease_until=None
    )
    retry = False
    for (row, _), (outcome, error) in zip(batch, outcomes, strict=False):
        if outcome == transport.PERMANENT:
            mark_failed(row, token, error)
        elif outcome == transport.REFUSED:
            mark_failed(row, token, error, suppress=False)
        elif outcome == transport.TEMPORARY:
            mark_retry(row, token, error)
            retry = True
    return len(done), retry


def finish_if_done(mailing: Mailing) -> None:
    """A mailing is finished when its ledger is complete and no row waits."""
    if not Mailing.objects.filter(pk=mailing.pk, ledger_done_at__isnull=False).exists():
        return
    if not Delivery.objects.filter(
        mailing=mailing, state=Delivery.State.QUEUED
    ).exists():
        Mailing.objects.filter(pk=mailing.pk, finished_at__isnull=True).update(
            finished_at=timezone.now()
        )


def unfinished_mailings() -> list[int]:
    """Mailings with rows that are due and held by no live worker."""
    now = timezone.now()
    ids = (
        Delivery.objects.filter(state=Delivery.State.QUEUED)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .filter(Q(due_at__isnull=True) | Q(due_at__lte=now))
        .values_list("mailing_id", flat=True)
        .distinct()
    )
    return sorted(set(ids))


def outstanding(mailing_id: int | None = None) -> bool:
    """Whether any row still waits, leased by a worker or due later."""
    rows = Delivery.objects.filter(state=Delivery.State.QUEUED)
    if mailing_id is not None:
        rows = rows.filter(mailing_id=mailing_id)
    return rows.exists()


def recipients(mailing: Mailing) -> Iterable[int]:
    """Confirmed subscribers of the mailing's edition and frequency who want it."""
    readers = Subscriber.objects.filter(
        status=Status.CONFIRMED,
        language=mailing.language,
        frequency=mailing.frequency,
    )
    if mailing.kind == Mailing.Kind.ARTICLE and mailing.article is not None:
        section = mailing.article.section
        if section is not None:
            readers = readers.filter(
                Q(sections__isnull=True)
                | Q(sections__translation_key=section.translation_key)
            )
    return readers.values_list("pk", flat=True).distinct().iterator(chunk_size=CHUNK)

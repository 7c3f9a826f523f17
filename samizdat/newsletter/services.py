"""Writes with side effects for subscribers: subscribe, confirm, change, leave."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from samizdat.articles.models import SectionPage
from samizdat.core import ratelimit

from . import crypto, mail, tokens
from .models import Delivery, Frequency, Status, Subscriber


def subscribe(
    address: str, language: str, frequency: str, section_ids: list[int]
) -> str:
    """Record a wish to subscribe and send the one mail it warrants.

    New, pending and unsubscribed addresses get a fresh confirmation link and
    their choices; a confirmed address gets a link to its preferences (its
    choices stay as they are: the form may have been sent by someone else);
    a suppressed address gets nothing. Returns what happened, for tests."""
    address = crypto.normalise(address)
    key = crypto.address_hash(address)
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(address_hash=key).first()
        )
        if subscriber is None:
            subscriber = Subscriber(address_hash=key, address=crypto.encrypt(address))
            subscriber.status = Status.PENDING
        if subscriber.status == Status.SUPPRESSED:
            return "suppressed"
        if subscriber.status != Status.CONFIRMED:
            subscriber.status = Status.PENDING
            subscriber.language = language
            subscriber.frequency = frequency
        today = timezone.localdate()
        if subscriber.confirmations_on != today:
            subscriber.confirmations_on, subscriber.confirmations_sent = today, 0
        if subscriber.confirmations_sent >= settings.NEWSLETTER_CONFIRMATIONS_PER_DAY:
            return "limited"
        subscriber.confirmations_sent += 1
        try:
            with transaction.atomic():
                subscriber.save()
        except IntegrityError:
            return "raced"
        if subscriber.status == Status.PENDING:
            sections = SectionPage.objects.filter(pk__in=section_ids)
            subscriber.sections.set(sections)
    if subscriber.status == Status.CONFIRMED:
        send_manage_mail(subscriber, address)
        return "manage"
    send_confirmation(subscriber, address)
    return "confirm"


def send_confirmation(subscriber: Subscriber, address: str) -> None:
    """The double opt-in mail: the only mail an unconfirmed address ever gets."""
    token = tokens.confirm_token(subscriber.address_hash)
    hours = settings.NEWSLETTER_CONFIRM_MAX_AGE // 3600
    rendered = mail.render(
        "newsletter-confirm",
        {
            "confirm_url": mail.personal_url("confirm", token, subscriber.language),
            "hours": hours,
        },
        subscriber.language,
    )
    mail.build(rendered, address, subscriber.language).send()


def send_manage_mail(subscriber: Subscriber, address: str) -> None:
    """Tell a confirmed reader someone asked to subscribe them, with their links."""
    rendered = mail.render("newsletter-manage", {}, subscriber.language)
    mail.build(
        rendered, address, subscriber.language, address_hash=subscriber.address_hash
    ).send()


def confirm(address_hash: str, issued: dt.datetime) -> Subscriber | None:
    """Confirm a pending subscription with a link issued at `issued`.

    A link works once (only a pending address is confirmed) and never
    overrides a later unsubscribe: a link issued before the reader last
    unsubscribed confirms nothing, even if they have asked again since (the
    newer mail carries the link that works). None when nothing was confirmed."""
    changed = (
        Subscriber.objects.filter(address_hash=address_hash, status=Status.PENDING)
        .exclude(unsubscribed_at__gt=issued)
        .update(status=Status.CONFIRMED, confirmed_at=timezone.now())
    )
    if not changed:
        return None
    return Subscriber.objects.filter(address_hash=address_hash).first()


def unsubscribe(address_hash: str) -> bool:
    """Stop every mail to this reader at once, queued deliveries included."""
    with transaction.atomic():
        changed = Subscriber.objects.filter(
            address_hash=address_hash, status__in=[Status.CONFIRMED, Status.PENDING]
        ).update(status=Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
        Delivery.objects.filter(
            subscriber__address_hash=address_hash, state=Delivery.State.QUEUED
        ).update(state=Delivery.State.SKIPPED)
    return bool(changed)


def update_preferences(
    subscriber: Subscriber, language: str, frequency: str, section_ids: list[int]
) -> None:
    """Apply the reader's own choices from their preferences page."""
    subscriber.language = language
    subscriber.frequency = frequency
    subscriber.save(update_fields=["language", "frequency"])
    subscriber.sections.set(SectionPage.objects.filter(pk__in=section_ids))


def erase(address_hash: str) -> None:
    """Forget everything stored about an address: the row, its choices, its
    delivery ledger."""
    Subscriber.objects.filter(address_hash=address_hash).delete()


def suppress(address: str, reason: str) -> bool:
    """Never mail this address again (hard bounce, complaint); staff see why."""
    key = crypto.address_hash(address)
    return suppress_hash(key, reason)


def suppress_hash(address_hash: str, reason: str) -> bool:
    """Suppress by the address's hash (the ledger knows no address)."""
    with transaction.atomic():
        changed = Subscriber.objects.filter(address_hash=address_hash).update(
            status=Status.SUPPRESSED,
            suppressed_at=timezone.now(),
            suppressed_reason=reason[:200],
        )
        Delivery.objects.filter(
            subscriber__address_hash=address_hash, state=Delivery.State.QUEUED
        ).update(state=Delivery.State.SKIPPED)
    return bool(changed)


def forget_unconfirmed() -> int:
    """Delete addresses never confirmed once their last link has expired: an
    address nobody confirmed is not kept."""
    days = settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400 + 1
    cutoff = timezone.localdate() - dt.timedelta(days=days)
    deleted, _by_model = Subscriber.objects.filter(
        status=Status.PENDING, confirmations_on__lt=cutoff
    ).delete()
    return deleted


def allow_client(client: str) -> bool:
    """A per-client budget of form posts, counted under a keyed hash that lives
    only in the cache for the window: no address or IP is stored."""
    return ratelimit.allow(
        cache,
        lambda bucket: (
            "newsletter-rate:" + crypto.keyed_hash(f"{client}:{bucket}")[:32]
        ),
        settings.NEWSLETTER_RATE_LIMIT,
        settings.NEWSLETTER_RATE_WINDOW,
    )


FREQUENCIES = [value for value, _label in Frequency.choices]

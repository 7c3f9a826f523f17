"""Background jobs: thin, idempotent wrappers around the services."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from samizdat.articles.models import ArticlePage

from . import crypto, delivery, mailings, services


@task()
def subscribe_task(
    sealed_address: str, language: str, frequency: str, section_ids: list[int]
) -> str:
    """Handle a form post; the address arrives encrypted."""
    return services.subscribe(
        crypto.decrypt(sealed_address), language, frequency, section_ids
    )


@task()
def mail_article(page_id: int) -> int | None:
    """Create an article's mailing (once) and start its workers; nothing for
    a piece taken offline before the worker got to it."""
    page = ArticlePage.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    mailing = mailings.queue_article_mailing(page)
    if mailing is None:
        return None
    start_workers(mailing.pk)
    return mailing.pk


@task()
def deliver_mailing(mailing_id: int) -> int:
    """Send what is left of a mailing; any number may run at once."""
    return delivery.deliver(mailing_id)


@task()
def send_digests() -> list[int]:
    """Periodic: create due digests and start their workers."""
    created = mailings.create_digests()
    for mailing in created:
        start_workers(mailing.pk)
    return [m.pk for m in created]


@task()
def resume_deliveries() -> list[int]:
    """Periodic: complete ledgers a killed worker left half-written, then pick
    up rows left by a killed worker or due for a retry."""
    for mailing in mailings.incomplete_ledgers():
        mailings.complete_ledger(mailing)
    ids = delivery.unfinished_mailings()
    for mailing_id in ids:
        deliver_mailing.enqueue(mailing_id)
    return ids


@task()
def forget_unconfirmed() -> int:
    """Periodic: drop pending addresses whose confirmation link has expired."""
    return services.forget_unconfirmed()


def start_workers(mailing_id: int) -> None:
    for _worker in range(max(1, settings.NEWSLETTER_WORKERS)):
        deliver_mailing.enqueue(mailing_id)

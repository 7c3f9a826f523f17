"""Creating mailings: an article when it is published, digests on schedule."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from samizdat.articles.models import ArticlePage
from samizdat.editions.conf import all_editions

from .delivery import add_deliveries, recipients
from .models import Frequency, MailChoice, Mailing, SectionMailing


def wants_mailing(page: ArticlePage) -> bool:
    """The editor's choice for this article, else its section's default."""
    choice = next(iter(page.newsletter.all()), None)
    if choice is not None and choice.choice != MailChoice.Choice.DEFAULT:
        return choice.choice == MailChoice.Choice.SEND
    default = SectionMailing.objects.filter(section_id=page.section_id).first()
    return default.mail_new_articles if default else True


def queue_article_mailing(page: ArticlePage) -> Mailing | None:
    """Create the one mailing of an article and its ledger. A second call (a
    republish) finds the mailing and adds nothing; a call after a crash that
    left the ledger half-written completes it and returns the mailing."""
    language = page.locale.language_code
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(
                kind=Mailing.Kind.ARTICLE,
                language=language,
                frequency=Frequency.EVERY,
                article=page,
                article_ids=[page.pk],
            )
    except IntegrityError:
        found = Mailing.objects.filter(
            kind=Mailing.Kind.ARTICLE, article=page, ledger_done_at__isnull=True
        ).first()
        if found is None:
            return None
        mailing = found
    complete_ledger(mailing)
    return mailing


def complete_ledger(mailing: Mailing) -> int:
    """Give every recipient of the mailing its ledger row, then mark the ledger
    complete. Resumable: rows written before a crash stay, a rerun adds only
    the missing ones (the (mailing, subscriber) pair is unique). Returns how
    many rows this call added."""
    added = add_deliveries(mailing, recipients(mailing))
    Mailing.objects.filter(pk=mailing.pk, ledger_done_at__isnull=True).update(
        ledger_done_at=timezone.now()
    )
    mailing.refresh_from_db(fields=["ledger_done_at"])
    return added


def incomplete_ledgers() -> list[Mailing]:
    """Mailings whose ledger a killed worker left half-written."""
    return list(Mailing.objects.filter(ledger_done_at__isnull=True).order_by("pk"))


def digest_period(frequency: str, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The last scheduled digest time at or before `now`, and the one before."""
    local = timezone.localtime(now)
    end = local.replace(
        hour=settings.NEWSLETTER_DIGEST_HOUR, minute=0, second=0, microsecond=0
    )
    if end > local:
        end -= dt.timedelta(days=1)
    step = dt.timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        end -= dt.timedelta(
            days=(end.weekday() - settings.NEWSLETTER_DIGEST_WEEKDAY) % 7
        )
        step = dt.timedelta(days=7)
    return end - step, end


def create_digests(now: dt.datetime | None = None) -> list[Mailing]:
    """Due digests with what was published in their period; an empty period
    sends nothing, and a period is mailed at most once."""
    now = now or timezone.now()
    created = []
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        start, end = digest_period(frequency, now)
        for edition in all_editions():
            existing = Mailing.objects.filter(
                kind=Mailing.Kind.DIGEST,
                language=edition.code,
                frequency=frequency,
                period_end=end,
            ).first()
            if existing is not None:
                if existing.ledger_done_at is None:
                    complete_ledger(existing)
                    created.append(existing)
                continue
            ids = list(
                ArticlePage.objects.live()
                .filter(
                    locale__language_code=edition.code,
                    first_published_at__gte=start,
                    first_published_at__lt=end,
                )
                .order_by("-first_published_at")
                .values_list("pk", flat=True)
            )
            if not ids:
                continue
            try:
                with transaction.atomic():
                    mailing = Mailing.objects.create(
                        kind=Mailing.Kind.DIGEST,
                        language=edition.code,
                        frequency=frequency,
                        article_ids=ids,
                        period_end=end,
                    )
            except IntegrityError:
                continue
            complete_ledger(mailing)
            created.append(mailing)
    return created

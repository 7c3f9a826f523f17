"""Reads for the newsletter: section choices, staff counts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from samizdat.articles.models import SectionPage

from .models import Delivery, Mailing, Subscriber


def section_choices(language: str) -> list[tuple[int, str]]:
    """The sections a reader of this edition may pick."""
    return list(
        SectionPage.objects.live()
        .filter(locale__language_code=language)
        .order_by("path")
        .values_list("pk", "title")
    )


@dataclass(frozen=True)
class SubscriberCounts:
    rows: list[dict]  # status, language, frequency, n
    by_status: dict[str, int]


@dataclass(frozen=True)
class MailingProgress:
    mailing: Mailing
    states: dict[str, int]  # rows per delivery state


def counts() -> SubscriberCounts:
    """Subscribers by status, edition and frequency: numbers, no addresses."""
    rows = (
        Subscriber.objects.values("status", "language", "frequency")
        .annotate(n=Count("pk"))
        .order_by("status", "language", "frequency")
    )
    by_status: dict[str, int] = {}
    for row in rows:
        by_status[row["status"]] = by_status.get(row["status"], 0) + row["n"]
    return SubscriberCounts([dict(row) for row in rows], by_status)


def recent_mailings(limit: int = 20) -> list[MailingProgress]:
    """The latest mailings with how far their ledger has got."""
    mailings = list(Mailing.objects.order_by("-pk")[:limit])
    states = (
        Delivery.objects.filter(mailing__in=mailings)
        .values("mailing_id", "state")
        .annotate(n=Count("pk"))
    )
    tally: dict[int, dict[str, int]] = {}
    for row in states:
        tally.setdefault(row["mailing_id"], {})[row["state"]] = row["n"]
    return [MailingProgress(m, tally.get(m.pk, {})) for m in mailings]


def suppressed(limit: int = 200):
    """Suppressed subscribers and why, newest first (staff see the reason)."""
    return Subscriber.objects.filter(status="suppressed").order_by("-suppressed_at")[
        :limit
    ]

"""What the desk needs today, for the admin home: pieces waiting for review,
scheduled for today, published in the last 24 hours with their views,
awaiting translation per edition, and corrections issued this week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Locale, Page, Revision, WorkflowState

from samizdat.articles.models import ArticlePage, Correction
from samizdat.articles.translation_status import is_out_of_date
from samizdat.audience.queries import views_per_article
from samizdat.editions.conf import edition_for

# Pieces published this long ago or less are checked for translation.
TRANSLATION_WINDOW = dt.timedelta(days=30)
LIMIT = 10


@dataclass(frozen=True)
class Awaiting:
    """A piece one edition lacks, or whose translation there is out of date."""

    source: ArticlePage
    translation: ArticlePage | None

    @property
    def out_of_date(self) -> bool:
        return self.translation is not None


@dataclass(frozen=True)
class EditionBacklog:
    code: str
    name: str
    pieces: list[Awaiting]


def awaiting_translation(
    now: dt.datetime | None = None, window: dt.timedelta = TRANSLATION_WINDOW
) -> list[EditionBacklog]:
    """Per edition: live pieces of the other editions published within
    `window` that it has no copy of, and its copies their source outran."""
    now = now or timezone.now()
    recent = list(
        ArticlePage.objects.live()
        .filter(last_published_at__gte=now - window)
        .select_related("locale")
        .order_by("-last_published_at")
    )
    keys = {p.translation_key for p in recent}
    family: dict = {}
    for page in (
        ArticlePage.objects.filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("pk")
    ):
        family.setdefault(page.translation_key, []).append(page)
    backlogs = []
    for locale in Locale.objects.order_by("pk"):
        edition = edition_for(locale.language_code)
        pieces = []
        seen = set()
        for page in recent:
            pages = family[page.translation_key]
            source = pages[0]
            if source.pk != page.pk or source.translation_key in seen:
                continue
            seen.add(source.translation_key)
            if source.locale_id == locale.pk:
                continue
            copy = next((p for p in pages if p.locale_id == locale.pk), None)
            if copy is None or is_out_of_date(copy, source):
                pieces.append(Awaiting(source, copy))
        backlogs.append(EditionBacklog(edition.code, edition.name, pieces))
    return backlogs


@dataclass(frozen=True)
class Desk:
    waiting_for_review: list[Page]
    scheduled_today: list[Revision]
    published: list[ArticlePage]
    awaiting_translation: list[EditionBacklog]
    corrections: list[Correction]


def desk_today(now: dt.datetime | None = None) -> Desk:
    """The admin home's newsroom dashboard, in one place."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    start = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    in_review = (
        WorkflowState.objects.active()
        .filter(base_content_type__app_label="wagtailcore")
        .values_list("object_id", flat=True)
    )
    waiting = list(
        Page.objects.filter(pk__in=[int(pk) for pk in in_review])
        .select_related("locale")
        .order_by("-latest_revision_created_at")[:LIMIT]
    )
    scheduled = list(
        Revision.page_revisions.filter(
            approved_go_live_at__gte=start,
            approved_go_live_at__lt=start + dt.timedelta(days=1),
        )
        .select_related("user")
        .order_by("approved_go_live_at")[:LIMIT]
    )
    published = list(
        views_per_article(now)
        .filter(live=True, first_published_at__gte=now - dt.timedelta(hours=24))
        .order_by("-first_published_at")[:LIMIT]
    )
    corrections = list(
        Correction.objects.filter(date__gte=today - dt.timedelta(days=6))
        .select_related("article", "article__locale")
        .order_by("-date", "-pk")[:LIMIT]
    )
    return Desk(waiting, scheduled, published, awaiting_translation(now), corrections)

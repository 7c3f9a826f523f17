"""Reads of the quotation record for reader pages and feeds: each a fixed
number of queries, whatever the number of quotations or pieces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.http import Http404

from samizdat.articles.models import ArticlePage, Tag
from samizdat.people.models import Person

from .models import Quotation
from .months import Month, month_of


@dataclass(frozen=True)
class Filters:
    """What a reader narrowed a speaker's record to."""

    after: dt.date | None = None
    before: dt.date | None = None
    topic: Tag | None = None


def speaker(locale_id: int, slug: str) -> Person:
    """The public figure at `slug` in the edition, or Http404."""
    person = (
        Person.objects.filter(locale_id=locale_id, slug=slug, public_figure=True)
        .select_related("photo", "locale")
        .first()
    )
    if person is None:
        raise Http404
    return person


def said_by(person: Person, filters: Filters | None = None) -> QuerySet[Quotation]:
    """Everything the person is reported to have said in published pieces of
    their edition, newest date said first."""
    rows = Quotation.objects.filter(
        person=person, locale_id=person.locale_id, page__live=True
    )
    filters = filters or Filters()
    if filters.after:
        rows = rows.filter(said_on__gte=filters.after)
    if filters.before:
        rows = rows.filter(said_on__lte=filters.before)
    if filters.topic is not None:
        rows = rows.filter(
            page_id__in=ArticlePage.objects.filter(
                tagged_items__tag=filters.topic
            ).values("pk")
        )
    return rows.select_related("page", "page__locale").order_by(
        "-said_on", "-published_at", "position"
    )


@dataclass(frozen=True)
class MonthCount:
    month: Month
    count: int


def timeline(person: Person) -> list[MonthCount]:
    """How many statements the person made each month of the edition's
    calendar, newest month first (one query: the days, counted here, since
    a Solar Hijri month is not a database's month)."""
    days = (
        Quotation.objects.filter(
            person=person, locale_id=person.locale_id, page__live=True
        )
        .values("said_on")
        .annotate(count=Count("pk"))
        .order_by("-said_on")
    )
    counts: dict[tuple[int, int], int] = {}
    months: dict[tuple[int, int], Month] = {}
    code = person.locale.language_code
    for row in days:
        month = month_of(row["said_on"], code)
        key = (month.year, month.month)
        months.setdefault(key, month)
        counts[key] = counts.get(key, 0) + row["count"]
    return [MonthCount(months[key], counts[key]) for key in months]


def topics(person: Person) -> QuerySet[Tag]:
    """The tags of the pieces that quote the person, for the topic filter."""
    return (
        Tag.objects.filter(
            tagged_articles__content_object__quotations__person=person,
            tagged_articles__content_object__live=True,
        )
        .distinct()
        .order_by("name")
    )


def public_figures(locale_id: int) -> QuerySet[Person]:
    """The edition's public figures who have at least one statement on record."""
    return (
        Person.objects.filter(
            locale_id=locale_id,
            public_figure=True,
            quotations__page__live=True,
        )
        .distinct()
        .order_by("name")
    )


def unlinked() -> QuerySet[Quotation]:
    """Published quotations whose speaker is free text, not a person."""
    return (
        Quotation.objects.filter(person__isnull=True, page__live=True)
        .select_related("page", "locale")
        .order_by("speaker_name", "-said_on")
    )


def statements(
    locale_id: int,
    terms: list[str],
    *,
    person_id: int | None = None,
    after: dt.date | None = None,
    before: dt.date | None = None,
) -> QuerySet[Quotation]:
    """Quotations of the edition's published pieces holding every one of
    `terms` (normalised words, from the search page) in their text, speaker
    or role, newest date said first: the search page's Statements filter.

    Each term is matched as a whole word of the stored normalised words, so
    no pattern syntax reaches the database."""
    rows = Quotation.objects.filter(locale_id=locale_id, page__live=True).annotate(
        padded=Concat(Value(" "), "words", Value(" "), output_field=TextField())
    )
    for term in terms:
        rows = rows.filter(padded__contains=f" {term} ")
    if person_id:
        rows = rows.filter(person_id=person_id)
    if after:
        rows = rows.filter(said_on__gte=after)
    if before:
        rows = rows.filter(said_on__lte=before)
    return rows.select_related("page", "person").order_by(
        "-said_on", "-published_at", "position"
    )

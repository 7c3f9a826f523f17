"""Writes of the quotation record. `record()` is the one place rows are made:
it rewrites a piece's rows from its live body, or deletes them when the piece
is not live, in one transaction, so it can run any number of times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from samizdat.articles.models import ArticlePage
from samizdat.editions import text as edition_text
from samizdat.people.models import Person

from .models import Quotation


@dataclass(frozen=True)
class Said:
    """One quotation block of a body, as the record keeps it."""

    block_id: str
    position: int
    text: str
    person_id: int | None
    speaker_name: str
    speaker_role: str
    date_said: dt.date | None
    source_url: str


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def quotations_in(page: ArticlePage) -> list[Said]:
    """The quotation blocks of a piece's body, in order, with each linked
    speaker taken in the piece's own edition (the translation of the chosen
    person when an editor chose the other edition's)."""
    found = []
    for position, block in enumerate(page.body or ()):
        if block.block_type != "quotation":
            continue
        value = block.value
        person = value.get("person")
        found.append((position, block.id or f"position-{position}", value, person))
    chosen = [person for *_, person in found if isinstance(person, Person)]
    in_edition = _in_edition(chosen, page.locale_id)
    result = []
    for position, block_id, value, person in found:
        local = in_edition.get(person.pk) if isinstance(person, Person) else None
        name = (value.get("speaker") or "").strip()
        result.append(
            Said(
                block_id=str(block_id),
                position=position,
                text=(value.get("text") or "").strip(),
                person_id=local.pk if local else None,
                speaker_name=(local.name if local else name)[:200],
                speaker_role=(value.get("speaker_role") or "").strip()[:200],
                date_said=_as_date(value.get("date_said")),
                source_url=(value.get("source_url") or "")[:500],
            )
        )
    return [said for said in result if said.text and said.speaker_name]


def _in_edition(people: Iterable[Person], locale_id: int) -> dict[int, Person]:
    """Each person's version in the edition, by the chosen person's id."""
    people = list(people)
    result = {p.pk: p for p in people if p.locale_id == locale_id}
    others = [p for p in people if p.locale_id != locale_id]
    if others:
        local = {
            p.translation_key: p
            for p in Person.objects.filter(
                locale_id=locale_id,
                translation_key__in=[p.translation_key for p in others],
            )
        }
        for person in others:
            if person.translation_key in local:
                result[person.pk] = local[person.translation_key]
    return result


@transaction.atomic
def forget(page_id: int) -> None:
    """Drop one piece's rows from the record (it was unpublished or deleted)."""
    Quotation.objects.filter(page_id=page_id).delete()


def record(page_id: int) -> int:
    """Rewrite one piece's rows in the record; the number of rows it now has."""
    page = ArticlePage.objects.filter(pk=page_id).select_related("locale").first()
    Quotation.objects.filter(page_id=page_id).delete()
    if page is None or not page.live:
        return 0
    published_at = page.first_published_at or timezone.now()
    rows = [
        Quotation(
            page_id=page.pk,
            locale_id=page.locale_id,
            block_id=said.block_id,
            position=said.position,
            person_id=said.person_id,
            speaker_name=said.speaker_name,
            speaker_role=said.speaker_role,
            text=said.text,
            date_said=said.date_said,
            said_on=said.date_said or timezone.localtime(published_at).date(),
            published_at=published_at,
            source_url=said.source_url,
            words=edition_text.normalise(
                " ".join([said.text, said.speaker_name, said.speaker_role])
            ),
        )
        for said in quotations_in(page)
    ]
    Quotation.objects.bulk_create(rows)
    return len(rows)


def rebuild() -> Iterable[int]:
    """Rewrite the record of every piece; yields each piece's id as it goes."""
    for page_id in ArticlePage.objects.order_by("pk").values_list("pk", flat=True):
        record(page_id)
        yield page_id
    Quotation.objects.exclude(page__live=True).delete()

"""The quotation finder over the edition's People: who it can name."""

from __future__ import annotations

from samizdat.people.models import Person

from .extract import Speaker


def speakers_of(locale_id: int) -> list[Speaker]:
    """Every person of the edition with their other names and pen name."""
    return [
        Speaker(
            id=person.pk,
            name=person.name,
            aliases=tuple(
                name for name in [person.pen_name, *person.alias_list] if name
            ),
        )
        for person in Person.objects.filter(locale_id=locale_id).only(
            "pk", "name", "pen_name", "aliases"
        )
    ]

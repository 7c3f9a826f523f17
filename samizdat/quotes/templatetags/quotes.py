from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import NoReverseMatch

from samizdat.people.models import Person

from ..views import speaker_url

register = template.Library()


@dataclass(frozen=True)
class SpeakerLink:
    name: str
    url: str


@register.simple_tag
def speaker_link(value) -> SpeakerLink | None:
    """The link from a quotation's speaker to their record, when the speaker
    is a public figure of the People list (no query: the block value holds
    the person)."""
    person = value.get("person") if hasattr(value, "get") else None
    if not isinstance(person, Person) or not person.public_figure or not person.slug:
        return None
    try:
        return SpeakerLink(person.name, speaker_url(person))
    except NoReverseMatch:
        return None


@register.simple_tag(takes_context=True)
def record_of(context, person: Person) -> str:
    """The address of a person's record, or "" when they are not a public
    figure (for the person's own page)."""
    if not isinstance(person, Person) or not person.public_figure:
        return ""
    return speaker_url(person)

from __future__ import annotations

from django import template
from django.urls import reverse

from samizdat.articles import rendering
from samizdat.articles.models import SectionPage
from samizdat.editions.conf import current_code

from .. import queries
from ..models import Placement

register = template.Library()


def _section_id(page) -> int:
    if page is None:
        return 0
    if isinstance(page, SectionPage):
        return page.pk
    return getattr(page, "section_id", None) or 0


def _slots(context) -> tuple[list[dict], str, int]:
    request = context.get("request")
    page = context.get("page")
    language = current_code()
    section_id = queries.targeting_section(_section_id(page)) or 0
    memo = getattr(request, "_samizdat_ads", None) if request else None
    if memo is None:
        memo = queries.slots_for(language, section_id)
        if request is not None:
            request._samizdat_ads = memo
    return memo, language, section_id


def _with_url(slot: dict, language: str, section_id: int) -> dict:
    return {
        **slot,
        "url": reverse("ads:slot", args=[slot["key"], language, section_id]),
    }


@register.simple_tag(takes_context=True)
def ad_slots(context, placement: str, after: int | None = None) -> list[dict]:
    """Slots of a placement that have something to show on this page; for
    list placements, only those positioned after item `after`."""
    slots, language, section_id = _slots(context)
    return [
        _with_url(slot, language, section_id)
        for slot in slots
        if slot["placement"] == placement
        and (after is None or slot["position"] == after)
    ]


@register.simple_tag(takes_context=True)
def body_with_ads(context, page) -> list[tuple]:
    """(block HTML, slots to show after it) for a piece's body: an in-article
    slot goes after its Nth paragraph; short bodies simply have no such ad."""
    slots, language, section_id = _slots(context)
    wanted: dict[int, list[dict]] = {}
    for slot in slots:
        if slot["placement"] == Placement.IN_ARTICLE:
            wanted.setdefault(slot["position"], []).append(
                _with_url(slot, language, section_id)
            )
    plan = []
    paragraphs = 0
    for kind, html in rendering.body_blocks(page, context):
        after: list[dict] = []
        if kind == "paragraph":
            paragraphs += 1
            after = wanted.get(paragraphs, [])
        plan.append((html, after))
    return plan

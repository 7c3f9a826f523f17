"""Reads for ads: which slots can show something on a page, which creatives
may fill a slot, and the per-day report."""

from __future__ import annotations

from datetime import datetime

from django.core.cache import cache
from django.db.models import F, FloatField, Q, QuerySet
from django.db.models.functions import Cast, NullIf
from django.utils import timezone

from .models import AdSlot, Creative, CreativeDay

CACHE_SECONDS = 30
GENERATION_KEY = "samizdat:ads:generation"


def generation() -> int:
    """Changes whenever a slot or creative changes, so cached choices go stale."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, None)
    return value


def known() -> dict:
    """Slot keys and the sections some creative targets: the only values worth
    a cache entry, so made-up URLs cannot crowd the cache."""
    key = f"samizdat:ads:known:{generation()}"
    found = cache.get(key)
    if found is None:
        found = {
            "slots": set(AdSlot.objects.values_list("key", flat=True)),
            "sections": set(
                Creative.sections.through.objects.values_list(
                    "sectionpage_id", flat=True
                )
            ),
        }
        cache.set(key, found, CACHE_SECONDS)
    return found


def targeting_section(section_id: int | None) -> int | None:
    """The section as far as targeting goes: None unless a creative targets it."""
    return section_id if section_id in known()["sections"] else None


def running(language: str, section_id: int | None, now: datetime) -> QuerySet:
    """Creatives that may be shown now in this edition and section."""
    sections = Q(sections__isnull=True)
    if section_id:
        sections |= Q(sections=section_id)
    return (
        Creative.objects.filter(active=True, starts_at__lte=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .filter(Q(editions__isnull=True) | Q(editions__language_code=language))
        .filter(sections)
    )


def slots_for(language: str, section_id: int | None) -> list[dict]:
    """Slots that have at least one running creative for this edition and
    section: one query, then kept in the cache for CACHE_SECONDS."""
    key = f"samizdat:ads:slots:{generation()}:{language}:{section_id or 0}"
    slots = cache.get(key)
    if slots is None:
        live = Creative.slots.through.objects.filter(
            creative__in=running(language, section_id, timezone.now()).values("pk")
        ).values("adslot_id")
        slots = list(
            AdSlot.objects.filter(pk__in=live).values(
                "key", "placement", "position", "width", "height"
            )
        )
        cache.set(key, slots, CACHE_SECONDS)
    return slots


def creatives_for(slot_key: str, language: str, section_id: int | None) -> list[dict]:
    """What the slot may show now, with weights and what the ad document
    needs to render each one; cached for CACHE_SECONDS."""
    key = f"samizdat:ads:fill:{generation()}:{slot_key}:{language}:{section_id or 0}"
    found = cache.get(key)
    if found is None:
        slot = AdSlot.objects.filter(key=slot_key).first()
        found = []
        if slot is not None:
            creatives = (
                running(language, section_id, timezone.now())
                .filter(slots=slot)
                .select_related("image")
                .distinct()
                .order_by("pk")
            )
            for creative in creatives:
                image = None
                if creative.image is not None:
                    rendition = creative.image.get_rendition(
                        f"max-{slot.width}x{slot.height}"
                    )
                    image = {
                        "url": rendition.url,
                        "width": rendition.width,
                        "height": rendition.height,
                    }
                found.append(
                    {
                        "id": creative.pk,
                        "weight": creative.weight,
                        "image": image,
                        "alt": creative.alt_text,
                        "text": creative.text,
                    }
                )
        cache.set(key, found, CACHE_SECONDS)
    return found


def daily_report(
    since: datetime | None = None, until: datetime | None = None
) -> QuerySet[CreativeDay]:
    """Impressions, clicks and click-through rate (percent) per creative per day."""
    rows = CreativeDay.objects.select_related("creative")
    if since:
        rows = rows.filter(day__gte=since)
    if until:
        rows = rows.filter(day__lte=until)
    return rows.annotate(
        ctr=100.0
        * Cast(F("clicks"), FloatField())
        / NullIf(Cast(F("impressions"), FloatField()), 0.0)
    ).order_by("-day", "creative__name")

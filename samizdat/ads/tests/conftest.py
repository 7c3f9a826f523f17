from __future__ import annotations

import pytest
from django.utils import timezone

from samizdat.ads.models import AdSlot, Creative
from samizdat.audience import services
from samizdat.audience.buffer import get_store

READER = {
    "REMOTE_ADDR": "198.51.100.7",
    "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
}


@pytest.fixture(autouse=True)
def _fresh_counts(settings):
    settings.SAMIZDAT_COUNT_SPILL_SECONDS = 0
    settings.SAMIZDAT_COUNT_REDIS_URL = ""
    get_store().clear()
    services.forget_salt()
    yield
    get_store().clear()


def slot(key: str = "side", placement: str = "sidebar", **fields) -> AdSlot:
    return AdSlot.objects.create(name=key, key=key, placement=placement, **fields)


def creative(name: str, slots: list[AdSlot], **fields) -> Creative:
    fields.setdefault("text", f"<b>{name}</b>")
    fields.setdefault("link_url", "https://advertiser.example/landing")
    fields.setdefault("starts_at", timezone.now() - timezone.timedelta(days=1))
    made = Creative.objects.create(name=name, **fields)
    made.slots.set(slots)
    return made

"""The demo's house advertisements: the outlet advertising itself (the
newsletter, reading through mirrors or a circumvention tool) in every kind of
slot and both editions, so a newcomer sees where ads sit and how they are
labelled."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from samizdat.ads.models import AdSlot, Creative, Placement

Pair = tuple[str, str]


@dataclass(frozen=True)
class SlotSpec:
    key: str
    name: str
    placement: str
    width: int
    height: int
    position: int = 3


SLOTS = [
    SlotSpec("demo-header", "Demo: under the masthead", Placement.HEADER, 728, 90),
    SlotSpec("demo-sidebar", "Demo: sidebar", Placement.SIDEBAR, 300, 250),
    SlotSpec(
        "demo-in-article", "Demo: inside articles", Placement.IN_ARTICLE, 300, 250, 4
    ),
    SlotSpec(
        "demo-in-list", "Demo: between list items", Placement.IN_LIST, 300, 250, 3
    ),
]

# (name, text per edition, path under the edition's home)
CREATIVES: list[tuple[str, Pair, str]] = [
    (
        "House ad: newsletter",
        (
            "<b>Our newsletter</b><br>The day's reporting in your inbox. "
            "No tracking; leave in one click.",
            "<b>خبرنامهٔ ما</b><br>گزارش‌های روز در صندوق نامه‌تان. "
            "بدون ردیابی؛ با یک کلیک لغو کنید.",
        ),
        "newsletter/",
    ),
    (
        "House ad: mirrors",
        (
            "<b>Blocked where you are?</b><br>Read us through our mirrors, "
            "on Tor, or with a circumvention tool. Addresses at the foot of "
            "every page.",
            "<b>سایت ما برایتان مسدود است؟</b><br>ما را از راه نشانی‌های "
            "جایگزین، تور یا ابزار عبور از فیلتر بخوانید. نشانی‌ها در پایین "
            "همهٔ صفحه‌ها آمده است.",
        ),
        "",
    ),
]


def ensure_house_ads(codes: tuple[str, ...] = ("en", "fa")) -> int:
    """Slots of every placement and two house creatives per edition running
    in all of them; returns how many creatives it made (0 when present)."""
    slots = []
    for spec in SLOTS:
        slot, _ = AdSlot.objects.get_or_create(
            key=spec.key,
            defaults={
                "name": spec.name,
                "placement": spec.placement,
                "width": spec.width,
                "height": spec.height,
                "position": spec.position,
            },
        )
        slots.append(slot)
    made = 0
    for n, code in enumerate(codes):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for name, text, path in CREATIVES:
            full_name = f"{name} ({code})"
            if Creative.objects.filter(name=full_name).exists():
                continue
            creative = Creative.objects.create(
                name=full_name,
                text=text[n],
                link_url=f"{settings.BASE_URL}/{code}/{path}",
            )
            creative.slots.set(slots)
            creative.editions.set([locale])
            made += 1
    return made

"""The letters buffered counts are stored under never change: rows spilled
and Redis keys written before a deploy fold after it."""

from __future__ import annotations

from samizdat.audience import services
from samizdat.audience.buffer import decode, encode
from samizdat.audience.models import CountKind


def test_it_keeps_the_stored_letters():
    assert [(k.name, k.value) for k in CountKind] == [
        ("VIEW", "v"),
        ("IMPRESSION", "i"),
        ("CLICK", "c"),
    ]


def test_it_routes_a_stored_letter_to_its_kinds_sink():
    checked = 0
    for kind in CountKind:
        key = decode(encode((kind, 7, 100)))
        assert key == (kind.value, 7, 100)
        assert services._sinks[key[0]] is services._sinks[kind]
        checked += 1
    assert checked == 3

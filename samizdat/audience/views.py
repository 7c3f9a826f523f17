"""The count endpoint: a 1×1 image each reader page asks for once."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from .buffer import LIMITED
from .models import CountKind
from .queries import is_countable_page
from .services import record_hit

log = logging.getLogger(__name__)

# A transparent 1×1 GIF, the smallest image every browser accepts.
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01"
    b"\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
MAX_ID_DIGITS = 12
PREFIX = "/count/"


def no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def refuse(status: int, reason: str) -> HttpResponse:
    return no_store(
        HttpResponse(reason, status=status, content_type="text/plain; charset=utf-8")
    )


def pixel() -> HttpResponse:
    return no_store(HttpResponse(PIXEL, content_type="image/gif"))


def parse_id(rest: str, suffix: str) -> int | None:
    """A positive id from '<digits><suffix>', or None for anything else."""
    digits = rest[: -len(suffix)] if rest.endswith(suffix) else ""
    if not digits.isascii() or not digits.isdigit() or len(digits) > MAX_ID_DIGITS:
        return None
    value = int(digits)
    return value or None


@require_safe
def count(request: HttpRequest, rest: str) -> HttpResponse:
    """Count a view of a published page; the same tiny image for everyone.

    It is never cached (each page view asks again, even when the page came
    from a front cache), sets no cookie and keeps nothing about the reader
    beyond today's keyed hash in the cache."""
    page_id = parse_id(rest, ".gif")
    if page_id is None:
        return refuse(400, "Expected /count/<page id>.gif")
    try:
        if not is_countable_page(page_id):
            return refuse(404, "No published page has this id.")
        outcome = record_hit(request, CountKind.VIEW, page_id)
    except Exception:  # noqa: BLE001 - a lost count must never break a page
        log.warning("count of page %s not recorded", page_id, exc_info=True)
        return refuse(503, "Counting is unavailable for a moment.")
    if outcome == LIMITED:
        return refuse(429, "Too many requests; try again in a minute.")
    return pixel()

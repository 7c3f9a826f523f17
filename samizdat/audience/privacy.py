"""Who is counted, and how a reader is recognised for one day without being
tracked: bots and prefetches are dropped; a reader is a keyed hash of
(address, user agent) under a salt that changes every day and lives only in
the cache, so yesterday's hashes cannot be recomputed by anyone."""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|scrap|fetch|preview|monitor|"
    r"headless|lighthouse|pingdom|uptime|curl|wget|httpie|python|java/|"
    r"go-http|okhttp|libwww|axios|node-fetch|phantom|feed|facebookexternalhit|"
    r"embedly|whatsapp|telegram|discord|skype|bingpreview|mediapartners|yandex",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_bot(user_agent: str) -> bool:
    """Known robots, scripts and link previewers, and clients with no UA."""
    return not user_agent or BOTS.search(user_agent) is not None


def is_prefetch(request: HttpRequest) -> bool:
    """Speculative loads the reader may never see."""
    meta = request.META
    for header in PREFETCH_HEADERS:
        value = meta.get(header)
        if value and (
            "prefetch" in value or "preview" in value or "prerender" in value
        ):
            return True
    return False


def client_address(request: HttpRequest) -> str:
    """The reader's address as the nearest trusted proxy saw it.

    Behind nginx or a CDN, SAMIZDAT_COUNT_CLIENT_IP_HEADER names the header it
    sets (e.g. HTTP_X_FORWARDED_FOR); the right-most entry is the one the
    proxy added, the others are whatever the client claimed."""
    header = settings.SAMIZDAT_COUNT_CLIENT_IP_HEADER
    value = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    return value.rsplit(",", 1)[-1].strip()


def client_hash(salt: bytes, address: str, user_agent: str) -> str:
    """A reader's identity for today only; meaningless once the salt is gone."""
    message = f"{address}\n{user_agent}".encode("utf-8", "replace")
    return hmac.new(salt, message, hashlib.sha256).hexdigest()[:32]


def today() -> tuple[str, int]:
    """Today's date (site time zone) and the seconds left until midnight:
    nothing about a reader is kept past the end of the day it was seen."""
    now = time.time()
    day = _day
    if day is None or not day[0] <= now < day[1]:
        local = timezone.localtime()
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        midnight = start + timedelta(days=1)
        day = _set_day(
            (start.timestamp(), midnight.timestamp(), local.date().isoformat())
        )
    return day[2], max(1, int(day[1] - now))


_day: tuple[float, float, str] | None = None


def _set_day(value: tuple[float, float, str]) -> tuple[float, float, str]:
    global _day
    _day = value
    return value

"""Ad documents and click redirects, both same-origin and never cached."""

from __future__ import annotations

import logging

from csp.decorators import csp
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from samizdat.audience.buffer import LIMITED
from samizdat.audience.services import record_hit
from samizdat.audience.views import no_store, refuse
from samizdat.editions.conf import edition_for

from .models import Creative
from .queries import creatives_for, known, targeting_section
from .services import choose, click_token, creative_from_token
from .sinks import CLICK, IMPRESSION

log = logging.getLogger(__name__)


@require_safe
@xframe_options_sameorigin
@csp(  # type: ignore[arg-type]  # django-csp types views as (request) only
    {
        # Framed by our pages only; its one inline <style>, our images.
        "default-src": ["'none'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'self'"],
    }
)
def slot(request: HttpRequest, key: str, language: str, section: int) -> HttpResponse:
    """The small document framed in an ad slot: one creative, drawn anew for
    every page view even when the page itself came from a cache."""
    if language not in dict(settings.LANGUAGES):
        return refuse(400, "Unknown edition.")
    if key not in known()["slots"]:
        return refuse(400, "Unknown ad slot.")
    chosen = choose(creatives_for(key, language, targeting_section(section)))
    if chosen is not None:
        try:
            record_hit(request, IMPRESSION, chosen["id"])
        except Exception:  # noqa: BLE001 - the ad is shown even if not counted
            log.warning("impression of creative %s not recorded", chosen["id"])
    with translation.override(language):
        response = render(
            request,
            "ads/slot.html",
            {
                "creative": chosen,
                "edition": edition_for(language),
                "click_token": click_token(chosen["id"]) if chosen else "",
            },
        )
    return no_store(response)


@require_safe
def click(request: HttpRequest, token: str) -> HttpResponse:
    """Count a click on a genuine ad link, then send the reader on."""
    creative_id = creative_from_token(token)
    if creative_id is None:
        return refuse(400, "This advertisement link is not valid.")
    link = Creative.objects.filter(pk=creative_id).values_list("link_url", flat=True)
    target = link.first()
    if target is None:
        return refuse(410, "This advertisement has been removed.")
    try:
        outcome = record_hit(request, CLICK, creative_id)
    except Exception:  # noqa: BLE001 - the reader still reaches the advertiser
        log.warning("click on creative %s not recorded", creative_id)
        outcome = None
    if outcome == LIMITED:
        return refuse(429, "Too many requests; try again in a minute.")
    response = HttpResponseRedirect(target)
    response["Referrer-Policy"] = "no-referrer"
    return no_store(response)

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from samizdat.core.queries import absolute_url

from . import queries


def mirrors_document() -> dict:
    """The canonical address, the mirrors and the onion service, for tools."""
    found = queries.addresses()
    return {
        "canonical": absolute_url("/"),
        "mirrors": found["mirrors"],
        "onion": found["onion"],
    }


def mirrors_json(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        json.dumps(mirrors_document(), ensure_ascii=False, indent=1),
        content_type="application/json",
    )
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=300)
    return response

"""Tell Tor Browser about the onion service; mark mirror-export requests."""

from __future__ import annotations

from . import queries

# Set by export_mirror in the WSGI environ; no HTTP header can produce it.
MIRROR_ENVIRON_KEY = "samizdat.mirror"


class OnionLocationMiddleware:
    """Adds `Onion-Location` to reader pages when an onion address is set.

    Requests made by export_mirror carry a WSGI environ key (never an HTTP
    header, so readers cannot ask for mirror pages) and get
    `request.samizdat_mirror = True` for templates instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.samizdat_mirror = bool(request.META.get(MIRROR_ENVIRON_KEY))
        response = self.get_response(request)
        if (
            not request.samizdat_mirror
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/admin/")
        ):
            onion = queries.addresses()["onion"]
            if onion:
                response["Onion-Location"] = onion + request.get_full_path()
        return response

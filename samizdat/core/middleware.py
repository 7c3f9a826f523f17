"""Cache headers for reader pages, set in one place."""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_cache_control


class ReaderCacheMiddleware:
    """Anonymous reader pages may be kept by a front cache; staff pages never.

    A reader without a session cookie gets `public` responses that nginx or a
    CDN can serve hot; anyone with a session (editors) gets `private`."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if request.method not in ("GET", "HEAD") or request.path.startswith(
            self.admin_prefix
        ):
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in (200, 301, 404):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.SAMIZDAT_READER_MAX_AGE,
                s_maxage=settings.SAMIZDAT_READER_SHARED_MAX_AGE,
            )
            _drop_vary_cookie(response)
        return response


def _drop_vary_cookie(response) -> None:
    """A reader without a session gets the same page whatever cookies say, so
    front caches need not key on them (many CDNs refuse `Vary: Cookie`)."""
    if not response.has_header("Vary"):
        return
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() != "cookie"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]

"""Count requests skip the rest of the middleware stack.

They need no session, locale, CSRF, messages or redirects, and every reader
page makes one, so they are answered first, with the headers the count view
sets itself (no-store, nosniff)."""

from __future__ import annotations

from .views import PREFIX, count


class CountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(PREFIX):
            return count(request, path[len(PREFIX) :])
        return self.get_response(request)

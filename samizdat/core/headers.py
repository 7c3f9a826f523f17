"""The Content-Security-Policy, Permissions-Policy and
Cross-Origin-Resource-Policy of every answer.

Reader pages carry no script, no inline style and nothing from another host,
so their policy (CONTENT_SECURITY_POLICY, django-csp) allows only our own
styles, images, fonts and ad frames: a `<script>` that reached a rich-text
value outside the admin does not run. The admin, whose widgets still write a
few inline scripts and styles, gets SAMIZDAT_ADMIN_CSP; a signed-in staff
member reading the site gets the reader policy plus SAMIZDAT_STAFF_READER_CSP
(Wagtail's user bar: its scripts from our origin, none inline; nothing of it
reaches readers, whose pages never carry it); served documents
SAMIZDAT_DOCUMENT_CSP (nothing runs, sandboxed); views that set their own
(the framed ad slot) keep it."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class PolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        path = request.path_info
        if path.startswith(settings.SAMIZDAT_ADMIN_PREFIX):
            parts.config = settings.SAMIZDAT_ADMIN_CSP["DIRECTIVES"]
        elif path.startswith(settings.SAMIZDAT_DOCUMENTS_PREFIX):
            parts.config = settings.SAMIZDAT_DOCUMENT_CSP
        elif _signed_in(request):
            parts.update = settings.SAMIZDAT_STAFF_READER_CSP
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.SAMIZDAT_PERMISSIONS)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


def _signed_in(request: HttpRequest) -> bool:
    """Whether a staff account is reading (the user bar is then on the page);
    requests answered before the session was read have no user."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)

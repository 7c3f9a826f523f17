"""No admin page before the second factor.

After the password, a signed-in account that has not passed a second factor
in this session is sent to pass one (`staff_verify`) or, with none yet, to
register one (`staff_security`); only those pages, the passkey ceremony and
signing out answer it. SAMIZDAT_STAFF_SECOND_FACTOR turns this off for the
test suite only (production refuses to start without it)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from samizdat.staff.factors import is_enrolled
from samizdat.staff.passkey_urls import PASSKEY_API

# Pages an account that has not passed its second factor may still open, by
# URL name (with the icons and interface strings those pages load); the
# enrolment pages only while it has no factor at all.
ALWAYS_OPEN = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "staff_verify",
)
OPEN_TO_NEWCOMERS = ("staff_security", "staff_app_add")


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusal = self.refuse(request)
        return refusal or self.get_response(request)

    def refuse(self, request: HttpRequest) -> HttpResponse | None:
        if not settings.SAMIZDAT_STAFF_SECOND_FACTOR:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():  # type: ignore[attr-defined]
            return None
        admin = reverse("wagtailadmin_home")
        if not request.path.startswith(admin):
            return None
        if request.path.startswith(admin + PASSKEY_API):
            return None
        if request.path in {reverse(name) for name in ALWAYS_OPEN}:
            return None
        enrolled = is_enrolled(user)
        if not enrolled and request.path in {reverse(n) for n in OPEN_TO_NEWCOMERS}:
            return None
        target = reverse("staff_verify" if enrolled else "staff_security")
        query = {"next": request.get_full_path()} if request.method == "GET" else {}
        return HttpResponseRedirect(target + ("?" + urlencode(query) if query else ""))


class AdminHostMiddleware:
    """With SAMIZDAT_ADMIN_HOST set, the admin exists on that host only: on
    the readers' host (or any other) /admin/ is an ordinary 404."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.prefix = "/admin/"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = settings.SAMIZDAT_ADMIN_HOST
        if host and request.path.startswith(self.prefix):
            if request.get_host().rsplit(":", 1)[0].lower() != host:
                raise Http404
        return self.get_response(request)

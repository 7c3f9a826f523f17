"""Administrators see locked accounts and unlock them."""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from samizdat.staff import lockout


def lockouts(request: HttpRequest) -> HttpResponse:
    """Accounts and addresses at the failure limit; POST `username` unlocks."""
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        username = request.POST.get("username", "")
        if username and lockout.unlock(request, username):
            messages.success(
                request, _("%(name)s can sign in again.") % {"name": username}
            )
        return HttpResponseRedirect(reverse("staff_lockouts"))
    attempts = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).order_by("-attempt_time")
    return render(request, "staff/lockouts.html", {"attempts": attempts})

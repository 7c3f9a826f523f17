from __future__ import annotations

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import translation

from samizdat.editions.conf import current_code


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    translation.activate(current_code())
    return render(request, "500.html", status=500)


def site_icon(request, name: str):
    """/favicon.ico and /apple-touch-icon.png, which browsers ask for at the
    root whatever the page says: sent on to the static file."""
    return HttpResponsePermanentRedirect(static(name))

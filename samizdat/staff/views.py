"""The staff member's own second factors, in Wagtail's admin: register, name
and remove passkeys, set up an authenticator app, print recovery codes, and
pass the second step after the password. Also the lock-out answer."""

from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from samizdat.staff import factors
from samizdat.staff.forms import CodeForm, PasskeyNameForm, RecoveryForm


def security(request: HttpRequest) -> HttpResponse:
    """The account's factors; an account with none is sent here to enrol."""
    own = factors.factors_of(request.user)
    return render(
        request,
        "staff/security.html",
        {"factors": own, "next": _safe_next(request, "")},
    )


def app_add(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: its key as a QR code and as text, then a
    code from the app to prove it was copied."""
    device = factors.pending_app(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if factors.confirm_app(request, device, form.cleaned_data["code"]):
            messages.success(request, _("The authenticator app is set up."))
            return HttpResponseRedirect(reverse("staff_security"))
        form.add_error("code", _("That code is not the one the app shows now."))
    url = device.config_url
    qr = segno.make(url, error="m").svg_inline(scale=5, title=_("Authenticator key"))
    return render(
        request,
        "staff/app_add.html",
        {
            "form": form,
            "qr": mark_safe(qr),  # noqa: S308 - segno's own SVG of our own URL
            "key": _grouped(device),
        },
    )


def app_remove(request: HttpRequest) -> HttpResponse:
    device = get_object_or_404(TOTPDevice, user=request.user, confirmed=True)
    if request.method == "POST":
        factors.remove(request, device, "app")
        messages.success(request, _("The authenticator app was removed."))
        return HttpResponseRedirect(reverse("staff_security"))
    return render(
        request,
        "staff/remove.html",
        {"what": _("the authenticator app"), "action": reverse("staff_app_remove")},
    )


def passkey_name(request: HttpRequest, pk: int) -> HttpResponse:
    passkey = get_object_or_404(WebAuthnCredential, user=request.user, pk=pk)
    form = PasskeyNameForm(request.POST or None, initial={"name": passkey.name})
    if form.is_valid():
        passkey.name = form.cleaned_data["name"]
        passkey.save(update_fields=["name"])
        messages.success(request, _("The passkey was renamed."))
        return HttpResponseRedirect(reverse("staff_security"))
    return render(
        request, "staff/passkey_name.html", {"form": form, "passkey": passkey}
    )


def passkey_remove(request: HttpRequest, pk: int) -> HttpResponse:
    passkey = get_object_or_404(WebAuthnCredential, user=request.user, pk=pk)
    if request.method == "POST":
        factors.remove(request, passkey, "passkey")
        messages.success(request, _("The passkey was removed."))
        return HttpResponseRedirect(reverse("staff_security"))
    return render(
        request,
        "staff/remove.html",
        {
            "what": passkey.name,
            "action": reverse("staff_passkey_remove", args=[passkey.pk]),
        },
    )


@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """A new set of recovery codes, shown this once."""
    codes = factors.new_recovery_codes(request, request.user)
    return render(request, "staff/recovery_codes.html", {"codes": codes})


def verify(request: HttpRequest) -> HttpResponse:
    """The second step after the password."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("wagtailadmin_login"))
    target = _safe_next(request, reverse("wagtailadmin_home"))
    own = factors.factors_of(request.user)
    if not own.enrolled and not own.recovery_left:
        return HttpResponseRedirect(reverse("staff_security"))
    app_form: CodeForm | RecoveryForm = CodeForm(prefix="app")
    recovery_form: CodeForm | RecoveryForm = RecoveryForm(prefix="recovery")
    if request.method == "POST":
        # The button pressed says which form was sent (the fields' own names
        # carry the forms' prefixes).
        recovery = request.POST.get("factor") == "recovery"
        form: CodeForm | RecoveryForm = (
            RecoveryForm(request.POST, prefix="recovery")
            if recovery
            else CodeForm(request.POST, prefix="app")
        )
        if form.is_valid() and factors.verify_code(
            request, form.cleaned_data["code"], recovery=recovery
        ):
            return HttpResponseRedirect(target)
        form.add_error("code", _("That code is wrong or was used already."))
        if isinstance(form, RecoveryForm):
            recovery_form = form
        else:
            app_form = form
    return render(
        request,
        "staff/verify.html",
        {
            "factors": own,
            "app_form": app_form,
            "recovery_form": recovery_form,
            "next": target,
        },
    )


def locked_out(request: HttpRequest, credentials: dict | None = None, *args, **kwargs):
    """What django-axes answers a locked account or address: the sign-in page
    saying so plainly, status 429."""
    hours = settings.AXES_COOLOFF_TIME
    return render(
        request,
        "staff/locked_out.html",
        {"hours": hours},
        status=429,
    )


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _grouped(device: TOTPDevice) -> str:
    """The app's key in base32, in groups of four, for typing by hand."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))

"""django-otp-webauthn's ceremony endpoints under /admin/security/webauthn/,
with the two completions recorded in the audit log.

They are mounted by the project's URL configuration ahead of Wagtail's admin
(whose pages all require a signed-in account), because signing in with a
passkey alone starts here without one. Registering still needs an account
with admin access; the ceremony itself checks the rest (django-otp-webauthn:
a passkey sign-in must verify the user, by PIN or biometrics)."""

from __future__ import annotations

import json

from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django_otp import login as otp_login
from django_otp_webauthn import exceptions, views
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.admin.auth import require_admin_access

from samizdat.staff import audit, factors

app_name = "otp_webauthn"
# Below the admin's own prefix; the second-factor middleware lets it through.
PASSKEY_API = "security/webauthn/"


class SignInRefused(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "sign_in_refused"
    default_detail = _(
        "Signing in from this address is blocked for now. Try again later, "
        "or ask an administrator."
    )


class CompleteRegistration(views.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if isinstance(response, JsonResponse) and response.status_code == 200:
            passkey = WebAuthnCredential.objects.get(
                user=self.request.user, pk=self._registered_id(response)
            )
            factors.passkey_added(self.request, passkey)
        return response

    @staticmethod
    def _registered_id(response: JsonResponse) -> int:
        return int(json.loads(response.content)["id"])


class CompleteAuthentication(views.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        """The second step after the password, or the whole sign-in. A passkey
        sign-in goes through the authentication backends like a password, so
        a locked client address refuses it (an account locked by someone
        else's guessing does not: they cannot guess a passkey) and
        `user_logged_in` records it in the audit log."""
        if self.request.user.is_authenticated:
            otp_login(self.request, device)
            audit.record(
                audit.Event.VERIFIED, device.user, self.request, factor="passkey"
            )
            return
        user = authenticate(self.request, webauthn_credential=device)
        if user is None:
            audit.record(audit.Event.REFUSED_LOCKED, device.user, self.request)
            raise SignInRefused()
        auth_login(self.request, user)
        otp_login(self.request, device)


urlpatterns = [
    path(
        "registration/begin/",
        require_admin_access(views.BeginCredentialRegistrationView.as_view()),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        require_admin_access(CompleteRegistration.as_view()),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        views.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]

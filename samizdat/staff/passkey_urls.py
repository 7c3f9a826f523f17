"""django-otp-webauthn's ceremony endpoints under /admin/security/webauthn/,
with the two completions recorded in the audit log."""

from __future__ import annotations

import json

from django.http import JsonResponse
from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views
from django_otp_webauthn.models import WebAuthnCredential

from samizdat.staff import audit, factors

app_name = "otp_webauthn"
# Below the admin's own prefix; the second-factor middleware lets it through.
PASSKEY_API = "security/webauthn/"


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
        super().complete_auth(device)
        audit.record(audit.Event.VERIFIED, device.user, self.request, factor="passkey")


urlpatterns = [
    path(
        "registration/begin/",
        views.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompleteRegistration.as_view(),
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

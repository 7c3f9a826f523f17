from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from samizdat.staff import admin_views, audit, views


@hooks.register("register_admin_urls")
def staff_admin_urls():
    return [
        path("security/", views.security, name="staff_security"),
        path("security/verify/", views.verify, name="staff_verify"),
        path("security/app/", views.app_add, name="staff_app_add"),
        path("security/app/remove/", views.app_remove, name="staff_app_remove"),
        path(
            "security/passkeys/<int:pk>/", views.passkey_name, name="staff_passkey_name"
        ),
        path(
            "security/passkeys/<int:pk>/remove/",
            views.passkey_remove,
            name="staff_passkey_remove",
        ),
        path(
            "security/recovery-codes/",
            views.recovery_codes,
            name="staff_recovery_codes",
        ),
        path("security/lockouts/", admin_views.lockouts, name="staff_lockouts"),
    ]


@hooks.register("register_account_menu_item")
def staff_security_item(request):
    return {
        "url": reverse("staff_security"),
        "label": _("Sign-in security"),
        "help_text": _("Passkeys, authenticator app and recovery codes."),
    }


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(
        _("Locked accounts"), reverse("staff_lockouts"), icon_name="lock", order=950
    )


class StaffFormatter(LogFormatter):
    """The event's message, the factor it concerns and the client address."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        parts = [str(self.message)]
        if data.get("factor"):
            parts.append(str(data["factor"]))
        if data.get("address"):
            parts.append(_("from %(address)s") % {"address": data["address"]})
        return " · ".join(parts)


@hooks.register("register_log_actions")
def staff_log_actions(actions):
    for event, (label, message) in audit.LABELS.items():
        actions.register_action(event.value)(
            type("Formatter", (StaffFormatter,), {"label": label, "message": message})
        )

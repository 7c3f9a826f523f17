"""Sign-ins, failures and lock-outs into the audit log."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from samizdat.staff import audit, lockout
from samizdat.staff.addresses import client_address

PASSKEY_BACKEND = "django_otp_webauthn.backends.WebAuthnBackend"


@receiver(user_logged_in, dispatch_uid="samizdat.staff.signed_in")
def signed_in(sender, request, user, **kwargs) -> None:
    if request is None:
        return
    # authenticate() names the backend that accepted the account.
    if getattr(user, "backend", "") == PASSKEY_BACKEND:
        audit.record(audit.Event.SIGNED_IN_PASSKEY, user, request)
    else:
        audit.record(audit.Event.SIGNED_IN, user, request)


@receiver(user_login_failed, dispatch_uid="samizdat.staff.sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    """Only failures naming a real account: a mistyped user name has no one
    to log against, and axes still counts it against the address."""
    account = lockout.account_named(credentials.get("username"))
    if account is None or request is None:
        return
    # The attempt that reaches the limit is a wrong password (then the
    # lock-out); the ones after it are refused before any password check.
    if lockout.refused_while_locked(request):
        audit.record(audit.Event.REFUSED_LOCKED, account, request)
    else:
        audit.record(audit.Event.SIGN_IN_FAILED, account, request)


@receiver(user_locked_out, dispatch_uid="samizdat.staff.locked_out")
def locked_out(sender, request, username=None, ip_address=None, **kwargs) -> None:
    address = ip_address or client_address(request) or "unknown"
    lockout.locked_out(request, username, address)

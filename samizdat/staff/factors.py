"""A staff account's second factors: passkeys (django-otp-webauthn), one
authenticator app (django-otp's TOTP) and single-use recovery codes
(django-otp's static tokens). Never SMS.

Reads and writes live together here because every write is one call into
django-otp; the views decide when, and log each change through `audit`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from samizdat.staff import audit

# A staff account; request.user arrives as a lazy object of either user class.
Account = Any

RECOVERY_CODES = 10
APP_NAME = "authenticator-app"
RECOVERY_NAME = "recovery-codes"


@dataclass(frozen=True)
class Factors:
    """What one account can pass the second step with."""

    passkeys: list[WebAuthnCredential]
    app: TOTPDevice | None
    recovery_left: int

    @property
    def enrolled(self) -> bool:
        """Recovery codes alone do not count: they are the spare key."""
        return bool(self.passkeys) or self.app is not None


def factors_of(user: Account) -> Factors:
    """Every confirmed factor of the account, passkeys newest first."""
    passkeys = list(
        WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by(
            "-created_at"
        )
    )
    app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    recovery = StaticToken.objects.filter(
        device__user=user, device__confirmed=True
    ).count()
    return Factors(passkeys=passkeys, app=app, recovery_left=recovery)


def is_enrolled(user: Account) -> bool:
    """Whether the account has a factor to pass (any confirmed device)."""
    return user_has_device(user, confirmed=True)


def pending_app(user: Account) -> TOTPDevice:
    """The authenticator app being set up: one unconfirmed device per account,
    kept across reloads so the code on the staff member's phone stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_app(request: HttpRequest, device: TOTPDevice, code: str) -> bool:
    """Confirm the app with a code it shows; it replaces any earlier app."""
    if not device.verify_token(_digits(code)):
        return False
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    audit.record(audit.Event.FACTOR_ADDED, device.user, request, factor="app")
    return True


@transaction.atomic
def new_recovery_codes(request: HttpRequest, user: Account) -> list[str]:
    """A fresh set of single-use codes; the old set stops working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=code) for code in codes]
    )
    audit.record(audit.Event.FACTOR_ADDED, user, request, factor="recovery codes")
    return codes


def remove(request: HttpRequest, device: Device, kind: str) -> None:
    """Remove one factor of the signed-in account."""
    device.delete()
    audit.record(audit.Event.FACTOR_REMOVED, request.user, request, factor=kind)


def passkey_added(request: HttpRequest, passkey: WebAuthnCredential) -> None:
    """Record a passkey django-otp-webauthn has just registered."""
    audit.record(audit.Event.FACTOR_ADDED, passkey.user, request, factor="passkey")


@transaction.atomic
def verify_code(request: HttpRequest, code: str, *, recovery: bool) -> bool:
    """Pass the second step with an app code or, when `recovery`, a recovery
    code (each works once: django-otp deletes it on use). In a transaction:
    django-otp locks the devices it checks (SELECT ... FOR UPDATE), so two
    requests cannot spend the same code, and PostgreSQL refuses that lock
    outside one."""
    kinds = (StaticDevice,) if recovery else (TOTPDevice,)
    token = code.strip() if recovery else _digits(code)
    for device in devices_for_user(request.user, confirmed=True, for_verify=True):
        if isinstance(device, kinds) and device.verify_token(token):
            otp_login(request, device)
            audit.record(
                audit.Event.VERIFIED,
                request.user,
                request,
                factor="recovery code" if recovery else "app",
            )
            return True
    return False


def _digits(code: str) -> str:
    """The six digits, whatever spaces or Persian digits came with them."""
    folded = code.translate(
        str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
    )
    return "".join(ch for ch in folded if ch.isascii() and ch.isdigit())

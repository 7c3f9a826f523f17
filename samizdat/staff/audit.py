"""Staff events in Wagtail's audit log (Reports → Site history).

Each entry is logged against the staff account it concerns, with the acting
account, the time (Wagtail's own) and the client address the trusted proxy
saw. Readers never reach this module: only sign-in and second-factor events
of admin accounts are recorded, and `prune_staff_log` forgets them after
SAMIZDAT_STAFF_AUDIT_DAYS."""

from __future__ import annotations

import enum
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from samizdat.staff.addresses import client_address

# A staff account; request.user arrives as a lazy object of either user class.
Account = Any


class Event(enum.StrEnum):
    SIGNED_IN = "samizdat.staff.signed_in"
    SIGNED_IN_PASSKEY = "samizdat.staff.signed_in_passkey"
    SIGN_IN_FAILED = "samizdat.staff.sign_in_failed"
    LOCKED_OUT = "samizdat.staff.locked_out"
    REFUSED_LOCKED = "samizdat.staff.refused_locked"
    UNLOCKED = "samizdat.staff.unlocked"
    VERIFIED = "samizdat.staff.verified"
    FACTOR_ADDED = "samizdat.staff.factor_added"
    FACTOR_REMOVED = "samizdat.staff.factor_removed"


LABELS = {
    Event.SIGNED_IN: (_("Staff: signed in"), _("Signed in with the password")),
    Event.SIGNED_IN_PASSKEY: (
        _("Staff: signed in with a passkey"),
        _("Signed in with a passkey, no password"),
    ),
    Event.SIGN_IN_FAILED: (_("Staff: sign-in failed"), _("Wrong password")),
    Event.LOCKED_OUT: (_("Staff: locked out"), _("Locked out after failed sign-ins")),
    Event.REFUSED_LOCKED: (
        _("Staff: sign-in refused, locked"),
        _("Sign-in refused: the account or address is locked"),
    ),
    Event.UNLOCKED: (_("Staff: unlocked"), _("Unlocked by an administrator")),
    Event.VERIFIED: (_("Staff: second factor passed"), _("Passed the second factor")),
    Event.FACTOR_ADDED: (_("Staff: second factor added"), _("Second factor added")),
    Event.FACTOR_REMOVED: (
        _("Staff: second factor removed"),
        _("Second factor removed"),
    ),
}


def record(
    event: Event,
    account: Account,
    request: HttpRequest | None,
    actor: Account | None = None,
    **data: str,
) -> None:
    """Write one staff event to the audit log, with the client address."""
    if request is not None:
        data["address"] = client_address(request) or "unknown"
    account = _unwrapped(account)
    actor = _unwrapped(actor) if actor is not None else account
    log(instance=account, action=event.value, user=actor, data=data)


def _unwrapped(user: Account) -> Account:
    """request.user is a lazy object (twice, with django-otp's middleware);
    Wagtail finds the log model by the instance's own class."""
    while isinstance(user, LazyObject):
        user.pk  # noqa: B018 - evaluates the lazy object
        user = user._wrapped
    return user


def prune(now=None) -> int:
    """Forget staff events older than the retention period; editorial history
    (pages, snippets, exports) is kept. Returns how many entries went."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SAMIZDAT_STAFF_AUDIT_DAYS)
    deleted, _rows = ModelLogEntry.objects.filter(
        action__in=[event.value for event in Event], timestamp__lt=cutoff
    ).delete()
    return deleted

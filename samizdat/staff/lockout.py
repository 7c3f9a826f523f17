"""Lock-outs (django-axes): tell the owner once, let an administrator undo."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

from samizdat.staff import audit

# A staff account; request.user arrives as a lazy object of either user class.
Account = Any
_TOLD = "samizdat:staff:locked:"


class LockoutBackend(AxesStandaloneBackend):
    """axes's check before any password is tried, marking the attempts it
    refuses so the audit log can tell them from wrong passwords."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            return super().authenticate(request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            request.samizdat_refused_locked = True
            raise


def refused_while_locked(request: HttpRequest) -> bool:
    """Whether this sign-in was refused unread because of a lock-out."""
    return getattr(request, "samizdat_refused_locked", False)


def account_named(username: str | None) -> Account | None:
    """The account a sign-in named, if there is one."""
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def locked_out(request: HttpRequest, username: str | None, address: str) -> None:
    """Record the lock-out and mail the owner, once per lock-out: axes signals
    again for every attempt made while locked."""
    account = account_named(username)
    if account is None:
        return
    key = _TOLD + str(account.pk)
    if not cache.add(key, 1, timeout=int(settings.AXES_COOLOFF_TIME * 3600)):
        return
    audit.record(audit.Event.LOCKED_OUT, account, request)
    if account.email:
        tell_owner(account, address)


def tell_owner(account: Account, address: str) -> None:
    """A plain mail: the account is locked, from where, and what to do."""
    context = {
        "account": account,
        "address": address,
        "hours": settings.AXES_COOLOFF_TIME,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "admin_url": settings.WAGTAILADMIN_BASE_URL + "/admin/",
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("staff/emails/locked-subject.txt", context).strip()
        body = render_to_string("staff/emails/locked-body.txt", context)
        html = render_to_string("staff/emails/locked-body.html", context)
    message = EmailMultiAlternatives(
        subject,
        body,
        to=[account.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()


def unlock(request: HttpRequest, username: str) -> int:
    """Clear the failures of one account (every address it was tried from)."""
    cleared = reset(username=username)
    account = account_named(username)
    if account is not None:
        cache.delete(_TOLD + str(account.pk))
        audit.record(audit.Event.UNLOCKED, account, request, actor=request.user)
    return cleared

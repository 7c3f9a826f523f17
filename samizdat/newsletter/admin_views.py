"""Staff pages: counts, mailings, suppressions, export and the dev mailbox.

Counts need `view_subscriber`; the export needs `export_subscriber` and is
written to Wagtail's audit log every time."""

from __future__ import annotations

import csv
import email
from dataclasses import dataclass
from email import policy
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from . import crypto, queries
from .models import Status, Subscriber, SubscriberExport

EXPORT_ACTION = "samizdat_newsletter.export"
MAILBOX_SEPARATOR = "\n" + "-" * 79 + "\n"


def require(request, codename: str) -> None:
    if not request.user.has_perm(f"newsletter.{codename}"):
        raise PermissionDenied


class OverviewView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Newsletter")
    header_icon = "mail"
    template_name = "newsletter/admin/overview.html"

    def dispatch(self, request, *args, **kwargs):
        require(request, "view_subscriber")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            counts=queries.counts(),
            mailings=queries.recent_mailings(),
            suppressed=queries.suppressed(),
            can_export=self.request.user.has_perm("newsletter.export_subscriber"),
            has_mailbox=mailbox_dir() is not None,
        )
        return context


@require_POST
def export(request):
    """The confirmed list as CSV; the export itself is logged for audit."""
    require(request, "export_subscriber")
    subscribers = Subscriber.objects.filter(status=Status.CONFIRMED).order_by("pk")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow(["email", "edition", "frequency", "confirmed_at"])
    rows = 0
    for subscriber in subscribers.iterator(chunk_size=2000):
        writer.writerow(
            [
                crypto.decrypt(subscriber.address),
                subscriber.language,
                subscriber.frequency,
                subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
            ]
        )
        rows += 1
    record = SubscriberExport.objects.create(user=request.user, rows=rows)
    log(instance=record, action=EXPORT_ACTION, user=request.user, data={"rows": rows})
    return response


def mailbox_dir() -> Path | None:
    """Where the development mailbox is, when mail goes to files."""
    if settings.EMAIL_BACKEND != "django.core.mail.backends.filebased.EmailBackend":
        return None
    folder = getattr(settings, "EMAIL_FILE_PATH", None)
    return Path(folder) if folder else None


@dataclass(frozen=True)
class MailboxMessage:
    id: str
    subject: str
    to: str
    date: str
    text: str


def read_mailbox(folder: Path) -> list[MailboxMessage]:
    """Messages in the file backend's .log files, newest first."""
    messages = []
    files = sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in files[:200]:
        raw = path.read_text(encoding="utf-8", errors="replace")
        for index, chunk in enumerate(raw.split(MAILBOX_SEPARATOR)):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk, policy=policy.default)
            text = message.get_body(preferencelist=("plain",))
            messages.append(
                MailboxMessage(
                    id=f"{path.name}:{index}",
                    subject=str(message.get("Subject", "")),
                    to=str(message.get("To", "")),
                    date=str(message.get("Date", "")),
                    text=text.get_content() if text else "",
                )
            )
    return messages


class MailboxView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Development mailbox")
    header_icon = "mail"
    template_name = "newsletter/admin/mailbox.html"

    def dispatch(self, request, *args, **kwargs):
        require(request, "view_subscriber")
        if mailbox_dir() is None:
            raise Http404("Mail is not going to the development mailbox.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        folder = mailbox_dir()
        messages = read_mailbox(folder) if folder.exists() else []
        chosen = self.request.GET.get("message")
        context.update(
            mails=messages,
            message=next((m for m in messages if m.id == chosen), None),
            folder=folder,
        )
        return context

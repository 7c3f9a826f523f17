"""Bounces and complaints: plain SMTP delivery status notifications (RFC 3464),
feedback reports (RFC 5965), and the tracking events providers post to
anymail's webhooks. Each hard bounce or complaint suppresses the address for
good and records why, for staff."""

from __future__ import annotations

import email
from dataclasses import dataclass
from email import policy
from email.message import Message

from anymail.signals import AnymailTrackingEvent, EventType, RejectReason

from .services import suppress
from .transport import ADDRESS


@dataclass(frozen=True)
class Event:
    recipient: str
    permanent: bool
    reason: str


def _address(field: str) -> str:
    """'rfc822; reader@example.org' -> 'reader@example.org'."""
    value = field.split(";", 1)[-1].strip()
    return value.strip("<>")


def _blocks(part: Message) -> list[Message]:
    """The header blocks of a report part (the email package parses each
    block of a delivery-status or feedback-report part as a message)."""
    payload = part.get_payload()
    if not isinstance(payload, list):
        return []
    return [block for block in payload if isinstance(block, Message)]


def parse_report(raw: bytes) -> list[Event]:
    """The failed recipients of a DSN, or the complained-about one of an ARF report."""
    message = email.message_from_bytes(raw, policy=policy.compat32)
    events: list[Event] = []
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            for block in _blocks(part):
                recipient = block.get("Final-Recipient") or block.get(
                    "Original-Recipient"
                )
                status = (block.get("Status") or "").strip()
                action = (block.get("Action") or "").strip().lower()
                if not recipient or action not in ("failed", "delayed"):
                    continue
                permanent = action == "failed" and status.startswith("5.")
                code = (block.get("Diagnostic-Code") or "").split(";", 1)[-1].strip()
                reason = f"bounce {status}" + (f" ({code[:80]})" if code else "")
                events.append(Event(_address(recipient), permanent, reason))
        elif kind == "message/feedback-report":
            for block in _blocks(part):
                recipient = block.get("Original-Rcpt-To")
                feedback = (block.get("Feedback-Type") or "abuse").strip()
                if recipient:
                    events.append(
                        Event(_address(recipient), True, f"complaint ({feedback})")
                    )
    return events


def apply(events: list[Event]) -> int:
    """Suppress each permanent failure; temporary ones are left to retries."""
    done = 0
    for event in events:
        if event.permanent:
            done += suppress(event.recipient, ADDRESS.sub("<address>", event.reason))
    return done


def _sparkpost_class(raw: dict) -> str:
    event: dict = next(iter(raw.get("msys", {}).values()), {})
    return str(event.get("bounce_class", ""))


# anymail reports some providers' soft bounces as "bounced" too; each such
# provider says in its own payload whether the failure was temporary. This
# table is the one place that knows those payloads.
SOFT_BOUNCE = {
    "Amazon SES": lambda raw: raw.get("bounce", {}).get("bounceType") != "Permanent",
    "Brevo": lambda raw: raw.get("event") == "soft_bounce",
    "SendinBlue": lambda raw: raw.get("event") == "soft_bounce",
    "Mailjet": lambda raw: not raw.get("hard_bounce", False),
    "Postmark": lambda raw: raw.get("Type") == "SoftBounce",
    "Resend": lambda raw: (
        raw.get("data", {}).get("bounce", {}).get("type") != "Permanent"
    ),
    "SendGrid": lambda raw: raw.get("type") == "blocked",
    # Hard: 10 invalid recipient, 30 no such recipient, 90 unsubscribe.
    "SparkPost": lambda raw: _sparkpost_class(raw) not in {"10", "30", "90"},
}

# A provider refusing to send (anymail's "rejected") is the address's fault
# only for these reasons; a blocked message or sender is not the reader's.
ADDRESS_REJECTIONS = {
    RejectReason.INVALID,
    RejectReason.BOUNCED,
    RejectReason.UNSUBSCRIBED,
}


def from_tracking(event: AnymailTrackingEvent, esp_name: str) -> Event | None:
    """A provider's tracking event as a bounce or complaint, or None when it is
    neither (delivered, opened, deferred...)."""
    recipient = event.recipient or ""
    if "@" not in recipient:
        return None
    detail = (event.description or event.mta_response or "").strip()
    if event.event_type == EventType.COMPLAINED:
        kind, permanent = "complaint", True
    elif event.event_type == EventType.BOUNCED:
        soft = SOFT_BOUNCE.get(esp_name)
        raw = event.esp_event if isinstance(event.esp_event, dict) else {}
        kind, permanent = "bounce", not (soft and soft(raw))
    elif event.event_type == EventType.REJECTED:
        kind = "rejected"
        permanent = event.reject_reason in ADDRESS_REJECTIONS
        detail = detail or str(event.reject_reason or "")
    else:
        return None
    reason = f"{kind} ({esp_name})" + (f": {detail[:120]}" if detail else "")
    return Event(recipient, permanent, reason)

"""Bounces and complaints: plain SMTP delivery status notifications (RFC 3464),
feedback reports (RFC 5965) and a signed webhook for providers. Each suppresses
the address for good and records why, for staff."""

from __future__ import annotations

import email
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from email import policy

from django.conf import settings

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


def parse_report(raw: bytes) -> list[Event]:
    """The failed recipients of a DSN, or the complained-about one of an ARF report."""
    message = email.message_from_bytes(raw, policy=policy.compat32)
    events: list[Event] = []
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            blocks = part.get_payload()
            for block in blocks if isinstance(blocks, list) else []:
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
            blocks = part.get_payload()
            for block in blocks if isinstance(blocks, list) else []:
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


def verify_signature(body: bytes, timestamp: str, signature: str) -> bool:
    """HMAC-SHA256 over '<timestamp>.<body>' with NEWSLETTER_WEBHOOK_SECRET,
    fresh within five minutes."""
    secret = settings.NEWSLETTER_WEBHOOK_SECRET
    if not secret or not timestamp.isdigit():
        return False
    if abs(time.time() - int(timestamp)) > 300:
        return False
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(f"sha256={expected}", signature)


def parse_webhook(body: bytes) -> list[Event]:
    """{"events": [{"type": "bounce"|"complaint", "recipient": ..., "permanent":
    true, "reason": ...}]}"""
    data = json.loads(body)
    events = []
    for item in data.get("events", []):
        kind = item.get("type")
        recipient = str(item.get("recipient", ""))
        if kind not in ("bounce", "complaint") or "@" not in recipient:
            raise ValueError(
                "each event needs a type (bounce, complaint) and a recipient"
            )
        permanent = kind == "complaint" or bool(item.get("permanent"))
        reason = f"{kind}: {str(item.get('reason', ''))[:120]}".rstrip(": ")
        events.append(Event(recipient, permanent, reason))
    return events

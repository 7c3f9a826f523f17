"""The one interface between sending and whatever carries mail.

SMTP from Django's EMAIL_* settings, or any django-anymail provider named in
EMAIL_BACKEND: both are Django mail backends. This module sorts their errors
into sent, temporary (retry later) and permanent (suppress the address).

Two paths over SMTP, chosen by NEWSLETTER_TRANSPORT: "raw" (the default,
`send_raw`: a mailing serialised once, each row marked sent the moment its
final dot is written) and "django" (`send_batch`: Django builds and sends
each message, rows are marked sent after the batch)."""

from __future__ import annotations

import re
import smtplib
from collections.abc import Callable, Sequence

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import EmailMessage

SENT, TEMPORARY, PERMANENT = "sent", "temporary", "permanent"
RAW, DJANGO = "raw", "django"
# Refused for a reason that is not the address's fault (the message, our
# sender): the row fails, the reader is not suppressed.
REFUSED = "refused"


def path() -> str:
    """Which SMTP path deliveries take (NEWSLETTER_TRANSPORT, default raw)."""
    chosen = settings.NEWSLETTER_TRANSPORT
    if chosen not in (RAW, DJANGO):
        raise ImproperlyConfigured(
            f"NEWSLETTER_TRANSPORT={chosen!r}: use {RAW!r} or {DJANGO!r}."
        )
    return chosen


def open_connection():
    connection = get_connection(fail_silently=False)
    connection.open()
    return connection


def reopen(connection):
    close(connection)
    return open_connection()


def close(connection) -> None:
    try:
        connection.close()
    except (smtplib.SMTPException, OSError):
        pass


def send(connection, message: EmailMessage) -> tuple[str, str]:
    """Send one message; returns (outcome, short reason without the address)."""
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _text in error.recipients.values()]
        code = codes[0] if codes else 550
        return _by_code(code, f"{code} recipient refused")
    except smtplib.SMTPResponseException as error:
        return _by_code(error.smtp_code, f"{error.smtp_code} {_text(error.smtp_error)}")
    except (TimeoutError, smtplib.SMTPException, OSError) as error:
        return TEMPORARY, type(error).__name__
    except Exception as error:  # noqa: BLE001 - provider (anymail) errors
        return _provider_error(error)
    return SENT, ""


def send_batch(connection, messages: Sequence[EmailMessage]) -> list[tuple[str, str]]:
    """Django's own path (NEWSLETTER_TRANSPORT = "django"): each message built
    by Django and sent by its backend over the one connection; outcomes in
    order, stopping after the first temporary failure (the rest wait)."""
    outcomes = []
    for message in messages:
        outcomes.append(send(connection, message))
        if outcomes[-1][0] == TEMPORARY:
            break
    return outcomes


def _by_code(code: int, reason: str) -> tuple[str, str]:
    return (PERMANENT if 500 <= code < 600 else TEMPORARY), reason


ADDRESS = re.compile(r"\S+@\S+")


def _text(raw: bytes | str) -> str:
    """The server's reason, with any address in it blanked out."""
    text = raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)
    return ADDRESS.sub("<address>", text)[:120]


def _provider_error(error: Exception) -> tuple[str, str]:
    if isinstance(error, AnymailRecipientsRefused):
        return PERMANENT, "provider refused the recipient"
    if isinstance(error, AnymailError):
        return TEMPORARY, f"provider: {type(error).__name__}"
    raise error


def speaks_smtp(connection) -> bool:
    """Whether raw SMTP DATA can be handed over on this connection."""
    return isinstance(connection, EmailBackend) and connection.connection is not None


def send_raw(
    connection, from_email: str, to: str, data: bytes, handed_over: Callable[[], None]
) -> tuple[str, str]:
    """One SMTP transaction for a prepared, dot-stuffed message.

    `handed_over` runs once the whole message, final dot included, is written
    to the socket and before the server's answer is read: from that moment
    the kernel delivers it even if this process is killed, so that is when
    the ledger row must say "sent". A refusal that follows is reported back
    so the caller can undo the mark."""
    smtp = connection.connection
    try:
        smtp.ehlo_or_helo_if_needed()
        options = " BODY=8BITMIME" if smtp.has_extn("8bitmime") else ""
        commands = [f"MAIL FROM:<{from_email}>{options}", f"RCPT TO:<{to}>", "DATA"]
        expected = [(250,), (250, 251), (354,)]
        if smtp.has_extn("pipelining"):
            smtp.send("".join(c + "\r\n" for c in commands).encode())
            replies = [smtp.getreply() for _ in commands]
        else:
            replies = []
            for command in commands:
                smtp.putcmd(command)
                replies.append(smtp.getreply())
                if replies[-1][0] not in expected[len(replies) - 1]:
                    break
        for step, ((code, text), allowed) in enumerate(
            zip(replies, expected, strict=False)
        ):
            if code not in allowed:
                if len(replies) == len(commands) and replies[-1][0] == 354:
                    smtp.send(b".\r\n")
                    smtp.getreply()
                _reset(smtp)
                reason = f"{code} {_text(text)}"
                if step == 1:  # RCPT: the address itself
                    return _by_code(code, reason)
                return TEMPORARY, reason
        if not data.endswith(b"\r\n"):
            data += b"\r\n"
        smtp.send(data + b".\r\n")
        handed_over()
        code, text = smtp.getreply()
    except (TimeoutError, smtplib.SMTPException, OSError) as error:
        return TEMPORARY, type(error).__name__
    if code != 250:
        reason = f"{code} {_text(text)}"
        return (REFUSED if 500 <= code < 600 else TEMPORARY), reason
    return SENT, ""


def _reset(smtp) -> None:
    try:
        smtp.rset()
    except (smtplib.SMTPException, OSError):
        pass

"""The one interface between sending and whatever carries mail.

SMTP from Django's EMAIL_* settings, or any django-anymail provider named in
EMAIL_BACKEND: both are Django mail backends. This module sorts their errors
into sent, temporary (retry later) and permanent (suppress the address)."""

from __future__ import annotations

import re
import smtplib

from django.core.mail import get_connection
from django.core.mail.message import EmailMessage

SENT, TEMPORARY, PERMANENT = "sent", "temporary", "permanent"


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


def _by_code(code: int, reason: str) -> tuple[str, str]:
    return (PERMANENT if 500 <= code < 600 else TEMPORARY), reason


ADDRESS = re.compile(r"\S+@\S+")


def _text(raw: bytes | str) -> str:
    """The server's reason, with any address in it blanked out."""
    text = raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)
    return ADDRESS.sub("<address>", text)[:120]


def _provider_error(error: Exception) -> tuple[str, str]:
    from anymail.exceptions import AnymailError, AnymailRecipientsRefused

    if isinstance(error, AnymailRecipientsRefused):
        return PERMANENT, "provider refused the recipient"
    if isinstance(error, AnymailError):
        return TEMPORARY, f"provider: {type(error).__name__}"
    raise error

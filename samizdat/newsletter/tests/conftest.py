"""A real SMTP server (aiosmtpd) on loopback, and helpers to read what it got."""

from __future__ import annotations

import email
import re
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from samizdat.newsletter import crypto
from samizdat.newsletter.models import Status, Subscriber

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Sink:
    """Keeps every message; refuses or defers recipients on request."""

    def __init__(self) -> None:
        self.envelopes: list = []
        self.reject: set[str] = set()
        self.defer: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return f"550 5.1.1 <{address}>: no such user"
        if address in self.defer:
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        return [
            email.message_from_bytes(
                e.original_content or e.content, policy=policy.default
            )
            for e in self.envelopes
        ]

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]

    def clear(self) -> None:
        self.envelopes.clear()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Mail goes over real SMTP to a server on loopback; tasks run at once."""
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.TASKS = IMMEDIATE
    yield sink
    controller.stop()


def body_of(message, kind: str = "plain") -> str:
    part = message.get_body(preferencelist=(kind,))
    return part.get_content() if part else ""


def link(message, name: str) -> str:
    """The path of the first link to /newsletter/<name>/ in a message."""
    found = re.search(
        rf"https?://[^/\s]+(/[^\s\"<>]*/newsletter/{name}/[^\s\"<>]+/)",
        body_of(message),
    )
    assert found, f"no {name} link in {body_of(message)!r}"
    return found.group(1)


def confirmed(
    address: str, language: str = "en", frequency: str = "every", sections=()
):
    """A subscriber who has already confirmed, stored as the site stores them."""

    subscriber = Subscriber.objects.create(
        address_hash=crypto.address_hash(address),
        address=crypto.encrypt(address),
        language=language,
        frequency=frequency,
        status=Status.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    subscriber.sections.set(sections)
    return subscriber


def run_db_tasks() -> int:
    """Run what the database queue holds, as `db_worker --batch` would, in this
    test's connection (the command itself recycles connections between jobs)."""

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="newsletter-test",
        excluded_queue_names=[],
    )
    done = 0
    while result := DBTaskResult.objects.ready().order_by("enqueued_at").first():
        result.claim(worker.worker_id)
        worker.run_task(result)
        done += 1
    return done

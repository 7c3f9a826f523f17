"""A mailing in a separate process that kills itself at a chosen step.

    python -m samizdat.operations.tests.crash_mailing setup COUNT
    python -m samizdat.operations.tests.crash_mailing work STEP AFTER
    python -m samizdat.operations.tests.crash_mailing recover
    python -m samizdat.operations.tests.crash_mailing url|correct TEXT

`setup` makes the editions, COUNT confirmed subscribers and a published
article (whose publication queues its mailing). `work` runs `manage.py
worker --batch` and SIGKILLs its own process at STEP: `ledger` (after AFTER
chunks of the ledger are written), `sending` (half-way through writing the
message after AFTER whole ones), `marking` (right after the AFTER-th row is
marked sent, before the server's answer is read). `recover` is what a
restarted deployment does: one clock tick, then a worker until the queue is
empty. `url` prints the article's path; `correct` publishes a correction
to it, as an editor would. Mail goes over SMTP to EMAIL_HOST:EMAIL_PORT. The database is
DATABASE_URL; the test settings are used."""

from __future__ import annotations

import os
import signal
import smtplib
import sys

import django


def _configure() -> None:
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = os.environ["EMAIL_HOST"]
    settings.EMAIL_PORT = int(os.environ["EMAIL_PORT"])
    settings.EMAIL_USE_TLS = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def setup(count: int) -> None:
    from django.contrib.auth.models import User

    from samizdat.articles.setup import ensure_editions
    from samizdat.articles.tests import factories
    from samizdat.newsletter.tests.conftest import confirmed
    from samizdat.operations.tests.conftest import STAFF

    ensure_editions("Samizdat")
    User.objects.create_superuser(STAFF[0], "editor@example.org", STAFF[1])
    news = factories.section("News")
    for i in range(count):
        confirmed(f"reader{i}@example.org")
    factories.article(news, "Flood warning")


def article():
    from samizdat.articles.models import ArticlePage

    return ArticlePage.objects.get(title="Flood warning")


def correct(text: str) -> None:
    """An editor's correction: a new revision of the article, published."""
    from samizdat.articles.tests import factories

    factories.correction(article(), text)


def arm(step: str, after: int) -> None:
    from samizdat.newsletter import delivery

    if step == "ledger":
        delivery.CHUNK = 10
        manager = delivery.Delivery.objects
        original = manager.bulk_create
        calls = {"n": 0}

        def bulk_create(objs, *args, **kwargs):
            if calls["n"] >= after:
                _die()
            calls["n"] += 1
            return original(objs, *args, **kwargs)

        manager.bulk_create = bulk_create  # type: ignore[method-assign]
    elif step == "sending":
        send = smtplib.SMTP.send
        sent = {"n": 0}

        def partial_send(self, s):
            if isinstance(s, bytes) and s.endswith(b"\r\n.\r\n"):
                if sent["n"] >= after:
                    send(self, s[: len(s) // 2])
                    _die()
                sent["n"] += 1
            return send(self, s)

        smtplib.SMTP.send = partial_send  # type: ignore[method-assign]
    elif step == "marking":
        mark = delivery.mark_sent
        marked = {"n": 0}

        def mark_then_die(row, token):
            mark(row, token)
            marked["n"] += 1
            if marked["n"] >= after:
                _die()

        delivery.mark_sent = mark_then_die
    else:
        raise SystemExit(f"unknown step {step!r}")


def work() -> None:
    from django.core.management import call_command

    call_command(
        "worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0"
    )


def recover() -> None:
    from django.core.management import call_command

    call_command("clock", "--once")
    work()


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.test")
    django.setup()
    _configure()
    if argv[0] == "setup":
        setup(int(argv[1]))
    elif argv[0] == "work":
        arm(argv[1], int(argv[2]))
        work()
    elif argv[0] == "recover":
        recover()
    elif argv[0] == "work_queue":
        work()
    elif argv[0] == "url":
        print(article().url)
    elif argv[0] == "correct":
        correct(argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])

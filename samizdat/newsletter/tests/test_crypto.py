"""A dump of the database alone reveals no address."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from samizdat.newsletter import crypto
from samizdat.newsletter.models import Subscriber

from .conftest import confirmed, run_db_tasks

pytestmark = pytest.mark.django_db


def dump(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return repr(cursor.fetchall())


def test_it_stores_no_address_in_the_clear(client, editions, smtp, settings):

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DBTaskResult.objects.all().delete()
    client.post(
        "/en/newsletter/",
        {"email": "Secret.Reader@Example.org", "edition": "en", "frequency": "daily"},
    )
    assert DBTaskResult.objects.get().task_path.endswith("subscribe_task")
    assert run_db_tasks() >= 1
    assert Subscriber.objects.count() == 1
    assert len(smtp.to("Secret.Reader@example.org")) == 1
    for table in ("newsletter_subscriber", DBTaskResult._meta.db_table):
        raw = dump(table).lower()
        assert "secret.reader" not in raw and "example.org" not in raw
    assert (
        crypto.decrypt(Subscriber.objects.get().address) == "Secret.Reader@example.org"
    )


def test_it_finds_an_address_whatever_its_case_or_spaces():
    assert crypto.address_hash(" A@Example.ORG ") == crypto.address_hash(
        "a@example.org"
    )
    assert len(crypto.address_hash("a@example.org")) == 64


def test_it_rotates_to_a_new_key(db, settings):
    old = settings.NEWSLETTER_KEYS[0]
    subscriber = confirmed("reader@example.org")
    new = Fernet.generate_key().decode()
    settings.NEWSLETTER_KEYS = [new, old]
    call_command("rotate_newsletter_key", verbosity=0)
    settings.NEWSLETTER_KEYS = [new]
    subscriber.refresh_from_db()
    assert crypto.decrypt(subscriber.address) == "reader@example.org"


def test_it_refuses_to_rotate_without_the_old_key(db, settings):
    confirmed("reader@example.org")
    settings.NEWSLETTER_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="keep the old key"):
        call_command("rotate_newsletter_key", verbosity=0)


def test_it_rehashes_under_a_new_hash_key(db, settings):
    confirmed("reader@example.org")
    settings.NEWSLETTER_HASH_KEY = "another-hash-key"
    call_command("rotate_newsletter_key", verbosity=0)
    assert Subscriber.objects.get().address_hash == crypto.address_hash(
        "reader@example.org"
    )

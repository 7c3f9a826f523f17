from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from samizdat.staff import audit
from samizdat.staff.audit import Event

from .conftest import sign_in

pytestmark = pytest.mark.django_db


def test_it_locks_an_account_after_five_wrong_passwords_until_unlocked(
    editor, mailoutbox, admin_user
):
    client = Client()
    for _attempt in range(4):
        assert sign_in(client, password="wrong").status_code == 200  # noqa: S106
    fifth = sign_in(client, password="wrong")  # noqa: S106
    assert fifth.status_code == 429
    sixth = sign_in(client, password="wrong")  # noqa: S106
    assert sixth.status_code == 429
    assert "Too many wrong passwords" in sixth.content.decode()
    assert sign_in(client).status_code == 429
    assert sign_in(Client(REMOTE_ADDR="10.0.0.9")).status_code == 429
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["leila@example.org"]
    assert "127.0.0.1" in mailoutbox[0].body
    assert ModelLogEntry.objects.filter(action=Event.LOCKED_OUT.value).count() == 1
    # Five wrong passwords; the sixth and both right ones were never checked.
    assert ModelLogEntry.objects.filter(action=Event.SIGN_IN_FAILED.value).count() == 5
    assert ModelLogEntry.objects.filter(action=Event.REFUSED_LOCKED.value).count() == 3

    administrator = Client()
    administrator.force_login(admin_user)
    listing = administrator.get("/admin/security/lockouts/")
    assert "leila.karimi" in listing.content.decode()
    administrator.post("/admin/security/lockouts/", {"username": "leila.karimi"})
    assert sign_in(Client()).status_code == 302
    assert ModelLogEntry.objects.filter(action=Event.UNLOCKED.value).count() == 1


def test_it_keeps_unlocking_to_administrators(client, editor):
    client.force_login(editor)
    response = client.get("/admin/security/lockouts/")
    assert response.status_code == 302  # Wagtail's "no permission" redirect
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize(
    "password", ["leila.karimi", "13531404", "Azadi2026", "leila.karimi2026", "a" * 11]
)
def test_it_refuses_weak_passwords(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, editor)


def test_it_accepts_a_long_unrelated_passphrase(editor):
    validate_password("nine ravens over the citadel", editor)


def test_it_forgets_staff_events_after_ninety_days(editor):
    audit.record(Event.SIGNED_IN, editor, None)
    old = ModelLogEntry.objects.create(
        content_type=ModelLogEntry.objects.get().content_type,
        object_id=str(editor.pk),
        label="old",
        action=Event.SIGNED_IN.value,
        timestamp=timezone.now() - dt.timedelta(days=91),
        user=editor,
    )
    editorial = ModelLogEntry.objects.create(
        content_type=old.content_type,
        object_id=str(editor.pk),
        label="kept",
        action="wagtail.edit",
        timestamp=timezone.now() - dt.timedelta(days=400),
    )
    assert audit.prune() == 1
    assert set(ModelLogEntry.objects.values_list("pk", flat=True)) == {
        ModelLogEntry.objects.get(label=User.objects.get().get_username()).pk,
        editorial.pk,
    }


def test_it_reads_the_address_from_the_trusted_header_only(editor, settings):
    settings.SAMIZDAT_COUNT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    behind_proxy = Client(HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")
    assert sign_in(behind_proxy, password="wrong").status_code == 200  # noqa: S106
    garbled = Client(HTTP_X_FORWARDED_FOR="not an address")
    assert sign_in(garbled, password="wrong").status_code == 200  # noqa: S106
    addresses = [
        entry.data["address"]
        for entry in ModelLogEntry.objects.filter(
            action=Event.SIGN_IN_FAILED.value
        ).order_by("pk")
    ]
    assert addresses == ["203.0.113.7", "127.0.0.1"]

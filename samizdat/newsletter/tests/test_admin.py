"""Staff pages: counts and export behind permissions, exports audited."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.core.mail import send_mail
from wagtail.models import ModelLogEntry

from samizdat.newsletter.models import SubscriberExport

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def staff() -> User:
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="access_admin"))
    return user


def test_it_shows_counts_only_with_the_permission(client):
    confirmed("reader@example.org")
    client.force_login(staff())
    assert client.get("/admin/newsletter/").status_code in (302, 403)
    client.force_login(_viewer())
    response = client.get("/admin/newsletter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "confirmed: 1" in html and "reader@example.org" not in html
    assert "Export" not in html


def _viewer() -> User:
    user = User.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["access_admin", "view_subscriber"])
    )
    return user


def test_it_exports_only_with_the_permission_and_logs_it(client):
    confirmed("reader@example.org")
    viewer = _viewer()
    client.force_login(viewer)
    assert client.post("/admin/newsletter/export/").status_code in (302, 403)
    assert not SubscriberExport.objects.exists()
    viewer.user_permissions.add(Permission.objects.get(codename="export_subscriber"))
    viewer = User.objects.get(pk=viewer.pk)
    client.force_login(viewer)
    response = client.post("/admin/newsletter/export/")
    assert response.status_code == 200
    assert "reader@example.org,en,every" in response.content.decode()
    export = SubscriberExport.objects.get()
    entry = ModelLogEntry.objects.get(action="samizdat_newsletter.export")
    assert entry.object_id == str(export.pk) and entry.user_id == viewer.pk
    assert entry.data == {"rows": 1}


def test_it_reads_the_development_mailbox(client, settings, tmp_path):

    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    send_mail("Confirm your subscription", "Open this link.", None, ["r@example.org"])
    client.force_login(_viewer())
    response = client.get("/admin/newsletter/mailbox/")
    assert "Confirm your subscription" in response.content.decode()
    message_id = response.context["mails"][0].id
    response = client.get("/admin/newsletter/mailbox/", {"message": message_id})
    assert "Open this link." in response.content.decode()

"""The admin page: upload, dry-run report, then the import as a background task."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from samizdat.articles.models import ArticlePage
from samizdat.articles.setup import ensure_editions
from samizdat.core.roles import ADMINISTRATORS, EDITORS, ensure_roles
from samizdat.wordpress.models import ImportRun

from .conftest import EXPORTS


def _worker() -> None:
    call_command(
        "db_worker",
        "--batch",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.1",
        verbosity=0,
    )


def _zip(uploads) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for file in uploads.rglob("*.jpg"):
            zipped.write(file, f"uploads/{file.relative_to(uploads)}")
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)
def test_it_checks_then_imports_an_upload_in_the_background(
    client, uploads, settings, tmp_path
):
    settings.WORDPRESS_IMPORT_DIR = str(tmp_path / "imports")
    ensure_editions("Samizdat")
    ensure_roles()
    editor = User.objects.create_user("ed", password="x")  # noqa: S106
    editor.groups.add(Group.objects.get(name=EDITORS))
    admin = User.objects.create_user("ad", password="x")  # noqa: S106
    admin.groups.add(Group.objects.get(name=ADMINISTRATORS))

    client.force_login(editor)
    refused = client.get("/admin/wordpress-import/")  # Wagtail sends them home
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert client.post("/admin/wordpress-import/1/start/").status_code == 302

    client.force_login(admin)
    page = client.get("/admin/wordpress-import/")
    assert page.status_code == 200
    refused = client.post(
        "/admin/wordpress-import/",
        {"export": SimpleUploadedFile("x.xml", b"hello", "text/plain")},
    )
    assert "This is not an XML file." in refused.content.decode()

    response = client.post(
        "/admin/wordpress-import/",
        {
            "export": SimpleUploadedFile(
                "export.xml", (EXPORTS / "polylang.xml").read_bytes(), "text/xml"
            ),
            "uploads": SimpleUploadedFile(
                "uploads.zip", _zip(uploads), "application/zip"
            ),
        },
    )
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/wordpress-import/{run.pk}/"
    assert 'http-equiv="refresh"' in client.get(response["Location"]).content.decode()

    _worker()  # the dry run
    run.refresh_from_db()
    assert run.state == ImportRun.State.CHECKED
    assert not ArticlePage.objects.exists()
    shown = client.get(f"/admin/wordpress-import/{run.pk}/").content.decode()
    assert "Dry run: nothing was written." in shown
    assert "posts: 3" in shown and "images: 3" in shown
    assert "Start the import" in shown

    client.post(f"/admin/wordpress-import/{run.pk}/start/")
    client.post(f"/admin/wordpress-import/{run.pk}/start/")  # a second click
    _worker()
    run.refresh_from_db()
    assert run.state == ImportRun.State.DONE
    assert (run.done, run.total) == (run.total, 13)
    assert ArticlePage.objects.count() == 6
    assert ArticlePage.objects.get(slug="rivers-run-dry").lead_image is not None
    shown = client.get(f"/admin/wordpress-import/{run.pk}/").content.decode()
    assert "WordPress import finished." in shown and "posts: 3" in shown
    assert not (tmp_path / "imports" / str(run.pk)).exists()

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("notes.txt", b"hello <script>alert(1)</script>"),
        ("data.csv", b"<!DOCTYPE html><p>x</p>"),
        ("book.epub", PDF),
        ("tool.exe", b"MZ\x90\x00"),
    ],
)
def test_it_refuses_documents_that_could_become_pages(admin_client, name, content):
    response = _upload(admin_client, name, content)
    assert response.status_code == 200
    assert not Document.objects.exists()
    assert response.context["form"].errors["file"]


def test_it_serves_a_pdf_as_a_sandboxed_attachment(admin_client, client):
    response = _upload(admin_client, "report.pdf", PDF)
    assert response.status_code == 302
    document = Document.objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment;")
    assert served["X-Content-Type-Options"] == "nosniff"
    policy = served["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy
    assert b"".join(served.streaming_content) == PDF

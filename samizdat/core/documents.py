"""Uploaded documents that cannot become pages on our origin.

Only the kinds a newsroom publishes are accepted (WAGTAILDOCS_EXTENSIONS),
and a file must start the way its kind does: an `.html` renamed `.pdf`, an
SVG, or anything with markup where plain text or CSV was promised is refused
with the reason. Documents are then served by Wagtail's view as attachments
(WAGTAILDOCS_INLINE_CONTENT_TYPES is empty) with `nosniff` and a sandboxing
policy (core.headers)."""

from __future__ import annotations

from pathlib import PurePosixPath

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

PDF = (b"%PDF-",)
ZIP = (b"PK\x03\x04",)  # docx, xlsx, pptx, odt, ods, odp, epub
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # doc, xls, ppt
RTF = (b"{\\rtf",)
TEXT = None  # checked as UTF-8 text without markup

SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    "pdf": PDF,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "epub": ZIP,
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "rtf": RTF,
    "txt": TEXT,
    "csv": TEXT,
}
ALLOWED_EXTENSIONS = sorted(SIGNATURES)
# What a browser would take for a page or a script, wherever it appears early.
MARKUP = (b"<html", b"<!doctype", b"<svg", b"<script", b"<?xml", b"<body", b"<iframe")


def content_error(name: str, head: bytes) -> str | None:
    """Why a file with this name and these first bytes is refused, or None."""
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    if extension not in SIGNATURES:
        return str(_("Only these kinds of document are accepted: %(kinds)s.")) % {
            "kinds": ", ".join(ALLOWED_EXTENSIONS)
        }
    signatures = SIGNATURES[extension]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # not just a character cut short
                return str(_("This file is not plain text."))
        lowered = head.lower()
        if any(tag in lowered for tag in MARKUP):
            return str(_("This file contains web page markup, not plain text."))
        return None
    if not head.startswith(signatures):
        return str(
            _("This file's content does not match its name (.%(ext)s).")
            % {"ext": extension}
        )
    return None


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content is not their kind."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "read"):
            upload.seek(0)
            head = upload.read(4096)
            upload.seek(0)
            error = content_error(upload.name, head)
            if error:
                raise forms.ValidationError(error, code="document_content")
        return upload

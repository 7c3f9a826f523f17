from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def _editions() -> list[tuple[str, object]]:
    return [("", _("From the export (Polylang), else the default edition"))] + [
        (code, str(name)) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]


class UploadForm(forms.Form):
    export = forms.FileField(
        label=_("WordPress export (WXR)"),
        help_text=_("The .xml file from Tools → Export in WordPress."),
    )
    uploads = forms.FileField(
        label=_("Uploads folder (zip)"),
        required=False,
        help_text=_("A zip of wp-content/uploads, for the images."),
    )
    edition = forms.ChoiceField(label=_("Edition"), required=False, choices=_editions)

    def clean_export(self):
        export = self.cleaned_data["export"]
        head = export.read(400)
        export.seek(0)
        if b"<rss" not in head and b"<?xml" not in head:
            raise forms.ValidationError(_("This is not an XML file."))
        return export

    def clean_uploads(self):
        uploads = self.cleaned_data.get("uploads")
        if uploads is not None:
            head = uploads.read(4)
            uploads.seek(0)
            if head[:2] != b"PK":
                raise forms.ValidationError(_("This is not a zip file."))
        return uploads

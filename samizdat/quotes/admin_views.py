"""Editors' report of quotations whose speaker is typed rather than chosen
from People, so they can be linked and reach the speaker's record."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from . import queries
from .models import Quotation


class UnlinkedSpeakersView(ReportView):
    """Published quotations with a free-text speaker, by speaker name."""

    page_title = _("Unlinked speakers")
    header_icon = "openquote"
    index_url_name = "quotes_unlinked"
    index_results_url_name = "quotes_unlinked_results"
    model = Quotation
    any_permission_required = ["add", "change", "publish"]
    columns = [
        Column("speaker_name", label=_("Speaker (free text)")),
        Column("text", label=_("Quotation")),
        TitleColumn(
            "page",
            label=_("Piece"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id]),
        ),
        Column("locale.language_code", label=_("Edition")),
    ]
    list_export = ["speaker_name", "text", "page.title", "locale.language_code"]
    export_headings = {
        "speaker_name": _("Speaker (free text)"),
        "text": _("Quotation"),
        "page.title": _("Piece"),
        "locale.language_code": _("Edition"),
    }

    def get_queryset(self):
        return queries.unlinked()

"""Editors' report of quotations whose speaker is typed rather than chosen
from People, so they can be linked and reach the speaker's record."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from samizdat.people.models import Person

from . import extract, queries
from .finder import speakers_of
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


class ProposeForm(forms.Form):
    text = forms.CharField(max_length=200_000, strip=False)
    page = forms.IntegerField(required=False)
    parent = forms.IntegerField(required=False)
    date = forms.DateField(required=False)


def _edit_url(person: Person) -> str:
    return reverse("wagtailsnippets_people_person:edit", args=[person.pk])


def _locale_of(data: dict) -> Locale | None:
    """The edition of the piece being edited (or of the page it is added to)."""
    page_id = data.get("page") or data.get("parent")
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    return page.locale if page else Locale.get_default()


@require_POST
def propose(request: HttpRequest) -> JsonResponse:
    """The finder's proposals for a passage, for the editor's panel: each
    with the chooser state of its speaker, so accepting it fills the block."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    form = ProposeForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    data = form.cleaned_data
    locale = _locale_of(data)
    code = locale.language_code if locale else "en"
    speakers = speakers_of(locale.pk) if locale else []
    proposals = extract.find(
        data["text"], speakers, language=code, piece_date=data["date"]
    )
    people = {
        p.pk: p
        for p in Person.objects.filter(
            pk__in=[p.speaker_id for p in proposals if p.speaker_id]
        )
    }
    rows = []
    for proposal in proposals:
        row = proposal.as_dict()
        person = people.get(proposal.speaker_id or 0)
        row["person"] = (
            {
                "id": person.pk,
                "string": str(person),
                "edit_url": _edit_url(person),
            }
            if person
            else None
        )
        rows.append(row)
    choices = [
        {"id": p.pk, "string": str(p), "name": p.name, "edit_url": _edit_url(p)}
        for p in Person.objects.filter(locale=locale).order_by("name")
    ]
    return JsonResponse({"proposals": rows, "people": choices})

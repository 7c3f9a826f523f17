from __future__ import annotations

import json

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import UnlinkedSpeakersView, propose


@hooks.register("register_admin_urls")
def urls():
    return [
        path(
            "reports/unlinked-speakers/",
            UnlinkedSpeakersView.as_view(),
            name="quotes_unlinked",
        ),
        path("quotes/propose/", propose, name="quotes_propose"),
        path(
            "reports/unlinked-speakers/results/",
            UnlinkedSpeakersView.as_view(results_only=True),
            name="quotes_unlinked_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(
        _("Unlinked speakers"),
        reverse("quotes_unlinked"),
        icon_name="openquote",
        order=60,
    )


@hooks.register("insert_editor_js")
def finder_script():
    """The quotation finder's panel in the page editor: a static script file
    (no inline script), which shows itself only where a body has quotation
    blocks."""
    words = {
        "title": _("Find quotations"),
        "passage": _("Paste a passage (English or Persian)"),
        "propose": _("Propose quotations"),
        "fromBody": _("Propose from the current body"),
        "found": _("%s proposals. Accept, correct or drop each one."),
        "working": _("Looking for quotations…"),
        "failed": _("The finder could not read this passage."),
        "quotation": _("Quotation"),
        "speaker": _("Speaker"),
        "freeText": _("Not in People (type the name)"),
        "typed": _("Speaker (free text)"),
        "date": _("Date said"),
        "accept": _("Accept"),
        "drop": _("Drop"),
    }
    return format_html(
        '<script src="{}" data-propose-url="{}" data-labels="{}" defer></script>',
        static("quotes/finder.js"),
        reverse("quotes_propose"),
        json.dumps({key: str(value) for key, value in words.items()}),
    )

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import UnlinkedSpeakersView


@hooks.register("register_admin_urls")
def urls():
    return [
        path(
            "reports/unlinked-speakers/",
            UnlinkedSpeakersView.as_view(),
            name="quotes_unlinked",
        ),
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

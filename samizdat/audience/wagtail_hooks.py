from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import MostReadView


@hooks.register("register_admin_urls")
def urls():
    return [
        path("reports/most-read/", MostReadView.as_view(), name="audience_most_read"),
        path(
            "reports/most-read/results/",
            MostReadView.as_view(results_only=True),
            name="audience_most_read_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(
        _("Most read"), reverse("audience_most_read"), icon_name="view", order=50
    )

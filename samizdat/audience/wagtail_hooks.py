from __future__ import annotations

from dataclasses import asdict

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .admin_views import MostReadView, PageViewsView
from .queries import page_views


@hooks.register("register_admin_urls")
def urls():
    return [
        path("reports/most-read/", MostReadView.as_view(), name="audience_most_read"),
        path(
            "reports/most-read/results/",
            MostReadView.as_view(results_only=True),
            name="audience_most_read_results",
        ),
        path(
            "audience/pages/<int:page_id>/views/",
            PageViewsView.as_view(),
            name="audience_page_views",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(
        _("Most read"), reverse("audience_most_read"), icon_name="view", order=50
    )


@hooks.register("register_page_header_buttons")
def views_button(page, user, view_name, next_url=None):
    """The page's views over a day, a week and a month, in its "more" menu."""
    if not page.live:
        return
    totals = page_views(page.pk)
    yield Button(
        _("Views: %(day)s today, %(week)s this week, %(month)s this month")
        % asdict(totals),
        reverse("audience_page_views", args=[page.pk]),
        icon_name="view",
        priority=80,
    )

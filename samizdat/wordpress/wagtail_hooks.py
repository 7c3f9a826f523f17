from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def wordpress_admin_urls():
    return [
        path("wordpress-import/", admin_views.index, name="wordpress_import"),
        path(
            "wordpress-import/<int:run_id>/",
            admin_views.detail,
            name="wordpress_import_run",
        ),
        path(
            "wordpress-import/<int:run_id>/start/",
            admin_views.start,
            name="wordpress_import_start",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_import(request.user)


@hooks.register("register_settings_menu_item")
def wordpress_menu_item():
    return ImportMenuItem(
        _("WordPress import"),
        reverse("wordpress_import"),
        icon_name="download",
        order=900,
    )

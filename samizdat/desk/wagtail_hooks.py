from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import TRANSLATE, AwaitingTranslationView, DeskPanel


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(TRANSLATE)


@hooks.register("construct_homepage_panels")
def desk_panel(request, panels) -> None:
    panels.insert(0, DeskPanel())


@hooks.register("register_admin_urls")
def urls():
    return [
        path(
            "reports/awaiting-translation/",
            AwaitingTranslationView.as_view(),
            name="desk_awaiting_translation",
        )
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return TranslatorsMenuItem(
        _("Awaiting translation"),
        reverse("desk_awaiting_translation"),
        icon_name="globe",
        order=60,
    )

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import AdPerformanceView
from .models import AdSlot, Creative


class AdSlotViewSet(SnippetViewSet):
    model = AdSlot
    icon = "placeholder"
    menu_label = _("Slots")
    list_display = ["name", "key", "placement", "position"]


class CreativeViewSet(SnippetViewSet):
    model = Creative
    icon = "image"
    menu_label = _("Creatives")
    list_display = ["name", "active", "starts_at", "ends_at", "weight"]
    list_filter = ["active", "slots"]
    search_fields = ["name"]


class AdsGroup(SnippetViewSetGroup):
    items = (CreativeViewSet, AdSlotViewSet)
    menu_icon = "tasks"
    menu_label = _("Ads")
    menu_name = "ads"
    menu_order = 400


register_snippet(AdsGroup)


class PerformanceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("ads.view_creative") or request.user.has_perm(
            "ads.change_creative"
        )


@hooks.register("register_admin_urls")
def urls():
    return [
        path("reports/ads/", AdPerformanceView.as_view(), name="ads_performance"),
        path(
            "reports/ads/results/",
            AdPerformanceView.as_view(results_only=True),
            name="ads_performance_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return PerformanceMenuItem(
        _("Ad performance"), reverse("ads_performance"), icon_name="tasks", order=60
    )

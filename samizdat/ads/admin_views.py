"""Ad performance for the sales desk: impressions, clicks and click-through
rate per creative per day, exportable as CSV."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Creative, CreativeDay
from .queries import daily_report


class PerformanceFilterSet(WagtailFilterSet):
    day_from = django_filters.DateFilter(
        field_name="day", lookup_expr="gte", label=_("From"), widget=AdminDateInput
    )
    day_to = django_filters.DateFilter(
        field_name="day", lookup_expr="lte", label=_("To"), widget=AdminDateInput
    )
    creative = django_filters.ModelChoiceFilter(
        queryset=lambda request: Creative.objects.order_by("name"),
        label=_("Creative"),
    )

    class Meta:
        model = CreativeDay
        fields = ["day_from", "day_to", "creative"]


def ctr_text(row) -> str:
    return "" if row.ctr is None else f"{row.ctr:.2f}"


class AdPerformanceView(ReportView):
    page_title = _("Ad performance")
    header_icon = "tasks"
    index_url_name = "ads_performance"
    index_results_url_name = "ads_performance_results"
    filterset_class = PerformanceFilterSet
    model = CreativeDay
    permission_policy = ModelPermissionPolicy(Creative)
    any_permission_required = ["view", "change"]
    columns = [
        Column("day", label=_("Day")),
        Column("creative.name", label=_("Creative")),
        Column("impressions", label=_("Impressions")),
        Column("clicks", label=_("Clicks")),
        Column("ctr_percent", label=_("Click-through rate (%)")),
    ]
    list_export = ["day", "creative.name", "impressions", "clicks", "ctr_percent"]
    export_headings = {
        "day": _("Day"),
        "creative.name": _("Creative"),
        "impressions": _("Impressions"),
        "clicks": _("Clicks"),
        "ctr_percent": _("Click-through rate (%)"),
    }

    def get_queryset(self):
        return daily_report()

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            row.ctr_percent = ctr_text(row)
        return object_list

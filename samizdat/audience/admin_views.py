"""Editors' view of readership: views per article and the most-read list of
an edition, in Wagtail's reports menu."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages

from samizdat.articles.models import ArticlePage

from .queries import views_per_article


class EditionFilter(django_filters.ChoiceFilter):
    def filter(self, qs, language_code):
        if language_code:
            return qs.filter(locale__language_code=language_code)
        return qs


class MostReadFilterSet(WagtailFilterSet):
    edition = EditionFilter(
        label=_("Edition"),
        choices=lambda: list(get_content_languages().items()),
        empty_label=_("All"),
    )

    class Meta:
        model = ArticlePage
        fields = ["edition"]


class MostReadView(ReportView):
    """Published articles by views over the last week, with day and month."""

    page_title = _("Most read")
    header_icon = "view"
    index_url_name = "audience_most_read"
    index_results_url_name = "audience_most_read_results"
    filterset_class = MostReadFilterSet
    model = ArticlePage
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn(
            "title",
            label=_("Article"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("locale.language_code", label=_("Edition")),
        Column("views_day", label=_("Views, 24 hours")),
        Column("views_week", label=_("Views, 7 days")),
        Column("views_month", label=_("Views, 30 days")),
    ]
    list_export = [
        "title",
        "locale.language_code",
        "views_day",
        "views_week",
        "views_month",
    ]
    export_headings = {
        "title": _("Article"),
        "locale.language_code": _("Edition"),
        "views_day": _("Views, 24 hours"),
        "views_week": _("Views, 7 days"),
        "views_month": _("Views, 30 days"),
    }

    def get_queryset(self):
        return (
            views_per_article()
            .filter(live=True)
            .order_by("-views_week", "-views_month", "-first_published_at")
        )

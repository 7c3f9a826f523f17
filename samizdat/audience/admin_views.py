"""Editors' view of readership: views per article and the most-read list of
an edition, in Wagtail's reports menu."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from samizdat.articles.models import ArticlePage

from .queries import daily_views, page_views, views_per_article


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


class PageViewsView(WagtailAdminTemplateMixin, TemplateView):
    """One page's views: last day, week and month, then day by day."""

    template_name = "audience/page_views.html"
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"])
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Views of “%(title)s”") % {
            "title": self.page.get_admin_display_title()
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["totals"] = page_views(self.page.pk)
        context["days"] = daily_views(self.page.pk)
        return context

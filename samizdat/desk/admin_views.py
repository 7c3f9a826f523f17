"""The newsroom dashboard on the admin home and the report of pieces awaiting
translation per edition."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .queries import awaiting_translation, desk_today

# Who may translate may see what awaits translation (core/roles.py).
TRANSLATE = "simple_translation.submit_translation"


class DeskPanel(Component):
    name = "newsroom_desk"
    order = 50
    template_name = "desk/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {"desk": desk_today()}


class AwaitingTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """Per edition, the recent pieces it lacks or whose copy is out of date."""

    page_title = _("Awaiting translation")
    header_icon = "globe"
    template_name = "desk/awaiting_translation.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["backlogs"] = awaiting_translation()
        return context

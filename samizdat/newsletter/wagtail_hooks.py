from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import SectionMailing


class SectionMailingViewSet(SnippetViewSet):
    model = SectionMailing
    icon = "mail"
    menu_label = _("Newsletter defaults")
    list_display = ["section", "mail_new_articles"]


register_snippet(SectionMailingViewSet)


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path(
            "newsletter/", admin_views.OverviewView.as_view(), name="newsletter_admin"
        ),
        path("newsletter/export/", admin_views.export, name="newsletter_export"),
        path(
            "newsletter/mailbox/",
            admin_views.MailboxView.as_view(),
            name="newsletter_mailbox",
        ),
    ]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsletter.view_subscriber")


@hooks.register("register_admin_menu_item")
def newsletter_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"), reverse("newsletter_admin"), icon_name="mail", order=900
    )


@hooks.register("register_permissions")
def newsletter_permissions():
    return Permission.objects.filter(
        content_type__app_label="newsletter",
        codename__in=["view_subscriber", "export_subscriber"],
    )


@hooks.register("register_log_actions")
def newsletter_log_actions(actions):
    actions.register_action(
        admin_views.EXPORT_ACTION,
        _("Export subscribers"),
        _("Exported the subscriber list"),
    )

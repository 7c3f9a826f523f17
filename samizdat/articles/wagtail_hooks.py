from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .pieces import TagTranslation


class TagTranslationViewSet(SnippetViewSet):
    """Editors keep what each tag is called in the other editions; translating
    a piece tags the copy with those names."""

    model = TagTranslation
    icon = "tag"
    menu_label = _("Tag translations")
    list_display = ["tag", "locale", "name"]
    list_filter = ["locale"]
    search_fields = ["tag__name", "name"]
    search_backend_name = None


register_snippet(TagTranslationViewSet)


@hooks.register("insert_editor_js")
def edition_direction_js() -> str:
    """Right-to-left editing for right-to-left editions (see the script)."""
    return format_html(
        '<script src="{}" defer></script>', static("articles/edition-direction.js")
    )


@hooks.register("insert_editor_js")
def autosave_then_submit_js() -> str:
    """An editor's submit waits for the autosave under way (see the script)."""
    return format_html(
        '<script src="{}" defer></script>', static("articles/autosave-then-submit.js")
    )

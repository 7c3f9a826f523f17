from __future__ import annotations

from django.utils.translation import gettext_lazy as _
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

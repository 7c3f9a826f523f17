from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from .models import Person


class PersonDeleteView(DeleteView):
    """Refuses, with the reason, to delete someone who signs pieces.

    Bylines protect the person in the database. Wagtail's own check reads the
    reference index, which the task worker fills in later, so without this the
    database's refusal would reach the editor as a server error."""

    def form_valid(self, form):
        if self.object.bylines.exists():
            messages.error(
                self.request,
                gettext(
                    "%(name)s signs published pieces and cannot be deleted. "
                    "Remove them from those bylines first."
                )
                % {"name": self.object},
            )
            return redirect(self.request.path)
        return super().form_valid(form)


class PersonQuickCreateView(SnippetCreateView):
    """The chooser's "create" tab makes the person in the edition the chooser
    was opened for (the piece's), not always the default edition."""

    def save_form(self, form):
        code = self.request.GET.get("locale") or self.request.POST.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        if locale is not None:
            form.instance.locale = locale
        return super().save_form(form)


class PersonChooserViewSet(SnippetChooserViewSet):
    """Choosing a person (a byline, a speaker) can also create one."""

    form_fields = ["name", "role", "public_figure"]
    create_view_class = PersonQuickCreateView


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "pen_name", "role", "locale"]
    # Searched in the database (name or pen name contains the words), not
    # through the search index: the index's SQLite backend has no column per
    # field and failed on `fields=`, and a person added a moment ago (or made
    # by translating a piece) is found before the task worker indexes them.
    search_fields = ["name", "pen_name"]
    search_backend_name = None
    delete_view_class = PersonDeleteView
    chooser_viewset_class = PersonChooserViewSet


register_snippet(PersonViewSet)

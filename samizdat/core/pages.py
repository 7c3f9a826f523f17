"""What every reader-facing page type shares."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import camelcase_to_underscore
from wagtail.models import Page

from samizdat.editions.conf import edition_for
from samizdat.editions.slugs import validate_slug

from .queries import Alternate, alternates


class ReaderPageForm(WagtailAdminPageForm):
    """Admin form whose slug accepts the ZWNJ that Persian words need."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].validators = [validate_slug]
        locale = getattr(self.instance, "locale", None) or getattr(
            self.parent_page, "locale", None
        )
        if locale is not None and edition_for(locale.language_code).rtl:
            # A right-to-left edition's text is typed right to left; the
            # editor script (articles/static/articles/edition-direction.js) turns the
            # body's blocks the same way.
            for name, field in self.fields.items():
                if name != "slug" and isinstance(
                    field.widget, forms.TextInput | forms.Textarea
                ):
                    field.widget.attrs["dir"] = "rtl"
            if "title" in self.fields:
                self.fields["title"].widget.attrs["data-edition-dir"] = "rtl"

    def clean(self):
        # The page's own clean() runs after this one (model validation).
        self.instance.checking_draft = self.is_deferred_validation
        # Read before the check: a refused slug leaves cleaned_data.
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        if slug and self.has_error("slug") and self.parent_page is not None:
            holder = (
                self.parent_page.get_children()
                .filter(slug=slug)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if holder is not None:
                # Often the same piece, autosaved as a draft a moment ago:
                # say which page holds the address and link to it.
                self.errors["slug"] = self.error_class([slug_taken(slug, holder)])
        return cleaned_data


def slug_taken(slug: str, holder: Page) -> str:
    """The reason a slug is refused, linking the page that already has it."""
    status = gettext("published") if holder.live else gettext("draft")
    return format_html(
        gettext(
            "The address “{slug}” is already used by “{title}” ({status}) in "
            'this section. <a href="{url}">Open “{title}”</a> to carry on '
            "with it, or change the slug."
        ),
        slug=slug,
        title=holder.get_admin_display_title(),
        status=status,
        url=reverse("wagtailadmin_pages:edit", args=[holder.pk]),
    )


class ReaderPage(Page):
    """Base for every page a reader sees."""

    base_form_class = ReaderPageForm
    # True while the admin form checks a draft save (autosave, "Save draft"):
    # `clean()` then leaves out what only submitting and publishing need.
    checking_draft = False

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        exclude = set(exclude or ())
        check_slug = "slug" not in exclude
        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude | {"slug"})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if check_slug and self.slug:
            try:
                validate_slug(self.slug)
            except ValidationError as error:
                errors.setdefault("slug", []).extend(error.messages)
        if errors:
            raise ValidationError(errors)

    def get_template(self, request, *args, **kwargs):
        """One template per page type: templates/pages/<page_type>.html."""
        return f"pages/{camelcase_to_underscore(type(self).__name__)}.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["alternates"] = self.edition_alternates(request)
        return context

    def edition_alternates(self, request) -> list[Alternate]:
        """The page in every edition (`core.queries.alternates`)."""
        return alternates(self, request)

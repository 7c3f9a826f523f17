"""What every reader-facing page type shares."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import camelcase_to_underscore
from wagtail.models import Page

from samizdat.editions.slugs import validate_slug

from .queries import alternates


class ReaderPageForm(WagtailAdminPageForm):
    """Admin form whose slug accepts the ZWNJ that Persian words need."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].validators = [validate_slug]


class ReaderPage(Page):
    """Base for every page a reader sees."""

    base_form_class = ReaderPageForm

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
        context["alternates"] = alternates(self, request)
        return context

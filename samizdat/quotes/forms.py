from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samizdat.articles.models import Tag
from samizdat.editions.forms import EditionDateField


class SaidFilterForm(forms.Form):
    """A reader's narrowing of a speaker's record: dates said and a topic."""

    after = EditionDateField(label=_("Said from"), required=False)
    before = EditionDateField(label=_("Said until"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any topic"),
    )

    def __init__(self, *args, topics=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if topics is not None:
            self.fields["topic"].queryset = topics  # type: ignore[attr-defined]
        for name in ("after", "before"):
            self.fields[name].widget.input_type = "date"

    def clean(self):
        data = super().clean()
        after, before = data.get("after"), data.get("before")
        if after and before and after > before:
            raise forms.ValidationError(
                _("The first date must not be after the second.")
            )
        return data

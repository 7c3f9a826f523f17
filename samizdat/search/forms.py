from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samizdat.articles.models import Kind, SectionPage
from samizdat.people.models import Person


class SearchForm(forms.Form):
    """The reader's query and filters; every field optional."""

    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("Any section"),
    )
    author = forms.ModelChoiceField(
        label=_("Author"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Any author"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of piece"),
        choices=[("", _("Any kind"))] + Kind.choices,
        required=False,
    )
    after = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    before = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, locale_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = (
            SectionPage.objects.live().filter(locale_id=locale_id).order_by("path")
        )
        self.fields["author"].queryset = Person.objects.filter(
            locale_id=locale_id
        ).order_by("name")

    def clean(self):
        data = super().clean()
        after, before = data.get("after"), data.get("before")
        if after and before and after > before:
            raise forms.ValidationError(
                _("The start date comes after the end date."), code="date_order"
            )
        return data

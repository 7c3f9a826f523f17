from __future__ import annotations

from typing import cast

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from samizdat.articles.models import Kind, SectionPage
from samizdat.editions.forms import EditionDateField
from samizdat.people.models import Person


class PlainSelect(forms.Select):
    """A <select> written directly rather than through a template per option:
    an edition's list of authors runs to hundreds, and templating each option
    cost more than the search itself."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    option["value"],
                    " selected" if option["selected"] else "",
                    option["label"],
                )
                for _group, choices, _index in widget["optgroups"]
                for option in choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            options,
        )


# The largest key a database integer column holds; SQLite and psycopg raise
# OverflowError for anything larger instead of finding nothing.
LARGEST_KEY = 2**63 - 1


class KeyChoiceField(forms.ModelChoiceField):
    """A choice of row by its numeric key, refused as an invalid choice before
    the database sees a key no column can hold."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or not 0 < int(text) <= LARGEST_KEY:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(text)


class SearchForm(forms.Form):
    """The reader's query and filters; every field optional."""

    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    section = KeyChoiceField(
        label=_("Section"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("Any section"),
        widget=PlainSelect,
    )
    author = KeyChoiceField(
        label=_("Author"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Any author"),
        widget=PlainSelect,
    )
    kind = forms.ChoiceField(
        label=_("Kind of piece"),
        choices=[("", _("Any kind"))] + Kind.choices,
        required=False,
        widget=PlainSelect,
    )
    show = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("Pieces")), ("statements", _("Statements"))],
        required=False,
        widget=PlainSelect,
        help_text=_("Statements: the quotations themselves, with speaker and date."),
    )
    after = EditionDateField(label=_("From"), required=False)
    before = EditionDateField(label=_("Until"), required=False)
    page = forms.IntegerField(
        required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, locale_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        section = cast(forms.ModelChoiceField, self.fields["section"])
        section.queryset = (
            SectionPage.objects.live().filter(locale_id=locale_id).order_by("path")
        )
        author = cast(forms.ModelChoiceField, self.fields["author"])
        author.queryset = Person.objects.filter(locale_id=locale_id).order_by("name")

    def clean(self):
        data = super().clean()
        after, before = data.get("after"), data.get("before")
        if after and before and after > before:
            raise forms.ValidationError(
                _("The start date comes after the end date."), code="date_order"
            )
        return data

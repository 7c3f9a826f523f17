from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samizdat.editions.conf import all_editions

from .models import Frequency
from .queries import section_choices


def _choice(form: forms.Form, name: str) -> forms.ChoiceField:
    """A form's choice field, whose choices depend on the edition."""
    return cast(forms.ChoiceField, form.fields[name])


class SubscribeForm(forms.Form):
    """The reader's form: address, edition, frequency, optional sections.

    `website` is a honeypot: hidden from people, filled by bots."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _(
                "This does not look like an email address: check it for typos."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    edition = forms.ChoiceField(label=_("Edition"))
    frequency = forms.ChoiceField(
        label=_("What to receive"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
    )
    sections = forms.TypedMultipleChoiceField(
        label=_("Only these sections (none ticked: all)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, language: str, with_sections: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        _choice(self, "edition").choices = [(e.code, e.name) for e in all_editions()]
        self.fields["edition"].initial = language
        if with_sections:
            _choice(self, "sections").choices = section_choices(language)
        else:
            del self.fields["sections"]

    def clean_sections(self) -> list[int]:
        return list(self.cleaned_data.get("sections") or [])

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class PreferencesForm(forms.Form):
    edition = forms.ChoiceField(label=_("Edition"))
    frequency = forms.ChoiceField(
        label=_("What to receive"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )
    sections = forms.TypedMultipleChoiceField(
        label=_("Only these sections (none ticked: all)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        _choice(self, "edition").choices = [(e.code, e.name) for e in all_editions()]
        _choice(self, "sections").choices = section_choices(language)

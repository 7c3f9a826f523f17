from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def validate_mirror_list(value: str) -> None:
    check = URLValidator(schemes=["http", "https"])
    for line in value.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError as error:
                raise ValidationError(
                    _("“%(line)s” is not a web address (https://…)."),
                    params={"line": line.strip()},
                ) from error


def validate_onion(value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not (parts.hostname or "").endswith(
        ".onion"
    ):
        raise ValidationError(
            _("An onion address looks like http://…….onion (with http://).")
        )


@register_setting(icon="site")
class MirrorSettings(BaseGenericSetting):
    """Where readers can still reach the outlet when the main site is blocked."""

    mirrors = models.TextField(
        _("mirror addresses"),
        blank=True,
        validators=[validate_mirror_list],
        help_text=_("One address per line, e.g. https://mirror.example.net/news/."),
    )
    onion_address = models.CharField(
        _("onion address"),
        max_length=255,
        blank=True,
        validators=[validate_onion],
        help_text=_(
            "The Tor onion service, e.g. http://abc….onion. Announced to Tor "
            "Browser users of the main site and of every mirror."
        ),
    )

    panels = [FieldPanel("mirrors"), FieldPanel("onion_address")]

    class Meta:
        verbose_name = _("mirrors")

    @property
    def mirror_list(self) -> list[str]:
        return [line.strip() for line in self.mirrors.splitlines() if line.strip()]

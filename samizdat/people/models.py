from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from samizdat.editions.slugs import slugify, validate_slug


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone who signs work: a writer, reporter, photographer or artist.

    Translatable: the Persian edition holds the same person with the name in
    Persian script, linked by Wagtail's translation key."""

    name = models.CharField(_("name"), max_length=200)
    pen_name = models.CharField(
        _("pen name"),
        max_length=200,
        blank=True,
        help_text=_("Shown in bylines as “Name (Pen name)”."),
    )
    slug = models.CharField(
        _("slug"),
        max_length=200,
        blank=True,
        validators=[validate_slug],
        help_text=_("The last part of the author page address. Made from the name."),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("pen_name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("pen_name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_person_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.byline_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name) or f"person-{self.pk or ''}".strip("-")
        super().save(*args, **kwargs)

    @property
    def byline_name(self) -> str:
        if self.pen_name:
            return f"{self.name} ({self.pen_name})"
        return self.name

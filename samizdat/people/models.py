from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from samizdat.editions.slugs import slugify, validate_slug


# django-stubs cannot follow the `bylines` relation through modelcluster's
# untyped ParentalKey/Orderable base of ArticleAuthor.
class Person(TranslatableMixin, index.Indexed, models.Model):  # type: ignore[django-manager-missing]
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
    public_figure = models.BooleanField(
        _("public figure"),
        default=False,
        help_text=_(
            "Someone whose statements the outlet reports: their quotations "
            "are gathered on a page of their own."
        ),
    )
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names the press uses for this person, one a line."),
    )
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
        FieldPanel("public_figure"),
        FieldPanel("aliases"),
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
            self.slug = self.free_slug(slugify(self.name, max_length=190) or "person")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # The admin form has no locale field, so Django leaves the
        # (locale, slug) constraint out of its checks and the database would
        # refuse the row; check it here so the form answers with the reason.
        if self.slug and self.locale_id:
            self.validate_constraints()

    def free_slug(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`...: the first no one else in the edition
        has, so two people of the same name each get an author page."""
        taken = set(
            Person.objects.filter(locale_id=self.locale_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    @property
    def alias_list(self) -> list[str]:
        """The other names, one a line, blanks dropped."""
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def byline_name(self) -> str:
        if self.pen_name:
            return f"{self.name} ({self.pen_name})"
        return self.name

"""Ad slots, the creatives that fill them, and their daily counts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .markup import sanitise


class Placement(models.TextChoices):
    HEADER = "header", _("Header, under the masthead")
    SIDEBAR = "sidebar", _("Sidebar, beside articles and on the front page")
    IN_ARTICLE = "in_article", _("Inside an article, after paragraph N")
    IN_LIST = "in_list", _("Between items of a section's list, after item N")


class AdSlot(models.Model):
    """A place on reader pages where an advertisement may appear."""

    name = models.CharField(_("name"), max_length=100)
    key = models.SlugField(
        _("key"), max_length=40, unique=True, help_text=_("Used in the slot's URL.")
    )
    placement = models.CharField(_("placement"), max_length=20, choices=Placement)
    position = models.PositiveSmallIntegerField(
        _("after paragraph or item N"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Only for placements inside an article or a list."),
    )
    width = models.PositiveSmallIntegerField(_("width (px)"), default=300)
    height = models.PositiveSmallIntegerField(_("height (px)"), default=250)

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("placement"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("width"), FieldPanel("height")]),
    ]

    class Meta:
        verbose_name = _("ad slot")
        verbose_name_plural = _("ad slots")
        ordering = ["placement", "position", "key"]

    def __str__(self) -> str:
        return self.name


class Creative(models.Model):
    """One advertisement: an image with a link and alt text, or short text."""

    name = models.CharField(_("name"), max_length=200)
    active = models.BooleanField(_("active"), default=True)
    slots = models.ManyToManyField(AdSlot, verbose_name=_("slots"), related_name="+")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    alt_text = models.CharField(_("alt text"), max_length=200, blank=True)
    text = models.TextField(
        _("text"),
        blank=True,
        max_length=600,
        help_text=_("For a text ad: bold, italic and line breaks are kept."),
    )
    link_url = models.URLField(
        _("advertiser's address"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    starts_at = models.DateTimeField(_("starts"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("A creative of weight 3 is shown three times as often as 1."),
    )
    editions: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("editions"),
        blank=True,
        related_name="+",
        help_text=_("None chosen: every edition."),
    )
    sections = models.ManyToManyField(
        "articles.SectionPage",
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
        help_text=_("None chosen: every page."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("active"),
        FieldPanel("slots", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("text")],
            heading=_("Advertisement"),
        ),
        FieldPanel("link_url"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("weight"),
        FieldPanel("editions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("creative")
        verbose_name_plural = _("creatives")
        ordering = ["-starts_at", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.text = sanitise(self.text)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not self.image_id and not self.text.strip():
            raise ValidationError(_("Give the ad an image or a text."))
        if self.image_id and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": _("Describe the image for readers who cannot see it.")}
            )
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


class CreativeDay(models.Model):
    """Impressions and clicks of one creative on one day."""

    creative = models.ForeignKey(
        Creative,
        verbose_name=_("creative"),
        on_delete=models.CASCADE,
        related_name="days",
    )
    day = models.DateField(_("day"))
    impressions = models.PositiveIntegerField(_("impressions"), default=0)
    clicks = models.PositiveIntegerField(_("clicks"), default=0)

    class Meta:
        verbose_name = _("creative day")
        verbose_name_plural = _("creative days")
        constraints = [
            models.UniqueConstraint(fields=["creative", "day"], name="one_row_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.creative_id} {self.day}"

"""The quotation record: one row per quotation block of a published piece.

Rows are derived data, rewritten from the piece's live body whenever it is
published and deleted when it is unpublished (`services.record`), so the
record never holds a draft or an unpublished piece. `manage.py
rebuild_quotations` rewrites every row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Quotation(models.Model):
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("piece"),
        on_delete=models.CASCADE,
        related_name="quotations",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    position = models.PositiveIntegerField()
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotations",
    )
    speaker_name = models.CharField(_("speaker"), max_length=200)
    speaker_role = models.CharField(_("speaker's role"), max_length=200, blank=True)
    text = models.TextField(_("quotation"))
    date_said = models.DateField(_("date said"), null=True, blank=True)
    # The date said, or the piece's publication date when the editor gave
    # none: what the record is ordered and filtered by.
    said_on = models.DateField()
    published_at = models.DateTimeField()
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    # Normalised words of text, speaker and role (editions.text), searched by
    # the search page's Statements filter.
    words = models.TextField(blank=True)

    class Meta:
        verbose_name = _("quotation")
        verbose_name_plural = _("quotations")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "block_id"], name="unique_quotation_per_block"
            )
        ]
        indexes = [
            models.Index(
                fields=["person", "-said_on", "-published_at"],
                name="quotation_by_speaker",
            ),
            models.Index(
                fields=["locale", "-said_on", "-published_at"],
                name="quotation_by_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_name}: {self.text[:60]}"

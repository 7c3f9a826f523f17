"""Stored "You May Also Like" lists, editor pins and the term index they are
computed from. Lists are written by `services`, never at render time."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable


class PinnedRelated(Orderable):
    """An article an editor wants under another one, in the editor's order."""

    page = ParentalKey(
        "articles.ArticlePage", related_name="pinned_related", on_delete=models.CASCADE
    )
    related = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("related", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned related article")
        verbose_name_plural = _("pinned related articles")


class RelatedArticle(models.Model):
    """One entry of an article's stored list: pinned ones first, then scored."""

    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="related_entries",
    )
    related = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("related article"),
        on_delete=models.CASCADE,
        related_name="related_to",
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"), default=0.0)
    pinned = models.BooleanField(_("pinned"), default=False)

    class Meta:
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "rank"], name="unique_related_rank"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id} ({self.rank})"


class ArticleTerm(models.Model):
    """One of an article's strongest words with its weight: the inverted index
    that finds candidates for one article without reading the archive."""

    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    locale_id = models.IntegerField(_("locale"))
    term = models.CharField(_("term"), max_length=100)
    weight = models.FloatField(_("weight"))

    class Meta:
        verbose_name = _("article term")
        verbose_name_plural = _("article terms")
        indexes = [
            models.Index(fields=["locale_id", "term", "-weight"], name="related_term")
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.weight:.3f})"


class TermCount(models.Model):
    """How many articles of an edition use a word, for its weight (idf)."""

    locale_id = models.IntegerField(_("locale"))
    term = models.CharField(_("term"), max_length=100)
    articles = models.PositiveIntegerField(_("articles"))

    class Meta:
        verbose_name = _("term count")
        verbose_name_plural = _("term counts")
        constraints = [
            models.UniqueConstraint(
                fields=["locale_id", "term"], name="unique_term_count"
            )
        ]

    def __str__(self) -> str:
        return f"{self.term}: {self.articles}"

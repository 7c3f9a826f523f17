"""What counting keeps: views per page per hour, never a reader.

No model here has a field for an address, a user agent, a cookie or a
reader's hash; those live only in the cache, for at most a day."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class HourlyViews(models.Model):
    """How many (de-duplicated) views a page had in one clock hour."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="hourly_views",
    )
    hour = models.DateTimeField(_("hour"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("hourly views")
        verbose_name_plural = _("hourly views")
        constraints = [
            models.UniqueConstraint(fields=["page", "hour"], name="one_bucket_per_hour")
        ]
        indexes = [models.Index(fields=["hour"], name="hourly_views_hour")]

    def __str__(self) -> str:
        return f"{self.page_id} @ {self.hour:%Y-%m-%d %H}:00 = {self.views}"


class CountKind(StrEnum):
    """What a count counts. The letter is what `PendingCount.kind`, the Redis
    buffer and its keys hold, so a member's value never changes."""

    VIEW = "v"  # a reader page (audience.sinks)
    IMPRESSION = "i"  # an ad shown (ads.sinks)
    CLICK = "c"  # an ad followed (ads.sinks)


class PendingCount(models.Model):
    """Counts spilled by a web process of the embedded stack, waiting to be
    folded. The embedded cache lives in each process's memory, so each
    process writes its sums here (about once a second) for the worker."""

    kind = models.CharField(_("kind"), max_length=1)  # a CountKind
    object_id = models.BigIntegerField(_("object"))
    hour = models.BigIntegerField(_("hour (hours since the epoch)"))
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("pending count")
        verbose_name_plural = _("pending counts")

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}:{self.hour} +{self.count}"


class FoldedBatch(models.Model):
    """A batch of buffered counts already written to buckets: folding the
    same batch again (after a crash between commit and clean-up) is a no-op."""

    batch = models.CharField(_("batch"), max_length=64, unique=True)
    folded_at = models.DateTimeField(_("folded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("folded batch")
        verbose_name_plural = _("folded batches")

    def __str__(self) -> str:
        return self.batch


class PopularArticle(models.Model):
    """One line of an edition's Popular Posts, recomputed periodically."""

    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("edition"), on_delete=models.CASCADE
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    views = models.PositiveIntegerField(_("views"))

    class Meta:
        verbose_name = _("popular article")
        verbose_name_plural = _("popular articles")
        ordering = ["locale", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "rank"], name="one_per_rank")
        ]

    def __str__(self) -> str:
        return f"{self.locale_id} #{self.rank}: {self.article_id}"


class PopularWindow(models.TextChoices):
    DAY = "24h", _("Last 24 hours")
    WEEK = "7d", _("Last 7 days")
    MONTH = "30d", _("Last 30 days")


@register_setting(icon="view")
class AudienceSettings(BaseSiteSetting):
    """What Popular Posts counts: the editor chooses the window."""

    popular_window = models.CharField(
        _("Popular Posts window"),
        max_length=3,
        choices=PopularWindow.choices,
        default=PopularWindow.WEEK,
        help_text=_("Popular Posts lists the most-read articles over this period."),
    )

    panels = [FieldPanel("popular_window")]

    class Meta:
        verbose_name = _("audience")

"""Subscribers, mailings and the delivery ledger.

A subscriber row holds the address only encrypted (`address`) and a keyed
hash to find it (`address_hash`); everything else is a choice or a date."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel


class Frequency(models.TextChoices):
    EVERY = "every", _("Every new article")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    SUPPRESSED = "suppressed", _("Suppressed")


class Subscriber(models.Model):
    address_hash = models.CharField(_("address hash"), max_length=64, unique=True)
    address = models.TextField(_("encrypted address"))
    language = models.CharField(_("edition"), max_length=12)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices
    )
    sections = models.ManyToManyField(
        "articles.SectionPage",
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    suppressed_at = models.DateTimeField(_("suppressed"), null=True, blank=True)
    suppressed_reason = models.CharField(
        _("why suppressed"), max_length=200, blank=True
    )
    confirmations_on = models.DateField(
        _("day of the last confirmation mail"), null=True, blank=True
    )
    confirmations_sent = models.PositiveSmallIntegerField(
        _("confirmation mails that day"), default=0
    )

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        permissions = [("export_subscriber", _("Can export the subscriber list"))]
        indexes = [models.Index(fields=["status", "language", "frequency"])]

    def __str__(self) -> str:
        return f"{self.get_status_display()} #{self.pk}"


class SectionMailing(models.Model):
    """Whether new articles of a section are mailed unless the editor says."""

    section = models.OneToOneField(
        "articles.SectionPage",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    mail_new_articles = models.BooleanField(
        _("mail new articles to subscribers"), default=True
    )

    panels = [FieldPanel("section"), FieldPanel("mail_new_articles")]

    class Meta:
        verbose_name = _("newsletter default for a section")
        verbose_name_plural = _("newsletter defaults for sections")

    def __str__(self) -> str:
        return str(self.section)


class MailChoice(models.Model):
    """The editor's choice, made when publishing, to mail an article."""

    class Choice(models.TextChoices):
        DEFAULT = "default", _("As the section does by default")
        SEND = "send", _("Send to subscribers")
        SKIP = "skip", _("Do not send")

    article = ParentalKey(
        "articles.ArticlePage", related_name="newsletter", on_delete=models.CASCADE
    )
    choice = models.CharField(
        _("mail this article to subscribers"),
        max_length=10,
        choices=Choice.choices,
        default=Choice.DEFAULT,
    )

    panels = [FieldPanel("choice")]

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletter")

    def __str__(self) -> str:
        return self.get_choice_display()


class Mailing(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("New article")
        DIGEST = "digest", _("Digest")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(_("edition"), max_length=12)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices
    )
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    article_ids = models.JSONField(_("articles"), default=list)
    period_end = models.DateTimeField(_("period end"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Set once every recipient has a ledger row; until then a rerun (or the
    # clock's resume_deliveries) completes the ledger and nothing finishes.
    ledger_done_at = models.DateTimeField(_("ledger complete"), null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(kind="article"),
                name="newsletter_one_mailing_per_article",
            ),
            models.UniqueConstraint(
                fields=["language", "frequency", "period_end"],
                condition=models.Q(kind="digest"),
                name="newsletter_one_digest_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.language})"


class Delivery(models.Model):
    """One row per (mailing, subscriber): the ledger that makes sending resume."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE)
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE)
    state = models.CharField(max_length=8, choices=State.choices, default="queued")
    claim = models.CharField(max_length=32, blank=True, default="")
    lease_until = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="newsletter_one_delivery"
            )
        ]
        indexes = [models.Index(fields=["mailing", "state", "lease_until"])]

    def __str__(self) -> str:
        return f"{self.mailing_id}/{self.subscriber_id}: {self.state}"


class SubscriberExport(models.Model):
    """A record that someone exported the list; Wagtail's audit log points here."""

    created_at = models.DateTimeField(_("exported"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rows = models.PositiveIntegerField(_("rows"))

    class Meta:
        verbose_name = _("subscriber export")
        verbose_name_plural = _("subscriber exports")

    def __str__(self) -> str:
        return f"{self.rows} @ {self.created_at:%Y-%m-%d %H:%M}"

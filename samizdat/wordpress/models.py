"""What the importer remembers of a WordPress site: which post, page,
attachment and author became which page, image and person here, so that a
second run updates instead of duplicating and an interrupted run resumes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One WordPress object and what it became here."""

    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")
        IMAGE = "image", _("image")
        PERSON = "person", _("person")

    source = models.CharField(_("site"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(_("WordPress key"), max_length=300)
    wp_id = models.BigIntegerField(_("WordPress ID"), default=0)
    guid = models.CharField(_("GUID"), max_length=500, blank=True)
    digest = models.CharField(_("digest"), max_length=64, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.BigIntegerField(_("object ID"), null=True, blank=True)
    # Written, but not yet in the search and reference indexes: the import
    # fills those once at its end, and a run that stopped before then leaves
    # this set for the next run to finish.
    pending = models.BooleanField(_("indexing pending"), default=False)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "key"], name="unique_wordpress_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.key}"


class ImportRun(models.Model):
    """An export uploaded in the admin, its dry run and its import."""

    class State(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded")
        CHECKING = "checking", _("dry run under way")
        CHECKED = "checked", _("dry run done")
        RUNNING = "running", _("import under way")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    export = models.CharField(_("export file"), max_length=500)
    media = models.CharField(_("uploads folder"), max_length=500, blank=True)
    edition = models.CharField(_("edition"), max_length=10, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.UPLOADED
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    report = models.TextField(_("report"), blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("WordPress import")
        verbose_name_plural = _("WordPress imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.export} ({self.state})"

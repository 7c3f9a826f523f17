"""What running the site needs to remember: which task workers are alive."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerBeat(models.Model):
    """A task worker's heartbeat: the worker writes `seen_at` every few seconds
    while it runs; a task whose worker has not been seen within the lease is
    taken to be lost with that worker (`workers.recover_lost_tasks`)."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    started_at = models.DateTimeField(_("started"))
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return self.worker_id

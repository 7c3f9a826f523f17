"""After an import (a bulk load), Wagtail's reference index of each page it
wrote is queued once, as Wagtail queues it after any save; during the import
its per-save queueing is off (five saves a post)."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.tasks import update_reference_index_task

from samizdat.core import bulk


@receiver(bulk.loaded)
def index_references_after_bulk_load(sender, pages=(), **kwargs) -> None:
    page_ids = list(pages)
    if not page_ids:
        return

    def enqueue() -> None:
        rows = Page.objects.filter(pk__in=page_ids).values_list(
            "pk", "content_type__app_label", "content_type__model"
        )
        for pk, app_label, model_name in rows.iterator():
            update_reference_index_task.enqueue(app_label, model_name, str(pk))

    transaction.on_commit(enqueue)

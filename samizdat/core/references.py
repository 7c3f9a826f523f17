"""Wagtail's reference index kept in the process of a bulk write.

Wagtail queues one `update_reference_index_task` for every saved row of a
model it tracks: a page, and each of its bylines, tags and pictures. A bulk
write that saves a row and replaces it soon after (a translated copy's byline
rows, replaced by the translation's own) leaves tasks for rows that no longer
exist, and each fails in the worker with `DoesNotExist`; the others redo the
same page several times. Inside `indexed_here()` Wagtail's handlers stand
aside; on leaving, each object saved meanwhile and still present is indexed
once (through its parent, as Wagtail's task does), and the references of the
objects deleted meanwhile are removed, so the index ends as it would have
after the queued tasks, with nothing queued."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

UID = "samizdat-references-indexed-here"
_active: contextvars.ContextVar[bool] = contextvars.ContextVar(UID, default=False)


def indexed_object(instance: models.Model) -> models.Model | None:
    """The object whose references `instance` is part of: its parent for a
    child row (as Wagtail's task walks), itself otherwise; a page as its
    specific type, as a rebuild of the index records it."""
    while True:
        parental = [
            f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)
        ]
        if not parental:
            return instance.specific if isinstance(instance, Page) else instance
        parent = getattr(instance, parental[0].name)
        if parent is None:
            return None
        instance = parent


@contextlib.contextmanager
def indexed_here() -> Iterator[None]:
    """Index the references of what the block writes once, at its end.
    Nested blocks leave it to the outermost."""
    if _active.get():
        yield
        return
    saved: dict[tuple[type[models.Model], object], None] = {}
    deleted: list[models.Model] = []

    def on_save(sender, instance, raw: bool = False, **kwargs) -> None:
        if not raw and sender in ReferenceIndex.tracked_models:
            saved[sender, instance.pk] = None

    def on_delete(sender, instance, **kwargs) -> None:
        if sender in ReferenceIndex.tracked_models:
            deleted.append(instance)

    post_save.connect(on_save, weak=False, dispatch_uid=UID)
    post_delete.connect(on_delete, weak=False, dispatch_uid=UID)
    token = _active.set(True)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _active.reset(token)
        post_save.disconnect(dispatch_uid=UID)
        post_delete.disconnect(dispatch_uid=UID)
    with transaction.atomic():
        for instance in deleted:
            ReferenceIndex.remove_for_object(instance)
            ReferenceIndex.remove_references_to(instance)
        done: set[tuple[type[models.Model], object]] = set()
        for model, pk in saved:
            row = model._default_manager.filter(pk=pk).first()
            target = indexed_object(row) if row is not None else None
            if target is None or not ReferenceIndex.is_indexed(type(target)):
                continue
            key = (type(target), target.pk)
            if key not in done:
                done.add(key)
                ReferenceIndex.create_or_update_for_object(target)

"""What a piece shows from its body, computed once per published revision.

Turning the stored StreamField into blocks and rendering each through its
template is about a fifth of an uncached article view, and reading the
quotations for the page's JSON-LD walks the same body again. Both depend on
the revision, the edition and a few things outside the revision: a quoted
speaker's name and public-figure flag, an image's renditions, a linked
page's address. So they are kept in the cache under the live revision, the
edition and the render generation, one number in the database that every
change to people, images or the page tree moves on (see signals). A
correction (a new revision) or a renamed speaker is a new key, seen at once
by every process, which matters when a name is changed to protect someone.
Previews and pages that are not live are made afresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.utils.safestring import SafeString, mark_safe

from samizdat.editions.conf import current_code

BODY_SECONDS = 3600
T = TypeVar("T")


class RenderGeneration(models.Model):
    """One row whose number moves on whenever something a rendered body
    shows may have changed without a new revision of the piece."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        app_label = "articles"

    def __str__(self) -> str:
        return f"render generation {self.value}"


def bump_generation() -> None:
    """Make every body rendered so far stale."""
    if not RenderGeneration.objects.update(value=F("value") + 1):
        RenderGeneration.objects.create(value=1)


def generation_query() -> models.QuerySet:
    """The current generation as a subquery, for the article route to read
    in its own query (`page.render_generation`)."""
    return RenderGeneration.objects.values("value")[:1]


def _generation(page: Any, request: Any) -> int:
    found = getattr(page, "render_generation", None)
    if found is None:
        found = getattr(request, "_samizdat_render_generation", None)
    if found is None:
        found = next(iter(generation_query().values_list("value", flat=True)), 0)
        if request is not None:
            request._samizdat_render_generation = found
    return found or 0


def per_revision(page: Any, request: Any, name: str, make: Callable[[], T]) -> T:
    """`make()` for the page's published revision in the current edition,
    from the cache when another view already made it; made afresh for a
    preview or a page that is not live."""
    revision_id = getattr(page, "live_revision_id", None)
    if not revision_id or not page.live or getattr(request, "is_preview", False):
        return make()
    generation = _generation(page, request)
    key = f"samizdat:{name}:2:{page.pk}:{revision_id}:{current_code()}:{generation}"
    found = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found, BODY_SECONDS)
    return found


def body_blocks(page: Any, context: Any) -> list[tuple[str, SafeString]]:
    """(block type, HTML) for each block of `page.body`, as `include_block`
    renders it inside `context`."""

    def render() -> list[tuple[str, str]]:
        flat = context.flatten()  # as include_block passes it
        return [(b.block_type, str(b.render_as_block(flat))) for b in page.body]

    blocks = per_revision(page, context.get("request"), "body", render)
    return [(kind, mark_safe(html)) for kind, html in blocks]  # noqa: S308

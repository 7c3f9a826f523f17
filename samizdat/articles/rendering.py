"""What a piece shows, computed once per published revision.

An uncached article view spent most of its time rendering templates and
building queries for things that only change with the piece: its blocks,
its headline and byline, tags, corrections and related list, its metadata
and JSON-LD, the editions it exists in, its view restrictions. Each is kept
in the cache under the live revision, the edition, the code version and the
render generation: one number in the database that every change to people,
tags, images, view restrictions, related lists or the page tree moves on
(see signals and `related.services`). A correction (a new revision) or a
renamed speaker is a new key, seen at once by every process, which matters
when a name is changed to protect someone. Template parts are wrapped in
`{% per_revision "name" %}` (articles' template tags), which also keys them
by the navigation build they used. Previews and pages that are not live are
made afresh, and a deploy that changes the code (`code_version`) never meets
what the old code cached."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
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


@functools.cache
def code_version() -> str:
    """What the templates and code that render pieces are, as deployed: a
    digest of the size and time of every template and module. A deploy that
    changes how pieces look never meets what the old code cached."""
    digest = hashlib.sha1(usedforsecurity=False)
    base = Path(settings.BASE_DIR)
    for top in (base / "templates", base / "samizdat"):
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".py", ".html", ".txt")):
                    stat = os.stat(os.path.join(folder, name))
                    digest.update(
                        f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode()
                    )
    return digest.hexdigest()[:12]


def _kept(name: str, scope: str, make: Callable[[], T]) -> T:
    """`make()`, kept in the cache under the part's name, the code version
    and `scope` (what else the part depends on)."""
    key = f"samizdat:{name}:{code_version()}:{scope}"
    found = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found, BODY_SECONDS)
    return found


def per_revision(
    page: Any, request: Any, name: str, make: Callable[[], T], vary: str = ""
) -> T:
    """`make()` for the page's published revision in the current edition,
    from the cache when another view already made it; made afresh for a
    preview or a page that is not live. `vary` names anything else the
    result depends on (the navigation it was made from, say)."""
    revision_id = getattr(page, "live_revision_id", None)
    if not revision_id or not page.live or getattr(request, "is_preview", False):
        return make()
    generation = _generation(page, request)
    scope = f"{page.pk}:{revision_id}:{current_code()}:{generation}:{vary}"
    return _kept(name, scope, make)


def per_edition(
    page: Any, request: Any, name: str, make: Callable[[], T], vary: str = ""
) -> T:
    """`make()` once per edition, code version and render generation: for a
    part that many pages of an edition show alike and that changes only when
    a page is published or unpublished, or a person, image or tag is saved
    (the newest caricature beside every article, say). `page` only lends the
    generation the article route read with it."""
    scope = f"{current_code()}:{_generation(page, request)}:{vary}"
    return _kept(name, scope, make)


def body_blocks(page: Any, context: Any) -> list[tuple[str, SafeString]]:
    """(block type, HTML) for each block of `page.body`, as `include_block`
    renders it inside `context`."""

    def render() -> list[tuple[str, str]]:
        flat = context.flatten()  # as include_block passes it
        return [(b.block_type, str(b.render_as_block(flat))) for b in page.body]

    blocks = per_revision(page, context.get("request"), "body", render)
    return [(kind, mark_safe(html)) for kind, html in blocks]  # noqa: S308

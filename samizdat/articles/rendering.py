"""What a piece shows from its body, computed once per published revision.

Turning the stored StreamField into blocks and rendering each through its
template is about a fifth of an uncached article view, and reading the
quotations for the page's JSON-LD walks the same body again. Both depend
only on the revision and the edition (the blocks' templates read their own
value, never the reader's request), so they are kept in the cache under the
live revision and edition: a correction (a new revision) is a new key, seen
at once by every process.

What a revision shows of other objects (a linked page's address, a
speaker's public-figure flag, an image's file) can change without a new
revision; those reach readers within BODY_SECONDS, the bound the cached
navigation also keeps. Previews and drafts are never cached."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from samizdat.editions.conf import current_code

BODY_SECONDS = 600
T = TypeVar("T")


def per_revision(page: Any, request: Any, name: str, make: Callable[[], T]) -> T:
    """`make()` for the page's published revision in the current edition,
    from the cache when another view already made it; made afresh for a
    preview or a page that is not live."""
    revision_id = getattr(page, "live_revision_id", None)
    if not revision_id or not page.live or getattr(request, "is_preview", False):
        return make()
    key = f"samizdat:{name}:1:{page.pk}:{revision_id}:{current_code()}"
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

"""A public figure's statements as full-text RSS 2.0 and Atom: one entry per
quotation, its whole text, the speaker's role and date said, and links to
the piece that reported it and to the source."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import feedgenerator
from django.utils.cache import patch_cache_control
from django.utils.text import Truncator
from django.utils.translation import gettext

from samizdat.core.queries import absolute_url
from samizdat.editions.conf import edition_for
from samizdat.people.models import Person

from .models import Quotation

ITEMS = 50

CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


class StatementsRss(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self) -> dict:
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        return attrs

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class StatementsAtom(feedgenerator.Atom1Feed):
    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


def cacheable(response: HttpResponse) -> HttpResponse:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.SAMIZDAT_FEED_MAX_AGE,
        s_maxage=settings.SAMIZDAT_FEED_SHARED_MAX_AGE,
    )
    return response


def document(
    request: HttpRequest,
    fmt: str,
    person: Person,
    record_url: str,
    rows: list[Quotation],
) -> tuple[str, str]:
    """The feed document and its content type."""
    generator = StatementsRss if fmt == "rss" else StatementsAtom
    title = gettext("What %(name)s said") % {"name": person.name}
    title = f"{title} · {edition_for(person.locale.language_code).site_name}"
    feed = generator(
        title=title,
        link=absolute_url(record_url),
        description=title,
        language=person.locale.language_code,
        feed_url=absolute_url(request.path),
        feed_guid=absolute_url(request.path),
    )
    for row in rows:
        piece_url = absolute_url(row.page.get_url(request) or "/")
        content = render_to_string(
            "quotes/feed_item.html",
            {"quotation": row, "piece_url": piece_url},
            request=request,
        )
        feed.add_item(
            title=f"{row.speaker_name}: {Truncator(row.text).words(12)}",
            link=f"{piece_url}#quote-{row.block_id}",
            description=row.text,
            unique_id=f"{piece_url}#quote-{row.block_id}",
            unique_id_is_permalink=True,
            pubdate=row.published_at,
            updateddate=row.published_at,
            author_name=row.speaker_name,
            content=content,
        )
    return feed.writeString("utf-8"), CONTENT_TYPES[fmt]

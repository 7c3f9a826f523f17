"""Feed documents: full-text RSS 2.0, Atom and JSON Feed from one item list."""

from __future__ import annotations

import json
import re

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import feedgenerator

from samizdat.articles import navigation
from samizdat.core.queries import absolute_url
from samizdat.editions.conf import edition_for

from .queries import FeedScope

ROOT_RELATIVE = re.compile(r"""(\s(?:href|src)=["'])(/(?!/)[^"']*)""")
SRCSET = re.compile(r"""(\ssrcset=["'])([^"']*)""")
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_VERSION = 1
CONTENT_SECONDS = 24 * 3600


def absolutize(html: str) -> str:
    """Root-relative links and images in a fragment made absolute on BASE_URL,
    so feed readers on other hosts can follow them."""
    html = ROOT_RELATIVE.sub(lambda m: m.group(1) + absolute_url(m.group(2)), html)
    return SRCSET.sub(
        lambda m: (
            m.group(1)
            + ", ".join(
                absolute_url(part.strip()) if part.strip().startswith("/") else part
                for part in m.group(2).split(",")
            )
        ),
        html,
    )


class FullTextRss(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with the whole piece in content:encoded and every author."""

    def rss_attributes(self) -> dict:
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        attrs["xmlns:dc"] = "http://purl.org/dc/elements/1.1/"
        return attrs

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        handler.addQuickElement("content:encoded", item["content"])


class FullTextAtom(feedgenerator.Atom1Feed):
    """Atom with the whole piece in <content> and every author."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author["url"]:
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


def feed_title(scope: FeedScope) -> str:
    site = edition_for(scope.locale.language_code).site_name
    return f"{scope.title} · {site}" if scope.title else site


def content_key(piece) -> str:
    stamp = (piece.last_published_at or piece.first_published_at).timestamp()
    return f"samizdat:feed-item:{CONTENT_VERSION}:{piece.pk}:{stamp}"


def item_contents(request: HttpRequest, pieces: list) -> dict[int, str]:
    """Each piece's full text with absolute links, rendered once per published
    revision and kept in the cache: a piece appears in the feeds of its
    edition, section, authors and tags."""
    keys = {piece.pk: content_key(piece) for piece in pieces}
    cached = cache.get_many(list(keys.values()))
    contents, fresh = {}, {}
    for piece in pieces:
        html = cached.get(keys[piece.pk])
        if html is None:
            html = absolutize(
                render_to_string(
                    "feeds/item_content.html",
                    {"piece": piece, "caricature": piece.caricature},
                    request=request,
                )
            )
            fresh[keys[piece.pk]] = html
        contents[piece.pk] = html
    if fresh:
        cache.set_many(fresh, CONTENT_SECONDS)
    return contents


def build_items(request: HttpRequest, scope: FeedScope, pieces: list) -> list[dict]:
    """Everything a feed entry shows, with absolute links, for any format."""
    indexes = navigation.index_pages(scope.locale.pk)
    author_index = indexes["authors"]
    contents = item_contents(request, pieces)
    items = []
    for piece in pieces:
        url = absolute_url(piece.get_url(request))
        people = [a.person for a in piece.article_authors.all()]
        image = None
        if piece.caricature is not None:
            image = piece.caricature.cartoon.get_rendition("width-1000")
        elif piece.lead_image is not None:
            image = piece.lead_image.get_rendition("width-800")
        items.append(
            {
                "title": piece.title,
                "url": url,
                "summary": piece.standfirst,
                "content": contents[piece.pk],
                "published": piece.first_published_at,
                "updated": piece.last_published_at or piece.first_published_at,
                "authors": [
                    {
                        "name": p.byline_name,
                        "url": absolute_url(author_index.author_url(request, p.slug))
                        if author_index
                        else "",
                    }
                    for p in people
                ],
                "categories": ([piece.section.title] if piece.section else [])
                + [t.tag.name for t in piece.tagged_items.all()],
                "image": absolute_url(image.url) if image else "",
            }
        )
    return items


def syndication(
    fmt: str, request: HttpRequest, scope: FeedScope, items: list[dict]
) -> str:
    """An RSS 2.0 or Atom document."""
    generator = FullTextRss if fmt == "rss" else FullTextAtom
    feed = generator(
        title=feed_title(scope),
        link=absolute_url(scope.link),
        description=feed_title(scope),
        language=scope.locale.language_code,
        feed_url=absolute_url(request.path),
        feed_guid=absolute_url(request.path),
    )
    for item in items:
        feed.add_item(
            title=item["title"],
            link=item["url"],
            description=item["summary"] or item["title"],
            unique_id=item["url"],
            unique_id_is_permalink=True,
            pubdate=item["published"],
            updateddate=item["updated"],
            categories=item["categories"],
            authors=item["authors"],
            content=item["content"],
        )
    return feed.writeString("utf-8")


def json_feed(request: HttpRequest, scope: FeedScope, items: list[dict]) -> str:
    """A JSON Feed 1.1 document."""
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed_title(scope),
        "home_page_url": absolute_url(scope.link),
        "feed_url": absolute_url(request.path),
        "language": scope.locale.language_code,
        "items": [
            {
                "id": item["url"],
                "url": item["url"],
                "title": item["title"],
                "summary": item["summary"],
                "content_html": item["content"],
                "date_published": item["published"].isoformat(),
                "date_modified": item["updated"].isoformat(),
                "authors": [
                    {k: v for k, v in author.items() if v} for author in item["authors"]
                ],
                "tags": item["categories"],
                **({"image": item["image"]} if item["image"] else {}),
            }
            for item in items
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)

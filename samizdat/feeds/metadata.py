"""What search engines, social sites and feed readers read from a page's
<head>: feed links, OpenGraph and Twitter tags, schema.org JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from samizdat.articles import rendering
from samizdat.articles.navigation import edition_nav, section_of
from samizdat.articles.templatetags.articles import author_url
from samizdat.core.queries import Alternate, absolute_url
from samizdat.editions.conf import edition_for
from samizdat.mirror.queries import addresses
from samizdat.quotes import schema as quotation_schema

SCHEMA_TYPES = {
    "news": "NewsArticle",
    "opinion": "OpinionNewsArticle",
    "analysis": "AnalysisNewsArticle",
    "report": "ReportageNewsArticle",
    "interview": "NewsArticle",
}
FEED_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def feed_links(context) -> list[dict]:
    """The feeds of the edition and of the section, author or tag shown."""
    site = _site_name(context)
    links = [
        {"type": FEED_TYPES[fmt], "title": site, "href": reverse(name)}
        for fmt, name in (
            ("rss", "feeds_edition_rss"),
            ("atom", "feeds_edition_atom"),
            ("json", "feeds_edition_json"),
        )
    ]
    page = context.get("page")
    scoped = None
    if context.get("person") is not None:
        scoped = ("author", context["person"].slug, context["person"].byline_name)
    elif context.get("tag") is not None:
        scoped = ("tag", context["tag"].slug, context["tag"].name)
    elif page is not None and type(page).__name__ == "SectionPage":
        scoped = ("section", page.slug, page.title)
    if scoped:
        kind, slug, title = scoped
        for fmt in ("rss", "atom"):
            try:
                href = reverse(f"feeds_{fmt}", kwargs={"kind": kind, "slug": slug})
            except NoReverseMatch:
                continue
            links.append(
                {"type": FEED_TYPES[fmt], "title": f"{title} · {site}", "href": href}
            )
    return links


def _site_name(context) -> str:
    """The outlet's name in the edition of the page shown."""
    return (context.get("edition") or edition_for()).site_name


def canonical(context) -> str:
    for alt in context.get("alternates") or ():
        if isinstance(alt, dict):  # newsletter and mirror pages still pass dicts
            alt = Alternate(**alt)
        if alt.is_current:
            return alt.full_url
    request = context.get("request")
    return absolute_url(request.path) if request is not None else ""


def share_image(page) -> str:
    """The picture social sites show: the cartoon or the lead image."""
    image = None
    if getattr(page, "cartoon_id", None):
        image = page.cartoon
    elif getattr(page, "lead_image_id", None):
        image = page.lead_image
    return absolute_url(image.get_rendition(SHARE_SPEC).url) if image else ""


# 1200 px wide, as the large cards of social sites want; JPEG, which every
# one of them reads.
SHARE_SPEC = "width-1200|format-jpeg"


def article_schema(context, url: str, image: str, section) -> dict:
    """schema.org NewsArticle (or its kind) with every author as a Person."""
    page = context["page"]
    home = absolute_url(reverse("wagtail_serve", args=[""]))
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(page.kind, "NewsArticle"),
        "headline": page.title[:110],
        "description": page.standfirst or page.search_description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "datePublished": page.first_published_at.isoformat()
        if page.first_published_at
        else None,
        "dateModified": (page.last_published_at or page.first_published_at).isoformat()
        if page.first_published_at
        else None,
        "author": [
            {
                "@type": "Person",
                "name": person.byline_name,
                **(
                    {"url": absolute_url(link)}
                    if (link := author_url(context, person))
                    else {}
                ),
            }
            for person in context.get("authors") or ()
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": _site_name(context),
            "url": home,
        },
    }
    if section is not None:
        data["articleSection"] = section.title
    if image:
        data["image"] = [image]
    if context.get("tags"):
        data["keywords"] = [tag.name for tag in context["tags"]]
    data["@id"] = url
    data["hasPart"] = rendering.per_revision(
        page,
        context.get("request"),
        "quotations-ld",
        lambda: quotation_schema.quotations(page, url),
    )
    return {k: v for k, v in data.items() if v not in (None, "", [])}


@dataclass
class PageMetadata:
    """What `components/metadata.html` prints in a page's <head>."""

    feeds: list[dict]
    og: list[tuple[str, str]] = field(default_factory=list)
    twitter: list[tuple[str, str]] = field(default_factory=list)
    jsonld: str = ""
    onion: str = ""


def page_metadata(context) -> PageMetadata:
    """Everything the metadata component prints for the page in context.

    A piece's is made once per published revision (it shows the revision,
    its people, tags and section: `rendering.per_revision`)."""
    page = context.get("page")
    is_article = page is not None and hasattr(page, "kind") and "authors" in context
    request = context.get("request")
    if is_article:
        meta = rendering.per_revision(
            page,
            request,
            "metadata",
            lambda: _metadata(context, page, True),
            vary=edition_nav(request).stamp if request is not None else "",
        )
    else:
        meta = _metadata(context, page, False)
    if request is not None and getattr(request, "samizdat_mirror", False):
        onion = addresses()["onion"]
        meta.onion = onion + request.path if onion else ""
    return meta


def _metadata(context, page, is_article: bool) -> PageMetadata:
    url = canonical(context)
    image = share_image(page) if is_article else ""
    title = getattr(page, "seo_title", "") or getattr(page, "title", "")
    if context.get("person") is not None:
        title = context["person"].byline_name
    elif context.get("tag") is not None:
        title = context["tag"].name
    description = ""
    if page is not None:
        description = (
            getattr(page, "search_description", "")
            or getattr(page, "standfirst", "")
            or getattr(page, "introduction", "")
            or getattr(page, "tagline", "")
        )
    edition = context.get("edition")
    site = _site_name(context)
    meta = PageMetadata(
        feeds=feed_links(context),
        og=[
            ("og:site_name", site),
            ("og:type", "article" if is_article else "website"),
            ("og:title", title or site),
            ("og:url", url),
            ("og:locale", edition.code if edition else ""),
            ("og:description", description),
            ("og:image", image),
        ],
        twitter=[
            ("twitter:card", "summary_large_image" if image else "summary"),
            ("twitter:title", title or site),
            ("twitter:description", description),
            ("twitter:image", image),
        ],
    )
    if is_article:
        if page.first_published_at:
            meta.og.append(
                ("article:published_time", page.first_published_at.isoformat())
            )
        if page.last_published_at:
            meta.og.append(
                ("article:modified_time", page.last_published_at.isoformat())
            )
        request = context.get("request")
        section = section_of(request, page) if request is not None else None
        if section is not None:
            meta.og.append(("article:section", section.title))
        meta.og.extend(("article:tag", tag.name) for tag in context.get("tags", ()))
        schema = article_schema(context, url, image, section)
        meta.jsonld = json.dumps(schema, ensure_ascii=False).translate(JSON_ESCAPES)
    meta.og = [(k, v) for k, v in meta.og if v]
    meta.twitter = [(k, v) for k, v in meta.twitter if v]
    return meta

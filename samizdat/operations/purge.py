"""Instant updates behind the front cache: which cached URLs show a piece,
and purging them through `wagtail.contrib.frontend_cache`.

When a piece is published, unpublished, corrected or goes live on schedule,
and when a section or a person changes, every URL whose page shows it is
purged: the piece and its translations, the edition home pages, the section
and each page of its listing, each author's and tag's pages and feeds, the
edition and section feeds and the sitemaps. The purge runs in a task
(`tasks.purge_page`, `tasks.purge_person`), enqueued on commit by
`signals.py`, so the editor's request never waits on the cache. Purging is
idempotent; a URL the cache does not hold is not an error."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page

from samizdat.articles.models import (
    PAGE_SIZE,
    ArticlePage,
    AuthorIndexPage,
    SectionPage,
    TagIndexPage,
)
from samizdat.people.models import Person

logger = logging.getLogger("samizdat.operations")


class PurgeBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend, where a URL the cache does not hold
    (nginx's purge module answers 404) is already purged."""

    def purge(self, url: str) -> None:
        parsed = urlsplit(url)
        host = parsed.hostname or ""
        if parsed.port:
            host += f":{parsed.port}"
        location = f"{self.cache_scheme}://{self.cache_netloc}"
        target = urljoin(
            location, parsed.path + (f"?{parsed.query}" if parsed.query else "")
        )
        request = PurgeRequest(url=target, headers={"Host": host})
        try:
            with urlopen(request, timeout=10):  # noqa: S310 - the cache's own URL
                pass
        except HTTPError as error:
            if error.code != 404:
                logger.warning("purge %s: HTTP %s", url, error.code)
        except (URLError, OSError) as error:
            logger.warning("purge %s: %s", url, getattr(error, "reason", error))


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _listing(first: str, count: int, page_path) -> list[str]:
    pages = max(1, math.ceil(count / PAGE_SIZE)) + 1
    return [first] + [urljoin(first, page_path(n)) for n in range(2, pages + 1)]


def edition_urls(page: Page) -> list[str]:
    """Home page, feeds and sitemaps of the page's edition."""
    home = Page.objects.live().filter(locale_id=page.locale_id, depth=2).first()
    if home is None or not home.full_url:
        return []
    base = home.full_url
    root = urljoin(base, "/")
    return [
        base,
        urljoin(base, "feeds/rss.xml"),
        urljoin(base, "feeds/atom.xml"),
        urljoin(base, "feeds/feed.json"),
        urljoin(base, "sitemap.xml"),
        urljoin(base, "news-sitemap.xml"),
        urljoin(root, "sitemap.xml"),
    ]


def section_urls(section: SectionPage) -> list[str]:
    if not section.full_url:
        return []
    base = section.full_url
    count = ArticlePage.objects.live().filter(section=section).count()
    urls = _listing(
        base, count, lambda n: SectionPage.subpage_path("page", n).lstrip("/")
    )
    home = urljoin(base, "../")
    for fmt in ("rss.xml", "atom.xml"):
        urls.append(urljoin(home, f"feeds/section/{section.slug}/{fmt}"))
    return urls


def person_urls(person: Person) -> list[str]:
    index = AuthorIndexPage.of_edition(person.locale_id)
    if index is None or not index.full_url:
        return []
    count = ArticlePage.objects.live().filter(article_authors__person=person).count()
    urls = [index.full_url, *_item_listing(index, AuthorIndexPage, person.slug, count)]
    home = urljoin(index.full_url, "../")
    for fmt in ("rss.xml", "atom.xml"):
        urls.append(urljoin(home, f"feeds/author/{person.slug}/{fmt}"))
    return urls


def _item_listing(index: Page, cls, slug: str, count: int) -> list[str]:
    first = urljoin(index.full_url, cls.subpage_path("item", slug).lstrip("/"))
    pages = max(1, math.ceil(count / PAGE_SIZE)) + 1
    rest = [
        urljoin(index.full_url, cls.subpage_path("item_page", slug, n).lstrip("/"))
        for n in range(2, pages + 1)
    ]
    return [first, *rest]


def tag_urls(page: ArticlePage) -> list[str]:
    index = TagIndexPage.of_edition(page.locale_id)
    if index is None or not index.full_url:
        return []
    urls = [index.full_url]
    home = urljoin(index.full_url, "../")
    for tag in page.tags.all():
        count = ArticlePage.objects.live().filter(tags=tag).count()
        urls += _item_listing(index, TagIndexPage, tag.slug, count)
        for fmt in ("rss.xml", "atom.xml"):
            urls.append(urljoin(home, f"feeds/tag/{tag.slug}/{fmt}"))
    return urls


def urls_showing(page: Page) -> list[str]:
    """Every URL whose page shows `page`, in each edition it is in."""
    page = page.specific
    pages = [page, *page.get_translations(inclusive=False).specific()]
    urls: list[str] = []
    for each in pages:
        if each.full_url:
            urls.append(each.full_url)
        urls += edition_urls(each)
        if isinstance(each, SectionPage):
            urls += section_urls(each)
        if isinstance(each, ArticlePage):
            section = SectionPage.objects.filter(pk=each.section_id).first()
            if section is not None:
                urls += section_urls(section)
            for byline in each.article_authors.select_related("person"):
                urls += person_urls(byline.person)
            urls += tag_urls(each)
    return list(dict.fromkeys(urls))


def urls_of_person(person: Person) -> list[str]:
    """A person's pages and feeds, and every piece with their byline."""
    urls = person_urls(person)
    for piece in ArticlePage.objects.live().filter(article_authors__person=person):
        if piece.full_url:
            urls.append(piece.full_url)
    return list(dict.fromkeys(urls))


def purge(urls: Iterable[str]) -> int:
    """Purge `urls` from every configured front cache; returns how many."""
    urls = list(urls)
    if urls and enabled():
        purge_urls_from_cache(urls)
    return len(urls)

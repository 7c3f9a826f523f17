"""Which URLs a mirror holds, and which of them a change touches.

A full plan lists every public page of every edition with its pagination,
plus feeds. An incremental plan starts from Wagtail's page log since the
last export: an edited article brings its own page, its translations, its
edition's home page, the listing pages and related-article lists that show
it and the feeds that carry it; a new, moved or removed article brings every
page of those listings, since positions shift."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry

from samizdat.articles import queries as articles
from samizdat.articles.models import (
    PAGE_SIZE,
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    AuthorIndexPage,
    SectionPage,
    Tag,
    TagIndexPage,
)
from samizdat.editions.conf import all_editions
from samizdat.people.models import Person
from samizdat.quotes import queries as quotes
from samizdat.quotes import views as quote_views
from samizdat.related.models import RelatedArticle

from .rewrite import file_for

SEARCH_INDEX = "search-index.js"
CHANGE_ACTIONS = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete")
STRUCTURE_ACTIONS = {"wagtail.move", "wagtail.reorder"}


@dataclass
class Plan:
    """URLs to render (with the page each shows), and what else to do."""

    urls: dict[str, int | None] = field(default_factory=dict)
    search_editions: set[str] = field(default_factory=set)
    remove_pages: set[int] = field(default_factory=set)
    full: bool = False

    def add(self, url: str, page_id: int | None = None) -> None:
        if url and url not in self.urls:
            self.urls[url] = page_id


def locales() -> list[Locale]:
    codes = [e.code for e in all_editions()]
    return list(Locale.objects.filter(language_code__in=codes))


def pages_for(count: int) -> int:
    return max(1, math.ceil(count / PAGE_SIZE))


def feed_url(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def edition_feeds(plan: Plan, language: str) -> None:
    for name in ("feeds_edition_rss", "feeds_edition_atom", "feeds_edition_json"):
        plan.add(feed_url(language, name))


def scoped_feeds(plan: Plan, language: str, kind: str, slug: str) -> None:
    for name in ("feeds_rss", "feeds_atom"):
        plan.add(feed_url(language, name, kind=kind, slug=slug))


def full_plan() -> Plan:
    """Every page of every edition, with pagination, and every feed."""
    plan = Plan(full=True)
    for locale in locales():
        add_edition(plan, locale)
    return plan


def add_edition(plan: Plan, locale: Locale) -> None:
    language = locale.language_code
    plan.search_editions.add(language)
    pieces = articles.published(locale)
    home = Page.objects.live().filter(locale=locale, depth=2).first()
    if home is not None:
        plan.add(home.get_url(), home.pk)
    edition_feeds(plan, language)
    counts = dict(pieces.values_list("section_id").annotate(n=Count("id")).order_by())
    for section in SectionPage.objects.live().filter(locale=locale):
        add_section(plan, section, counts.get(section.pk, 0))
    for piece in pieces.select_related("locale").only(
        "id", "path", "depth", "url_path", "locale"
    ):
        plan.add(piece.get_url(), piece.pk)
    add_people(plan, locale, Person.objects.filter(locale=locale))
    add_tags(plan, locale, articles.tags_in(locale))
    add_speakers(plan, quotes.public_figures(locale.pk))


def add_speakers(plan: Plan, people) -> None:
    """The records of public figures ("What X said"), every page and feed."""
    for person in people:
        if person.public_figure:
            for url in quote_views.record_urls(person):
                plan.add(url)


def add_section(
    plan: Plan, section: SectionPage, count: int, only_page: int | None = None
) -> None:
    numbers = [only_page] if only_page else range(1, pages_for(count) + 1)
    for number in numbers:
        plan.add(section.section_url(None, number), section.pk if number == 1 else None)
    scoped_feeds(plan, section.locale.language_code, "section", section.slug)


def add_people(plan: Plan, locale: Locale, people, only_piece=None) -> None:
    index = AuthorIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return
    people = list(people)
    counts = dict(
        ArticleAuthor.objects.filter(
            person__in=people, article__in=articles.published(locale)
        )
        .values_list("person_id")
        .annotate(n=Count("article_id", distinct=True))
        .order_by()
    )
    add_listings(
        plan,
        locale,
        index,
        people,
        counts,
        only_piece,
        kind="author",
        listing=articles.by_person,
        url=index.author_url,
    )


def add_tags(plan: Plan, locale: Locale, tags, only_piece=None) -> None:
    index = TagIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return
    tags = list(tags)
    counts = dict(
        ArticlePageTag.objects.filter(
            tag__in=tags, content_object__in=articles.published(locale)
        )
        .values_list("tag_id")
        .annotate(n=Count("content_object_id", distinct=True))
        .order_by()
    )
    add_listings(
        plan,
        locale,
        index,
        tags,
        counts,
        only_piece,
        kind="tag",
        listing=lambda tag: articles.with_tag(locale, tag),
        url=index.tag_url,
    )


def add_listings(
    plan: Plan, locale: Locale, index, items, counts, only_piece, *, kind, listing, url
) -> None:
    """An index page and, per person or tag, its listing pages and feeds: every
    page, or only the one that shows `only_piece`."""
    plan.add(index.get_url(), index.pk)
    for item in items:
        if only_piece is not None:
            numbers: Sequence[int] = [position(listing(item), only_piece)]
        else:
            numbers = range(1, pages_for(counts.get(item.pk, 0)) + 1)
        for number in numbers:
            plan.add(url(None, item.slug, number))
        scoped_feeds(plan, locale.language_code, kind, item.slug)


def position(listing, piece: ArticlePage) -> int:
    """The page number of a listing (newest first) that shows this piece."""
    newer = listing.filter(
        Q(first_published_at__gt=piece.first_published_at)
        | Q(first_published_at=piece.first_published_at, pk__gt=piece.pk)
    ).count()
    return newer // PAGE_SIZE + 1


def changes_since(since: dt.datetime, known_pages: dict[int, list[str]]) -> Plan:
    """What to render again after the page changes logged since `since`.

    `known_pages` maps the pages of the last export to their files: a piece
    whose address changed (a new slug) loses its old file and counts as new."""
    plan = Plan()
    entries = PageLogEntry.objects.filter(timestamp__gt=since).values_list(
        "page_id", "action"
    )
    changed: dict[int, set[str]] = {}
    for page_id, action in entries:
        changed.setdefault(page_id, set()).add(action)
    if not add_edited_people(plan, since):
        return full_plan()
    if not changed:
        return plan
    live = {
        p.pk: p
        for p in Page.objects.filter(pk__in=changed).select_related("locale").specific()
    }
    whole_editions: set[int] = set()
    for page_id, actions in changed.items():
        page = live.get(page_id)
        if page is None:
            return full_plan()
        if not page.live:
            plan.remove_pages.add(page_id)
            whole_editions.add(page.locale_id)
            continue
        if not isinstance(page, ArticlePage) or actions & STRUCTURE_ACTIONS:
            whole_editions.add(page.locale_id)
            continue
        files = known_pages.get(page.pk)
        moved = files is not None and file_for(page.get_url()) not in files
        if moved:
            plan.remove_pages.add(page.pk)
        add_piece(plan, page, is_new=files is None or moved)
    for locale in Locale.objects.filter(pk__in=whole_editions):
        add_edition(plan, locale)
    return plan


def add_edited_people(plan: Plan, since: dt.datetime) -> bool:
    """People edited since the last export (their snippet log): their author
    pages and every piece they sign. False when one of them is gone."""
    edited = {
        int(object_id)
        for object_id in ModelLogEntry.objects.filter(
            timestamp__gt=since,
            content_type=ContentType.objects.get_for_model(Person),
        ).values_list("object_id", flat=True)
    }
    people = list(Person.objects.filter(pk__in=edited).select_related("locale"))
    if len(people) != len(edited):
        return False
    for person in people:
        add_people(plan, person.locale, [person])
        add_speakers(plan, [person])
        for piece in (
            ArticlePage.objects.live()
            .filter(article_authors__person=person)
            .select_related("locale")
            .distinct()
        ):
            plan.add(piece.get_url(), piece.pk)
    return True


def add_piece(plan: Plan, piece: ArticlePage, is_new: bool) -> None:
    """A piece, its translations, and the lists and feeds that show it."""
    locale = piece.locale
    language = locale.language_code
    plan.search_editions.add(language)
    plan.add(piece.get_url(), piece.pk)
    for other in (
        Page.objects.live()
        .filter(translation_key=piece.translation_key)
        .exclude(pk=piece.pk)
        .select_related("locale")
    ):
        plan.add(other.get_url(), other.pk)
    # Pieces whose "You May Also Like" shows this one show its headline.
    for shown_on in (
        ArticlePage.objects.live()
        .filter(
            pk__in=RelatedArticle.objects.filter(related_id=piece.pk).values(
                "article_id"
            )
        )
        .select_related("locale")
    ):
        plan.add(shown_on.get_url(), shown_on.pk)
    home = Page.objects.live().filter(locale=locale, depth=2).first()
    if home is not None:
        plan.add(home.get_url(), home.pk)
    edition_feeds(plan, language)
    section = SectionPage.objects.filter(pk=piece.section_id).first()
    only = None if is_new else piece
    if section is not None:
        if is_new:
            count = articles.published(locale).filter(section=section).count()
            add_section(plan, section, count)
        else:
            add_section(plan, section, 0, position(articles.in_section(section), piece))
    people = Person.objects.filter(bylines__article=piece).distinct()
    add_people(plan, locale, people, only_piece=only)
    tags = Tag.objects.filter(tagged_articles__content_object=piece).distinct()
    add_tags(plan, locale, tags, only_piece=only)
    add_speakers(plan, Person.objects.filter(quotations__page=piece).distinct())

"""Reads for reader pages. Each function fetches all a template shows in a
fixed number of queries, whatever the number of authors, tags or blocks."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from wagtail.models import Locale

from samizdat.people.models import Person

from .models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    CaricaturePage,
    HomePage,
    SectionPage,
    Tag,
    TagIndexPage,
)

LATEST_PER_SECTION = 4


def published(locale: Locale | int) -> QuerySet[ArticlePage]:
    """Every piece a reader of this edition may see, newest first."""
    locale_id = locale if isinstance(locale, int) else locale.pk
    return (
        ArticlePage.objects.live()
        .filter(locale_id=locale_id)
        .order_by("-first_published_at", "-pk")
    )


def as_cards(queryset: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """What a list item shows: headline, standfirst, section, byline, date."""
    return queryset.select_related(
        "locale", "section", "section__locale", "lead_image"
    ).prefetch_related(
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related("person").order_by(
                "sort_order"
            ),
        )
    )


def sections(locale: Locale | int, menu_only: bool = True) -> list[SectionPage]:
    """The edition's sections in menu order, for the navigation bar."""
    locale_id = locale if isinstance(locale, int) else locale.pk
    queryset = SectionPage.objects.live().filter(locale_id=locale_id)
    if menu_only:
        queryset = queryset.in_menu()
    return list(queryset.select_related("locale").order_by("path"))


def home(page: HomePage) -> dict:
    """Lead story, the latest pieces of every section, the latest caricature."""
    pieces = published(page.locale_id)
    lead = None
    if page.lead_story_id:
        lead = as_cards(pieces.filter(pk=page.lead_story_id)).first()
    if lead is None:
        lead = as_cards(pieces.exclude(content_type__model="caricaturepage")).first()
    ranked = as_cards(
        pieces.exclude(pk=lead.pk if lead else None).annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            )
        )
    ).filter(rank__lte=LATEST_PER_SECTION)
    by_section: dict[int, list[ArticlePage]] = {}
    for piece in ranked:
        by_section.setdefault(piece.section_id, []).append(piece)
    section_list = [
        {"section": section, "articles": by_section.get(section.pk, [])}
        for section in sections(page.locale_id)
        if by_section.get(section.pk)
    ]
    caricature = (
        CaricaturePage.objects.live()
        .filter(locale_id=page.locale_id)
        .select_related("cartoon", "locale")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("person"),
            )
        )
        .order_by("-first_published_at", "-pk")
        .first()
    )
    return {"lead": lead, "section_list": section_list, "caricature": caricature}


def in_section(section: SectionPage) -> QuerySet[ArticlePage]:
    return as_cards(published(section.locale_id).filter(section=section))


def article_detail(page: ArticlePage) -> dict:
    """Everything the article template shows beyond the page's own fields
    (its section comes from the cached navigation: navigation.section_of)."""
    return {
        "authors": [a.person for a in page.article_authors.select_related("person")],
        "tags": list(page.tags.all()),
        "corrections": list(page.corrections.order_by("date", "pk")),
    }


def people(index: AuthorIndexPage) -> QuerySet[Person]:
    return Person.objects.filter(locale_id=index.locale_id).order_by("name")


def person_by_slug(index: AuthorIndexPage, slug: str) -> Person:
    person = Person.objects.filter(locale_id=index.locale_id, slug=slug).first()
    if person is None:
        raise Http404
    return person


def by_person(person: Person) -> QuerySet[ArticlePage]:
    return as_cards(
        published(person.locale_id).filter(article_authors__person=person).distinct()
    )


def tags_in(locale: Locale) -> QuerySet[Tag]:
    return (
        Tag.objects.filter(
            tagged_articles__content_object__locale=locale,
            tagged_articles__content_object__live=True,
        )
        .distinct()
        .order_by("name")
    )


def tag_by_slug(slug: str) -> Tag:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404
    return tag


def with_tag(locale: Locale, tag: Tag) -> QuerySet[ArticlePage]:
    return as_cards(published(locale).filter(tagged_items__tag=tag).distinct())


def index_pages(locale_id: int) -> dict:
    """The author and tag index pages of an edition, for byline and tag links."""
    found = {"authors": None, "tags": None}
    for page in (
        AuthorIndexPage.objects.live()
        .filter(locale_id=locale_id)
        .select_related("locale")[:1]
    ):
        found["authors"] = page
    for page in (
        TagIndexPage.objects.live()
        .filter(locale_id=locale_id)
        .select_related("locale")[:1]
    ):
        found["tags"] = page
    return found

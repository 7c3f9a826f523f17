"""Reads for reader pages. Each function fetches all a template shows in a
fixed number of queries, whatever the number of authors, tags or blocks.

They read pieces (`samizdat.articles.pieces`); the listing pages that call
them (`samizdat.articles.models`) sit above, and pass what they are."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from wagtail.models import Locale, Page

from samizdat.people.models import Person

from .pieces import ArticleAuthor, ArticlePage, CaricaturePage, Tag

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


def home(locale_id: int, lead_story_id: int | None, sections: Sequence[Page]) -> dict:
    """Lead story (the editor's choice, else the latest article), the latest
    pieces of each of `sections` (in the menu, in order), the latest
    caricature of an edition."""
    pieces = published(locale_id)
    lead = None
    if lead_story_id:
        lead = as_cards(pieces.filter(pk=lead_story_id)).first()
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
        for section in sections
        if by_section.get(section.pk)
    ]
    caricature = (
        CaricaturePage.objects.live()
        .filter(locale_id=locale_id)
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


def in_section(section: Page) -> QuerySet[ArticlePage]:
    return as_cards(published(section.locale_id).filter(section=section))


def people(index: Page) -> QuerySet[Person]:
    return Person.objects.filter(locale_id=index.locale_id).order_by("name")


def person_by_slug(index: Page, slug: str) -> Person:
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

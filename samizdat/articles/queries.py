"""Reads for reader pages. Each function fetches all a template shows in a
fixed number of queries, whatever the number of authors, tags or blocks.

They read pieces (`samizdat.articles.pieces`); the listing pages that call
them (`samizdat.articles.models`) sit above, and pass what they are."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import F, Prefetch, QuerySet, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import Http404
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from samizdat.people.models import Person

from .pieces import ArticleAuthor, ArticlePage, CaricaturePage, Kind, Tag

LATEST_PER_SECTION = 4
SECONDARY = 3
OPINION_COLUMN = 4
# Front-page candidates per section: its rows plus every piece that the lead,
# secondary stories and opinion column might take from it.
CANDIDATES = LATEST_PER_SECTION + 1 + SECONDARY + OPINION_COLUMN


def with_renditions() -> QuerySet:
    """Images with all their renditions, for a Prefetch: a picture tag then
    needs no query of its own."""
    return get_image_model().objects.prefetch_renditions()


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
        "locale", "section", "section__locale"
    ).prefetch_related(
        # Each card's picture: the images and every rendition of them in two
        # queries, however many cards (the picture tag then reads no more).
        Prefetch("lead_image", queryset=with_renditions()),
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related(
                "person", "person__photo"
            ).order_by("sort_order"),
        ),
    )


def home(locale_id: int, lead_story_id: int | None, sections: Sequence[Page]) -> dict:
    """The front page: the lead story (the editor's choice, else the latest
    article), three secondary stories, an opinion column, the latest pieces
    of each of `sections` (in the menu, in order) and the latest caricature.

    One query picks them from each section's newest `CANDIDATES` pieces and
    one more (with its prefetches) fetches them as cards, so the page costs
    the same however many pieces and pictures it shows."""
    ranked = list(
        published(locale_id)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=CANDIDATES)
        .values_list("pk", "section_id", "kind", "content_type_id", "rank")
    )
    # The queryset is newest first, which the window's filter keeps.
    cartoon = CaricaturePage.content_type_id_cached()
    writing = [row for row in ranked if row[3] != cartoon]
    lead_id = lead_story_id or (writing[0][0] if writing else None)
    secondary_ids = [row[0] for row in writing if row[0] != lead_id][:SECONDARY]
    shown = {lead_id, *secondary_ids}
    opinion_ids = [
        row[0] for row in writing if row[2] == Kind.OPINION and row[0] not in shown
    ][:OPINION_COLUMN]
    shown.update(opinion_ids)
    caricature_id = next((row[0] for row in ranked if row[3] == cartoon), None)
    by_section: dict[int, list[int]] = {}
    for pk, section_id, _kind, _type, _rank in ranked:
        if pk not in shown and len(by_section.get(section_id, [])) < LATEST_PER_SECTION:
            by_section.setdefault(section_id, []).append(pk)
    wanted = {*shown, caricature_id, *(pk for ids in by_section.values() for pk in ids)}
    cards = {
        piece.pk: piece
        for piece in as_cards(published(locale_id).filter(pk__in=wanted - {None}))
    }
    lead = cards.get(lead_id) if lead_id else None
    secondary = [cards[pk] for pk in secondary_ids if pk in cards]
    if lead is None and secondary:
        # The editor's choice is no longer published: the latest article leads.
        lead, secondary = secondary[0], secondary[1:]
    photos = [
        byline.person.photo
        for pk in opinion_ids
        if pk in cards
        for byline in cards[pk].article_authors.all()
        if byline.person.photo is not None
    ]
    prefetch_related_objects(photos, "renditions")
    section_list = [
        {
            "section": section,
            "articles": [cards[pk] for pk in by_section[section.pk] if pk in cards],
        }
        for section in sections
        if by_section.get(section.pk)
    ]
    return {
        "lead": lead,
        "secondary": secondary,
        "section_list": section_list,
        "caricature": cards.get(caricature_id) if caricature_id else None,
        "opinion": [cards[pk] for pk in opinion_ids if pk in cards],
    }


def latest_caricature(locale_id: int) -> ArticlePage | None:
    """The edition's newest caricature, as a card (its picture's renditions
    prefetched), for the box beside articles."""
    cartoons = published(locale_id).filter(
        content_type_id=CaricaturePage.content_type_id_cached()
    )
    return as_cards(cartoons).first()


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

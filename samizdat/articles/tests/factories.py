"""Build pages the way editors do: in the tree, published through revisions."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone
from wagtail.models import Locale

from samizdat.articles.models import (
    ArticleAuthor,
    ArticlePage,
    CaricaturePage,
    Correction,
    HomePage,
    SectionPage,
)
from samizdat.people.models import Person

_counter = itertools.count(1)


def locale(code: str = "en") -> Locale:
    return Locale.objects.get(language_code=code)


def home(code: str = "en") -> HomePage:
    return HomePage.objects.get(locale__language_code=code)


def person(name: str | None = None, code: str = "en", **fields) -> Person:
    name = name or f"Writer {next(_counter)}"
    return Person.objects.create(name=name, locale=locale(code), **fields)


def section(
    title: str = "News", code: str = "en", slug: str | None = None
) -> SectionPage:
    parent = home(code)
    page = parent.add_child(
        instance=SectionPage(
            title=title,
            slug=slug or title.lower(),
            show_in_menus=True,
            locale=parent.locale,
        )
    )
    page.save_revision().publish()
    return page


def body(blocks: int = 3) -> list:
    """A body of `blocks` blocks: subheadings, paragraphs and quotations."""
    shapes = [
        lambda i: ("subheading", f"Subheading {i}"),
        lambda i: ("paragraph", f"<p>Paragraph {i} of the report, with facts.</p>"),
        lambda i: (
            "quotation",
            {
                "text": f"Quoted words {i}.",
                "speaker": f"Speaker {i}",
                "speaker_role": "witness",
            },
        ),
    ]
    return [shapes[i % 3](i) for i in range(blocks)]


def article(
    parent: SectionPage,
    title: str | None = None,
    *,
    authors: list[Person] | None = None,
    tags: list[str] = (),
    blocks: int = 3,
    publish: bool = True,
    published_at: dt.datetime | None = None,
    page_class=ArticlePage,
    **fields,
) -> ArticlePage:
    n = next(_counter)
    title = title or f"Article {n}"
    fields.setdefault("slug", f"article-{n}")
    if page_class is ArticlePage:
        fields.setdefault("body", body(blocks))
    page = page_class(title=title, standfirst=f"Standfirst of {title}.", **fields)
    page.article_authors = [
        ArticleAuthor(person=p, sort_order=i)
        for i, p in enumerate(authors or [person(code=parent.locale.language_code)])
    ]
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
        if published_at is not None:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            page.refresh_from_db()
    return page


def correction(page: ArticlePage, text: str, date: dt.date | None = None) -> Correction:
    page = page.get_latest_revision_as_object()
    page.corrections.add(Correction(date=date or timezone.localdate(), text=text))
    page.save_revision().publish()
    return page.corrections.first()


__all__ = [
    "CaricaturePage",
    "article",
    "body",
    "correction",
    "home",
    "person",
    "section",
]

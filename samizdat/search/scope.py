"""Which pieces a search may return: one edition's live pieces, narrowed by
the reader's filters, said the ways the engines need: a queryset (any other
Wagtail backend), the facet words stored in the index and plain SQL
conditions on the page row (SQLite), and the same conditions on PostgreSQL's
search table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connections
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from samizdat.articles.index import facet
from samizdat.articles.models import ArticleAuthor, ArticlePage

PAGES = "wagtailcore_page"


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass(frozen=True)
class Scope:
    locale_id: int
    section_id: int | None = None
    author_id: int | None = None
    kind: str = ""
    after: dt.date | None = None
    before: dt.date | None = None

    @property
    def since(self) -> dt.datetime | None:
        return _start_of(self.after) if self.after else None

    @property
    def until(self) -> dt.datetime | None:
        """The first moment past the last day asked for."""
        return _start_of(self.before + dt.timedelta(days=1)) if self.before else None

    def pieces(self) -> QuerySet[ArticlePage]:
        """The pieces in scope, as a queryset."""
        pieces = ArticlePage.objects.live().filter(locale_id=self.locale_id)
        if self.section_id:
            pieces = pieces.filter(section_id=self.section_id)
        if self.kind:
            pieces = pieces.filter(kind=self.kind)
        if self.since:
            pieces = pieces.filter(first_published_at__gte=self.since)
        if self.until:
            pieces = pieces.filter(first_published_at__lt=self.until)
        if self.author_id:
            bylines = ArticleAuthor.objects.filter(
                article_id=OuterRef("pk"), person_id=self.author_id
            )
            pieces = pieces.filter(pk__in=pieces.filter(Exists(bylines)).values("pk"))
        return pieces

    def facets(self) -> list[str]:
        """Index words every piece in scope carries (see
        `samizdat.articles.index.facet_words`)."""
        words = [facet("l", self.locale_id)]
        if self.section_id:
            words.append(facet("s", self.section_id))
        if self.kind:
            words.append(facet("k", self.kind))
        if self.author_id:
            words.append(facet("a", self.author_id))
        return words

    def conditions(self, page: str, using: str) -> tuple[str, str, list]:
        """(joins, conditions, params) in SQL on the page row aliased `page`:
        exactly `pieces()`, cheap to test row by row."""
        joins = ""
        if self.section_id or self.kind:
            article = ArticlePage._meta.db_table
            joins = f" JOIN {article} a ON a.page_ptr_id = {page}.id"
        columns = {
            "id": f"{page}.id",
            "live": f"{page}.live",
            "locale": f"{page}.locale_id",
            "section": "a.section_id",
            "kind": "a.kind",
            "published": f"{page}.first_published_at",
        }
        return (joins, *self._where(columns, using))

    def piece_conditions(self, piece: str, using: str) -> tuple[str, list]:
        """(conditions, params) on a row of the PostgreSQL search table
        (`samizdat.search.models.SearchPiece`) aliased `piece`."""
        columns = {
            "id": f"{piece}.page_id",
            "live": f"{piece}.live",
            "locale": f"{piece}.locale_id",
            "section": f"{piece}.section_id",
            "kind": f"{piece}.kind",
            "published": f"{piece}.published",
        }
        return self._where(columns, using)

    def _where(self, column: dict[str, str], using: str) -> tuple[str, list]:
        ops = connections[using].ops
        where = [column["live"], f"{column['locale']} = %s"]
        params: list = [self.locale_id]
        if self.section_id:
            where.append(f"{column['section']} = %s")
            params.append(self.section_id)
        if self.kind:
            where.append(f"{column['kind']} = %s")
            params.append(self.kind)
        if self.since:
            where.append(f"{column['published']} >= %s")
            params.append(ops.adapt_datetimefield_value(self.since))
        if self.until:
            where.append(f"{column['published']} < %s")
            params.append(ops.adapt_datetimefield_value(self.until))
        if self.author_id:
            bylines = ArticleAuthor._meta.db_table
            # A set the planner can size and start from (an author has few
            # pieces), rather than a test repeated on every row.
            where.append(
                f"{column['id']} IN (SELECT b.article_id FROM {bylines} b "  # noqa: S608
                "WHERE b.person_id = %s)"
            )
            params.append(self.author_id)
        return " AND ".join(where), params

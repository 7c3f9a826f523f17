"""The PostgreSQL search table: one row per piece, filled from Wagtail's index.

Wagtail's `IndexEntry` keeps a piece's words in two vectors beside its text,
with nothing that says which edition the piece belongs to or when it
appeared. To find the newest matches of a word in one edition, PostgreSQL had
to read entries newest-first across every edition and unpack each body
vector. `SearchPiece` is the same words in one vector (headline weighted
'A', the rest 'D'), next to the edition, publication time and filters, with
B-trees on (edition[, section or kind], newest first) and a GIN index on the
vector: the planner walks one edition's pieces newest-first when a word is
everywhere, and reads the GIN index when it is rare.

Only triggers write it (see migration 0001): one on Wagtail's table, so every
path that indexes a piece (publishing, `update_index`, bulk loads) keeps its
words current, and two on the page and article tables, so its filters change
in the same transaction as the page. On SQLite the table exists and stays
empty: FTS5 reads facet words instead (see `samizdat.search.engine`)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchPiece(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The Wagtail IndexEntry this row is made from.
    entry_id = models.IntegerField(unique=True)
    locale_id = models.IntegerField()
    live = models.BooleanField()
    published = models.DateTimeField(null=True)
    section_id = models.IntegerField(null=True)
    kind = models.CharField(max_length=20)
    vector = SearchVectorField()

    class Meta:
        db_table = "samizdat_search_piece"
        # An edition's pieces newest first, whole or by section or kind: a
        # filtered search walks only the pieces it may return.
        indexes = [
            models.Index(
                fields=["locale_id", "-published"], name="search_piece_newest"
            ),
            models.Index(
                fields=["locale_id", "section_id", "-published"],
                name="search_piece_section",
            ),
            models.Index(
                fields=["locale_id", "kind", "-published"], name="search_piece_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"search piece {self.page_id}"

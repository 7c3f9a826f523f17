"""What goes into the search index for a piece: normalised words.

The fields are the page model's own declaration (its `search_fields`), so
they live beside the model; `samizdat.search` reads the index they fill.

Wagtail indexes `search_fields`; these fields hand it the words of
`samizdat.editions.text` instead of the stored text, so the index holds
folded Persian while the page keeps its own spelling."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from wagtail.search import index

from samizdat.editions.text import normalise

from .body import SEARCH, body_text


class NormalisedSearchField(index.SearchField):
    """A SearchField whose indexed value is the normalised words of `source`."""

    def __init__(self, field_name: str, source: Callable | None = None, **kwargs):
        super().__init__(field_name, **kwargs)
        self.source = source

    def get_value(self, obj: Any) -> str:
        value = self.source(obj) if self.source else super().get_value(obj)
        return normalise(value if isinstance(value, str) else str(value or ""))


def indexed_body(page: Any) -> str:
    """The words of a piece's body that the search index holds."""
    return body_text(page.body, SEARCH)


def people_text(page: Any) -> str:
    """Names and pen names of everyone in the byline."""
    names: list[str] = []
    for byline in page.article_authors.all():
        names.extend([byline.person.name, byline.person.pen_name])
    return " ".join(n for n in names if n)


def tags_text(page: Any) -> str:
    return " ".join(tag.name for tag in page.tags.all())


FACET = "zzf"


def facet(kind: str, value: object) -> str:
    """One facet word: letters and digits only, so every engine's tokenizer
    keeps it whole, and a prefix no reader types."""
    return f"{FACET}{kind}{value}"


def facet_words(page: Any) -> str:
    """The piece's edition, section, kind and authors as index words, so the
    engine narrows a search inside the index instead of row by row (see
    `samizdat.search.scope`). They go into the autocomplete column, which
    the reader's words never match and which has no weight in ranking."""
    words = [facet("l", page.locale_id), facet("k", page.kind)]
    if page.section_id:
        words.append(facet("s", page.section_id))
    words.extend(facet("a", byline.person_id) for byline in page.article_authors.all())
    return " ".join(words)


def article_search_fields(base: Iterable[index.BaseField]) -> list[index.BaseField]:
    """`base` plus the piece's normalised words: headline (boosted like a
    title), standfirst, body, bylines and tags.

    Page's own title field stays, so the admin's search keeps working and
    Wagtail's checks pass; a query normalised by `samizdat.search.queries`
    matches the normalised copy. The model defines `search_facets` as
    `facet_words(self)`."""
    return list(base) + [
        NormalisedSearchField("title", boost=2),
        NormalisedSearchField("standfirst"),
        NormalisedSearchField("body", source=indexed_body),
        NormalisedSearchField("article_authors", source=people_text),
        NormalisedSearchField("tags", source=tags_text),
        index.AutocompleteField("search_facets"),
    ]

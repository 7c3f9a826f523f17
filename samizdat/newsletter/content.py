"""What a mailing says: its articles, rendered once per distinct content."""

from __future__ import annotations

from collections.abc import Callable

from samizdat.articles.models import ArticlePage

from . import mail
from .models import Mailing, Subscriber


def renderer_for(mailing: Mailing) -> Callable[[Subscriber], mail.Rendered | None]:
    """A function giving each subscriber's mail, rendering each variant once;
    None when a digest has nothing in the sections the reader chose."""
    language = mailing.language
    if mailing.kind == Mailing.Kind.ARTICLE:
        rendered = mail.render(
            "newsletter-article",
            {"article": mail.article_item(mailing.article, language)},
            language,
        )
        return lambda subscriber: rendered

    pages = list(
        ArticlePage.objects.live()
        .filter(pk__in=mailing.article_ids)
        .select_related("section")
        .order_by("-first_published_at")
    )
    chosen = _sections_of(mailing)
    variants: dict[frozenset, mail.Rendered | None] = {}

    def render(subscriber: Subscriber) -> mail.Rendered | None:
        keys = chosen.get(subscriber.pk, frozenset())
        if keys not in variants:
            items = [
                mail.article_item(page, language)
                for page in pages
                if not keys or (page.section and page.section.translation_key in keys)
            ]
            variants[keys] = (
                mail.render(
                    "newsletter-digest",
                    {"articles": items, "frequency": mailing.frequency},
                    language,
                )
                if items
                else None
            )
        return variants[keys]

    return render


def _sections_of(mailing: Mailing) -> dict[int, frozenset]:
    """Each digest reader's chosen sections, as translation keys, in one query."""
    through = Subscriber.sections.through
    rows = through.objects.filter(
        subscriber__language=mailing.language,
        subscriber__frequency=mailing.frequency,
    ).values_list("subscriber_id", "sectionpage__translation_key")
    result: dict[int, set] = {}
    for subscriber_id, key in rows:
        result.setdefault(subscriber_id, set()).add(key)
    return {pk: frozenset(keys) for pk, keys in result.items()}

"""What a translation carries over from its source piece.

Wagtail's "Translate" copies a piece field for field: the byline still names
the source edition's people and the tags stay in the source language. Here
each author is replaced by the same person in the target edition (copied
there first when the edition has no one for them yet, so the byline links to
an author page of the target edition), and each tag by the name editors gave
it in the target edition (`TagTranslation`); a tag without one stays as it
is. The section is the target edition's counterpart already: Wagtail files
the copy under the translated parent. Runs once, when the copy is made."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale

from samizdat.people.models import Person

from .pieces import ArticlePage, TagTranslation


@dataclass(frozen=True)
class Carried:
    """What the translator still has to do, for the message after copying."""

    people_added: list[str]
    tags_untranslated: list[str]


def person_in(person: Person, locale_id: int) -> tuple[Person, bool]:
    """The same person in another edition, and whether they were added now."""
    found = Person.objects.filter(
        translation_key=person.translation_key, locale_id=locale_id
    ).first()
    if found is not None:
        return found, False
    copy = person.copy_for_translation(Locale.objects.get(pk=locale_id))
    copy.slug = copy.free_slug(person.slug)
    copy.save()
    return copy, True


@transaction.atomic
def carry_over(target: ArticlePage) -> Carried:
    """Sign the translated draft `target` with the target edition's people
    and tag it with the target edition's tags."""
    draft = target.get_latest_revision_as_object()
    people_added: list[str] = []
    for byline in draft.article_authors.all():
        person, added = person_in(byline.person, target.locale_id)
        if added:
            people_added.append(person.name)
        byline.person = person
    names = [tag.name for tag in draft.tags.all()]
    known = {
        t.tag.name: t.name
        for t in TagTranslation.objects.filter(
            tag__name__in=names, locale_id=target.locale_id
        ).select_related("tag")
    }
    untranslated = [n for n in names if n not in known and not is_named_in(n, target)]
    draft.tags.set([known.get(n, n) for n in names])
    # Only the two relations are written: saving the whole page from the
    # draft would put the draft's stale revision fields back on the row.
    draft.article_authors.commit()
    draft.tagged_items.commit()
    revision = draft.latest_revision
    if revision is not None:
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])
    return Carried(people_added, untranslated)


def is_named_in(name: str, target: ArticlePage) -> bool:
    """Whether `name` is itself a tag name of the target edition (it came
    from a translation), so it needs no translation."""
    return TagTranslation.objects.filter(name=name, locale_id=target.locale_id).exists()

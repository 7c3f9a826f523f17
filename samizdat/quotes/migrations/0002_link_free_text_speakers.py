"""Quotation blocks typed with a free-text speaker are linked to the Person
of that exact name in the piece's edition (in the page and its latest
revision, so the editor sees the link); the speakers no one matches are
printed here and stay listed under Reports → Unlinked speakers once
`manage.py rebuild_quotations` has filled the record."""

import json

from django.db import migrations


def _link(blocks, people):
    """Link the quotation blocks of a raw body; (changed, unmatched names)."""
    changed, unmatched = False, []
    for block in blocks if isinstance(blocks, list) else ():
        if not isinstance(block, dict) or block.get("type") != "quotation":
            continue
        value = block.get("value")
        if not isinstance(value, dict) or value.get("person"):
            continue
        name = (value.get("speaker") or "").strip()
        if not name:
            continue
        if name in people:
            value["person"] = people[name]
            changed = True
        else:
            unmatched.append(name)
    return changed, unmatched


def link_speakers(apps, schema_editor):
    ArticlePage = apps.get_model("articles", "ArticlePage")
    Person = apps.get_model("people", "Person")
    Revision = apps.get_model("wagtailcore", "Revision")
    names = {}
    for pk, locale_id, name in Person.objects.values_list("pk", "locale_id", "name"):
        # A name two people share in one edition is left for the editor.
        key = (locale_id, name.strip())
        names[key] = None if key in names else pk
    by_locale = {}
    for (locale_id, name), pk in names.items():
        if pk is not None:
            by_locale.setdefault(locale_id, {})[name] = pk
    unmatched = set()
    for page in ArticlePage.objects.all().iterator():
        people = by_locale.get(page.locale_id, {})
        raw = list(page.body.raw_data) if page.body else []
        changed, missing = _link(raw, people)
        unmatched.update((page.pk, name) for name in missing)
        if changed:
            page.body = raw
            page.save(update_fields=["body"])
        if page.latest_revision_id:
            revision = Revision.objects.filter(pk=page.latest_revision_id).first()
            content = revision.content if revision else None
            stored = content.get("body") if content else None
            try:
                body = json.loads(stored) if isinstance(stored, str) else stored
            except ValueError:
                continue
            changed, _ = _link(body, people)
            if changed:
                content["body"] = json.dumps(body) if isinstance(stored, str) else body
                revision.content = content
                revision.save(update_fields=["content"])
    if unmatched:
        print(f"\n  {len(unmatched)} quotation speakers match no person:")
        for page_id, name in sorted(unmatched)[:50]:
            print(f"    page {page_id}: {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0001_quotation_record"),
        ("articles", "0003_quotation_speaker_person"),
        ("people", "0002_person_public_figure_aliases"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(link_speakers, migrations.RunPython.noop)]

"""schema.org `Quotation` for each quotation block of a piece, for the
piece's JSON-LD: the text, the speaker as a `Person` (with the address of
their record when they are a public figure), the date said, the source, and
`isPartOf` the article. Read from the body the page renders anyway, so it
costs no query of its own."""

from __future__ import annotations

from samizdat.core.queries import absolute_url
from samizdat.people.models import Person

from .views import speaker_url


def quotations(page, url: str) -> list[dict]:
    result = []
    for block in getattr(page, "body", None) or ():
        if block.block_type != "quotation":
            continue
        value = block.value
        text = (value.get("text") or "").strip()
        person = value.get("person")
        name = person.name if isinstance(person, Person) else value.get("speaker")
        if not text or not name:
            continue
        speaker: dict = {"@type": "Person", "name": name}
        if isinstance(person, Person) and person.public_figure:
            speaker["url"] = absolute_url(speaker_url(person))
        if value.get("speaker_role"):
            speaker["jobTitle"] = value["speaker_role"]
        item: dict = {
            "@type": "Quotation",
            "text": text,
            "spokenByCharacter": speaker,
            "isPartOf": {"@id": url},
        }
        if block.id:
            item["url"] = f"{url}#quote-{block.id}"
        if value.get("date_said"):
            item["dateCreated"] = value["date_said"].isoformat()
        if value.get("source_url"):
            item["citation"] = value["source_url"]
        result.append(item)
    return result

from __future__ import annotations

import json
import re

from django.conf import settings


def test_the_article_json_ld_carries_each_quotation(client, record):
    html = client.get(record.first.url).content.decode()
    [script] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    data = json.loads(script)
    url = settings.BASE_URL + record.first.url
    assert data["@id"] == url
    quotes = data["hasPart"]
    assert [q["@type"] for q in quotes] == ["Quotation", "Quotation"]
    first = quotes[0]
    assert first["text"] == "Water is a right."
    assert first["spokenByCharacter"] == {
        "@type": "Person",
        "name": "Ali Khamenei",
        "url": settings.BASE_URL + "/en/said/ali-khamenei/",
        "jobTitle": "Leader",
    }
    assert first["dateCreated"] == "2025-03-08"
    assert first["isPartOf"] == {"@id": url}
    assert first["citation"] == "https://example.org/speech"
    assert "url" not in quotes[1]["spokenByCharacter"]

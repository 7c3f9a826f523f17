from __future__ import annotations

import pytest

from samizdat.articles.tests import factories
from samizdat.mirror.models import MirrorSettings

ONION = "http://samizdatxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop.onion"


@pytest.fixture
def publication(db):
    """Both editions with translations, a caricature, a lead image, a body
    image, enough pieces for two listing pages, and mirror addresses."""
    found = factories.publication()
    found.pictured = factories.article(
        found.news,
        "Pictures of the drought",
        authors=[found.writer],
        tags=["water"],
        lead_image=factories.image("Dry riverbed", (120, 80)),
        lead_image_alt="A cracked riverbed",
    )
    for n in range(21):
        factories.article(found.news, f"Filler {n}", authors=[found.colleague])
    MirrorSettings.objects.create(
        mirrors="https://mirror-one.example.net/\nhttps://mirror-two.example.org/news/",
        onion_address=ONION,
    )
    return found

"""Every mail tells readers where to find the outlet when the site is blocked."""

from __future__ import annotations

from samizdat.mirror import queries as mirror_queries
from samizdat.mirror.models import MirrorSettings
from samizdat.newsletter import mail


def test_it_lists_every_mirror_and_the_onion_address(editions):
    MirrorSettings.objects.create(
        mirrors="https://mirror-one.example.net/\nhttps://mirror-two.example.org/news/",
        onion_address="http://samizdatexample.onion",
    )
    mirror_queries.forget()

    for language in ("en", "fa"):
        rendered = mail.render("newsletter-confirm", {"confirm_url": "x"}, language)
        for part in (rendered.text, rendered.html):
            assert "https://mirror-one.example.net/" in part
            assert "https://mirror-two.example.org/news/" in part
            assert "samizdatexample.onion" in part

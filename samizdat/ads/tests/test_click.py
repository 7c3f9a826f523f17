from __future__ import annotations

from django.core import signing
from django.core.management import call_command

from samizdat.ads.models import CreativeDay
from samizdat.ads.services import CLICK_SALT, click_token

from .conftest import READER, creative, slot


def test_it_counts_a_signed_click_then_redirects(client, db):
    made = creative("Shoes", [slot()])

    response = client.get(f"/ads/click/{click_token(made.pk)}/", **READER)
    client.get(f"/ads/click/{click_token(made.pk)}/", **READER)  # a double click
    call_command("flush_counts", "--no-rank")

    assert response.status_code == 302
    assert response["Location"] == "https://advertiser.example/landing"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert CreativeDay.objects.get(creative=made).clicks == 1


def test_it_refuses_unsigned_and_tampered_links(client, db):
    made = creative("Shoes", [slot()])
    other = creative("Other", [slot("other")])
    token = click_token(made.pk)
    value, signature = token.rsplit(":", 1)
    forged = signing.dumps(other.pk, salt="another purpose")

    for bad in (
        str(made.pk),
        f"{value}:{signature[:-2]}xx",
        f"{click_token(other.pk).rsplit(':', 1)[0]}:{signature}",
        forged,
        signing.dumps("https://evil.example/", salt=CLICK_SALT),
        "evil.example",
    ):
        response = client.get(f"/ads/click/{bad}/", **READER)
        assert response.status_code == 400, bad
        assert not response.has_header("Location")
    call_command("flush_counts", "--no-rank")
    assert not CreativeDay.objects.exists()


def test_it_answers_410_for_a_removed_creative(client, db):
    made = creative("Shoes", [slot()])
    token = click_token(made.pk)
    made.delete()

    assert client.get(f"/ads/click/{token}/", **READER).status_code == 410

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from samizdat.mirror.models import MirrorSettings
from samizdat.mirror.tests.conftest import ONION


def test_it_announces_the_onion_service_on_reader_pages(client, editions):
    MirrorSettings.objects.create(onion_address=ONION)

    response = client.get("/en/?x=1")

    assert response["Onion-Location"] == ONION + "/en/?x=1"
    assert f'<a href="{ONION}/"' in response.content.decode()


def test_it_sends_no_onion_header_without_an_address(client, editions):
    response = client.get("/en/")

    assert not response.has_header("Onion-Location")


def test_it_serves_the_mirror_list_as_json(client, editions):
    MirrorSettings.objects.create(
        mirrors="https://a.example.net/\n\nhttps://b.example.org/x/",
        onion_address=ONION + "/",
    )

    response = client.get("/mirrors.json")

    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "canonical": settings.BASE_URL + "/",
        "mirrors": ["https://a.example.net/", "https://b.example.org/x/"],
        "onion": ONION,
    }


def test_it_shows_a_changed_list_at_once(client, editions):
    row = MirrorSettings.objects.create(mirrors="https://a.example.net/")
    client.get("/mirrors.json")

    row.mirrors = "https://c.example.com/"
    row.save()

    assert json.loads(client.get("/mirrors.json").content)["mirrors"] == [
        "https://c.example.com/"
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mirrors", "https://ok.example.net/\nnot an address"),
        ("onion_address", "https://example.org"),
        ("onion_address", "abc.onion"),
    ],
)
def test_it_refuses_addresses_that_are_not_addresses(db, field, value):
    with pytest.raises(ValidationError) as error:
        MirrorSettings(**{field: value}).full_clean()

    assert field in error.value.message_dict

"""Browsers ask for /favicon.ico and /apple-touch-icon.png whatever a page
says; both lead to files we serve, as do the icons and manifest pages link."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_it_serves_the_icons_and_manifest_every_page_links(client, editions):
    for path, static in (
        ("/favicon.ico", "/static/favicon.ico"),
        ("/apple-touch-icon.png", "/static/icons/apple-touch-icon.png"),
    ):
        response = client.get(path)
        assert response.status_code == 301 and response["Location"] == static
        assert body(client.get(static)).startswith((b"\x00\x00\x01\x00", b"\x89PNG"))
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    links = soup.select(
        "link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]"
    )
    assert len(links) == 4
    for link in links:
        assert client.get(link["href"]).status_code == 200, link["href"]
    manifest = json.loads(
        body(client.get(soup.select_one("link[rel=manifest]")["href"]))
    )
    for icon in manifest["icons"]:
        assert client.get("/static/" + icon["src"]).status_code == 200, icon

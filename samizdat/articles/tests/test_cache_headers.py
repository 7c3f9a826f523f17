"""What a front cache (nginx, a CDN) sees of reader pages."""

from __future__ import annotations

import gzip

from django.contrib.auth import get_user_model

from samizdat.articles.tests import factories


def test_it_lets_front_caches_keep_reader_pages(client, editions):
    news = factories.section("News")
    page = factories.article(news, "Reservoirs fall")

    first = client.get(page.url)

    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    assert "s-maxage=" in first["Cache-Control"]
    assert "cookie" not in first.get("Vary", "").lower()
    assert first.has_header("ETag")
    again = client.get(page.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_it_keeps_editors_pages_out_of_shared_caches(client, editions):
    news = factories.section("News")
    page = factories.article(news, "Reservoirs fall")
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)

    response = client.get(page.url)

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_it_compresses_pages_for_readers_who_accept_it(client, editions):
    news = factories.section("News")
    page = factories.article(news, "Reservoirs fall")
    plain = client.get(page.url)

    packed = client.get(page.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "accept-encoding" in packed["Vary"].lower()
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    again = client.get(
        page.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"]
    )
    assert again.status_code == 304

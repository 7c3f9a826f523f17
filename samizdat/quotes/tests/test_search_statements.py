from __future__ import annotations

import re


def _said(html: str) -> list[str]:
    return re.findall(r"<blockquote[^>]*><p>(.*?)</p></blockquote>", html)


def test_the_statements_filter_returns_quotations_with_speaker_and_date(client, record):
    response = client.get("/en/search/", {"q": "water right", "show": "statements"})
    assert response.status_code == 200
    html = response.content.decode()
    assert _said(html) == ["Water is a right."]
    assert '<a href="/en/said/ali-khamenei/"><bdi>Ali Khamenei</bdi></a>' in html
    assert '<time datetime="2025-03-08">8 March 2025</time>' in html
    assert f'href="{record.first.url}#quote-' in html


def test_it_finds_by_speaker_and_never_lists_unpublished_pieces(client, record):
    html = client.get(
        "/en/search/", {"q": "khamenei", "show": "statements"}
    ).content.decode()
    assert _said(html) == ["Water is a right.", "Patience.", "The courts are fair."]
    html = client.get(
        "/en/search/", {"q": "never shown", "show": "statements"}
    ).content.decode()
    assert _said(html) == [] and "No statement matches" in html


def test_it_matches_persian_words_folded(client, record):
    html = client.get("/fa/search/", {"q": "آب", "show": "statements"}).content.decode()
    assert _said(html) == ["آب حق است."]
    assert "۱۸ اسفند ۱۴۰۳" in html


def test_an_unknown_show_value_is_refused(client, record):
    assert client.get("/en/search/", {"q": "x", "show": "quotes"}).status_code == 400

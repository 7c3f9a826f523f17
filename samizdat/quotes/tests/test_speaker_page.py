from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samizdat.articles.tests import factories
from samizdat.quotes import services

from .conftest import quote


def _said(html: str) -> list[str]:
    return re.findall(r"<blockquote[^>]*><p>(.*?)</p></blockquote>", html)


def test_it_lists_statements_from_several_pieces_newest_said_first(client, record):
    response = client.get("/en/said/ali-khamenei/")
    assert response.status_code == 200
    html = response.content.decode()
    assert _said(html) == ["Water is a right.", "Patience.", "The courts are fair."]
    assert "Never shown." not in html and "Draft words." not in html
    assert "We are thirsty." not in html  # another speaker
    assert 'href="https://example.org/speech"' in html
    assert f'href="{record.first.url}#quote-' in html
    assert '<time datetime="2025-03-08">8 March 2025</time>' in html


def test_it_shows_persian_digits_and_solar_hijri_dates(client, record):
    html = client.get("/fa/said/khamenei/").content.decode()
    assert _said(html) == ["آب حق است."]
    assert "۱۸ اسفند ۱۴۰۳" in html
    assert "اسفند ۱۴۰۳" in html and "/fa/said/khamenei/1403/12/" in html
    assert 'hreflang="en" href="http://' in html


def test_it_pages_at_stable_addresses(client, record):
    pieces = [
        factories.article(
            record.news,
            body=[
                quote(
                    f"Words {i}.",
                    record.leader,
                    when=dt.date(2024, 1, 1) + dt.timedelta(days=i),
                )
            ],
        )
        for i in range(21)
    ]
    assert len(pieces) == 21
    first = client.get("/en/said/ali-khamenei/").content.decode()
    assert len(_said(first)) == 20 and 'href="/en/said/ali-khamenei/page/2/"' in first
    second = client.get("/en/said/ali-khamenei/page/2/").content.decode()
    assert len(_said(second)) == 4
    assert client.get("/en/said/ali-khamenei/page/1/").status_code == 301
    assert client.get("/en/said/ali-khamenei/page/3/").status_code == 404


def test_it_filters_by_dates_and_topic_and_months(client, record):
    html = client.get("/en/said/ali-khamenei/?topic=water").content.decode()
    assert _said(html) == ["Water is a right."]
    html = client.get(
        "/en/said/ali-khamenei/?after=2025-01-01&before=2025-02-28"
    ).content.decode()
    assert _said(html) == ["Patience.", "The courts are fair."]
    html = client.get("/en/said/ali-khamenei/2025/3/").content.decode()
    assert _said(html) == ["Water is a right."]
    assert 'href="/en/said/ali-khamenei/2025/1/"' in html
    bad = client.get("/en/said/ali-khamenei/?after=2025-05-01&before=2025-01-01")
    assert bad.status_code == 400
    assert "must not be after" in bad.content.decode()
    assert client.get("/en/said/ali-khamenei/?after=yesterday").status_code == 400
    assert client.get("/en/said/ali-khamenei/2025/13/").status_code == 404


def test_it_has_no_page_for_people_who_are_not_public_figures(client, record):
    assert client.get(f"/en/said/{record.witness.slug}/").status_code == 404
    assert client.get("/en/said/nobody/").status_code == 404


def test_it_is_linked_from_the_quotation_and_the_persons_page(client, record):
    html = client.get(record.first.url).content.decode()
    assert '<a href="/en/said/ali-khamenei/"><bdi>Ali Khamenei</bdi></a>' in html
    assert "<bdi>Sara Ahmadi</bdi>" in html
    assert f'href="/en/said/{record.witness.slug}/"' not in html
    services.record(record.first.pk)
    author = factories.article(record.news, authors=[record.leader])
    assert author.live
    html = client.get("/en/authors/ali-khamenei/").content.decode()
    assert 'href="/en/said/ali-khamenei/"' in html


def test_it_needs_no_script_style_or_other_host(client, record):
    html = client.get("/en/said/ali-khamenei/").content.decode()
    assert "<script" not in html
    assert " style=" not in html and "<style" not in html
    sources = re.findall(r'\s(?:src|href|action)="(https?://[^"]+)"', html)
    other = [url for url in sources if not url.startswith(settings.BASE_URL + "/")]
    assert len(sources) > 1 and other == ["https://example.org/speech"]


def test_its_query_count_does_not_grow_with_the_record(client, record):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/said/ali-khamenei/").status_code == 200
        return len(queries)

    count()  # the first request fills the masthead's caches
    before = count()
    for i in range(5):
        factories.article(
            record.news,
            tags=[f"t{i}"],
            body=[quote(f"More {i}.", record.leader, when=dt.date(2023, 1 + i, 1))],
        )
    count()  # publishing drops the masthead's caches; fill them again
    assert count() == before

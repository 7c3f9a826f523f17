from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samizdat.articles.models import Kind
from samizdat.articles.tests import factories
from samizdat.search import engine

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    " ",
    "x" * 10_240,
    "word " * 2_000,
    '"',
    '"unbalanced',
    "*",
    "elect*",
    "NEAR",
    "NEAR(election weather)",
    "election OR weather",
    "election AND NOT weather",
    "(((",
    "election)",
    "title:election",
    "{title body}: x",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "\\",
    "%_%",
    "\x00",
    "انتخابات election ١٤٠٣ ۱۴۰۳",
    "<script>alert(1)</script>",
    "^election",
    "-election",
    "election & weather | !x",
]


@pytest.fixture
def news(editions):
    return factories.section("News")


def _day(n: int) -> dt.datetime:
    return dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=n)


def _titles(response) -> list[str]:
    return [a.title for a in response.context["results"].page.object_list]


def test_it_finds_a_piece_by_its_headline_and_marks_the_word(client, news):
    factories.article(news, "Election results announced")
    factories.article(news, "Weather report")
    response = client.get("/en/search/", {"q": "election"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<mark>Election</mark> results announced" in body
    assert "Weather report" not in body


def test_it_puts_an_exact_headline_match_first(client, news):
    factories.article(
        news,
        "Harvest festival in the valley",
        body=[("paragraph", "<p>Drought and the harvest, drought again.</p>")],
        published_at=_day(5),
    )
    factories.article(news, "Drought", published_at=_day(1))
    factories.article(
        news,
        "Farmers and the weather",
        body=[("paragraph", "<p>Drought drought drought drought.</p>")],
        published_at=_day(9),
    )
    response = client.get("/en/search/", {"q": "drought"})
    assert _titles(response)[0] == "Drought"


def test_it_breaks_ties_by_recency(client, news):
    writer = factories.person("Writer")
    pieces = {
        day: factories.article(
            news, "Budget day", published_at=_day(day), blocks=1, authors=[writer]
        )
        for day in (1, 3, 2)
    }
    call_command("update_index", verbosity=0)  # equal length norms: a real tie
    response = client.get("/en/search/", {"q": "budget"})
    found = [a.pk for a in response.context["results"].page.object_list]
    assert found == [pieces[3].pk, pieces[2].pk, pieces[1].pk]


def test_it_searches_standfirst_body_quotations_authors_and_tags(client, news):
    writer = factories.person("Shirin Nasiri", pen_name="Parastu")
    piece = factories.article(
        news,
        "A plain headline",
        authors=[writer],
        tags=["Water rights"],
        body=[
            ("paragraph", "<p>The <b>aquifer</b> is dry.</p>"),
            (
                "quotation",
                {"text": "We have no wells left", "speaker": "Golnar Tehrani"},
            ),
        ],
    )
    for q in ["aquifer", "wells", "golnar", "nasiri", "parastu", "rights"]:
        assert _titles(client.get("/en/search/", {"q": q})) == [piece.title], q


def test_it_filters_by_section_author_kind_and_dates(client, news):
    opinion = factories.section("Opinion")
    ana = factories.person("Ana")
    factories.article(news, "Bridge one", published_at=_day(1), kind=Kind.NEWS)
    factories.article(
        opinion, "Bridge two", published_at=_day(10), kind=Kind.OPINION, authors=[ana]
    )
    factories.article(news, "Bridge three", published_at=_day(20), kind=Kind.REPORT)

    def titles(**params):
        return sorted(_titles(client.get("/en/search/", {"q": "bridge", **params})))

    assert titles(section=opinion.pk) == ["Bridge two"]
    assert titles(author=ana.pk) == ["Bridge two"]
    assert titles(kind="report") == ["Bridge three"]
    assert titles(after="2025-01-05") == ["Bridge three", "Bridge two"]
    assert titles(after="2025-01-05", before="2025-01-15") == ["Bridge two"]


def test_it_answers_bad_filters_with_400_and_the_reason(client, news):
    response = client.get(
        "/en/search/", {"q": "x", "after": "2025-02-01", "before": "2025-01-01"}
    )
    assert response.status_code == 400
    assert "start date comes after the end date" in response.content.decode()
    assert client.get("/en/search/", {"q": "x", "section": "nope"}).status_code == 400
    assert (
        client.get("/en/search/", {"q": "x", "after": "yesterday"}).status_code == 400
    )
    assert client.get("/en/search/", {"q": "x", "page": "-1"}).status_code == 400


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("section", str(2**63)),
        ("author", str(2**63)),
        ("section", "9" * 40),
        ("author", "-1"),
        ("section", "١٢"),
        ("page", str(2**63)),
    ],
)
def test_it_refuses_numbers_no_column_holds_with_400(client, news, name, value):
    response = client.get("/en/search/", {"q": "x", name: value})
    assert response.status_code == 400


def test_it_paginates_with_stable_urls(client, news):
    for n in range(23):
        factories.article(news, f"Market day {n}", published_at=_day(n), blocks=1)
    first = client.get("/en/search/", {"q": "market", "kind": "news"})
    assert first.context["results"].page.paginator.count == 23
    assert first.context["pagination"]["next_url"] == "?q=market&kind=news&page=2"
    third = client.get("/en/search/?q=market&kind=news&page=3")
    assert _titles(third) == ["Market day 2", "Market day 1", "Market day 0"]
    assert (
        'href="?q=market&amp;kind=news&amp;page=2" rel="prev"' in third.content.decode()
    )


@pytest.mark.parametrize("query", HOSTILE)
def test_it_answers_hostile_input_with_200_or_400(client, news, query):
    factories.article(news, "Election weather")
    response = client.get("/en/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert "<script>alert" not in response.content.decode()


def test_it_cuts_an_over_long_query_with_a_note(client, news):
    factories.article(news, "Election weather")
    response = client.get("/en/search/", {"q": "election " + "x" * 10_240})
    assert response.status_code == 200
    assert "too long" in response.content.decode()
    assert _titles(response) == ["Election weather"]


def test_it_falls_back_to_any_word_when_no_piece_has_all(client, news):
    factories.article(news, "Election weather")
    response = client.get("/en/search/", {"q": "election zebra"})
    assert _titles(response) == ["Election weather"]
    assert "some of them" in response.content.decode()


def test_it_helps_when_nothing_matches(client, news):
    response = client.get("/en/search/", {"q": "zebra"})
    assert response.status_code == 200
    assert "Check the spelling" in response.content.decode()


def test_it_sets_no_cookie_and_works_from_the_header_form(client, news):
    home = client.get("/en/")
    assert 'action="/en/search/"' in home.content.decode()
    response = client.get("/en/search/", {"q": "anything"})
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


def test_search_engines_index_the_search_page_but_no_page_of_results(client, news):
    """Indexed results would let anyone put words of their choosing on the
    outlet's address in a search engine ("Search: <a smear>")."""
    robots = '<meta name="robots" content="noindex">'
    canonical = re.compile(r'<link rel="canonical" href="https?://[^/"]+/en/search/">')
    landing = client.get("/en/search/").content.decode()
    assert robots not in landing
    assert canonical.search(landing)
    for query in ({"q": "election"}, {"kind": "opinion"}, {"q": "x", "page": 2}):
        results = client.get("/en/search/", query).content.decode()
        assert robots in results
        assert canonical.search(results)


def test_it_searches_each_edition_separately(client, editions):
    en, fa = factories.section("News"), factories.section("خبر", code="fa", slug="خبر")
    factories.article(en, "Tehran water")
    factories.article(fa, "آب تهران Tehran")
    assert _titles(client.get("/en/search/", {"q": "tehran"})) == ["Tehran water"]
    assert _titles(client.get("/fa/search/", {"q": "tehran"})) == ["آب تهران Tehran"]


def test_it_reads_a_results_page_in_a_fixed_number_of_queries(client, news):
    factories.article(news, "Port strike", tags=["labour"])
    client.get("/en/search/", {"q": "port"})
    with CaptureQueriesContext(connection) as few:
        client.get("/en/search/", {"q": "strike"})
    for n in range(6):
        factories.article(
            news, f"Port strike {n}", authors=[factories.person(), factories.person()]
        )
    with CaptureQueriesContext(connection) as many:
        client.get("/en/search/", {"q": "strike"})
    assert len(many) == len(few)


def test_a_word_in_very_many_pieces_ranks_the_newest_and_says_so(
    client, news, monkeypatch
):
    monkeypatch.setattr(engine, "WINDOW", 3)
    market = [("paragraph", "<p>The market opened early.</p>")]
    factories.article(news, "Market, market, market", body=market, published_at=_day(0))
    factories.article(news, "Morning report", body=market, published_at=_day(1))
    factories.article(news, "Market hall reopens", body=market, published_at=_day(2))
    factories.article(news, "Evening report", body=market, published_at=_day(3))
    response = client.get("/en/search/", {"q": "market"})
    # The best of the newest three: the headline match, then by recency.
    assert _titles(response) == [
        "Market hall reopens",
        "Evening report",
        "Morning report",
    ]
    body = response.content.decode()
    assert "3+ results" in body
    assert "the best of the newest 3" in body
    older = client.get("/en/search/", {"q": "market", "before": "2025-01-02"})
    assert _titles(older) == ["Market, market, market", "Morning report"]
    assert "the best of the newest" not in older.content.decode()


def test_it_suggests_the_word_meant_and_keeps_the_filters(client, news):
    factories.article(news, "Election weather", kind=Kind.NEWS)
    factories.article(news, "Harvest report", kind=Kind.NEWS)
    response = client.get("/en/search/", {"q": "electoin", "kind": "news"})
    body = response.content.decode()
    assert 'Did you mean: <a href="?q=election&amp;kind=news">election</a>' in body
    followed = client.get("/en/search/", {"q": "election", "kind": "news"})
    assert _titles(followed) == ["Election weather"]
    # One word misspelt among several: the others are kept.
    mixed = client.get("/en/search/", {"q": "weather electoin"})
    assert _titles(mixed) == ["Election weather"]  # any word, with a note
    assert mixed.context["results"].suggestion == ["weather", "election"]


def test_it_suggests_nothing_when_no_word_is_close(client, news):
    factories.article(news, "Election weather")
    response = client.get("/en/search/", {"q": "zebra"})
    assert response.context["results"].suggestion is None
    assert "Did you mean" not in response.content.decode()

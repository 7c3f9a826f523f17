"""Every public endpoint answers generated paths, query strings, headers and
bodies with anything but a server error (hypothesis, a bounded number of
examples so `make test` stays quick; bench/fuzz.py sends 20,000)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories

from .vocabulary import HEADERS, METHODS, NASTY, PARAMETERS, PATHS

pytestmark = pytest.mark.django_db

text = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
segment = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


@st.composite
def requests(draw):
    shape = draw(st.sampled_from(PATHS))
    path = shape.format(
        *(quote(draw(segment), safe="") for _ in range(shape.count("{}")))
    )
    query = draw(st.lists(st.tuples(st.sampled_from(PARAMETERS), text), max_size=6))
    headers = {}
    for name in draw(st.lists(st.sampled_from(sorted(HEADERS)), max_size=3)):
        headers[name] = draw(st.sampled_from(HEADERS[name]))
    method = draw(st.sampled_from(METHODS))
    body = draw(st.lists(st.tuples(st.sampled_from(PARAMETERS), text), max_size=6))
    return method, path, urlencode(query), headers, urlencode(body)


@pytest.fixture
def site(db):
    editions = ensure_editions("Samizdat")
    factories.article(factories.section("News", "en"), "Election weather")
    return editions


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sent=requests())
def test_it_answers_every_public_request_without_a_server_error(site, sent):
    method, path, query, headers, body = sent
    client = Client(raise_request_exception=False)
    response = client.generic(
        method,
        f"{path}?{query}" if query else path,
        data=body,
        content_type="application/x-www-form-urlencoded",
        **headers,
    )
    assert response.status_code < 500, (method, path, query, headers, body)

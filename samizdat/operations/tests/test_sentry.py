"""An error report as sentry-sdk builds it for a failing newsletter link,
after `scrub`: the exception and code path stay, and no address, token,
cookie, query value, request body or subscriber datum is left in it."""

from __future__ import annotations

import io
import json
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import pytest
import sentry_sdk
from django.core import signing
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from sentry_sdk.transport import Transport

from samizdat.newsletter import crypto
from samizdat.operations import sentry

ADDRESS = "reader.in.tehran@example.org"
TOKEN = signing.TimestampSigner(salt="test").sign(crypto.address_hash(ADDRESS))
SESSION = "k1s2e3s4s5i6o7n8v9a0l1u2e3"
SEARCH = "protest+evin"


@csrf_exempt
def failing_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscriber_address = crypto.encrypt(ADDRESS)
    address_hash = crypto.address_hash(ADDRESS)
    message = f"could not confirm {ADDRESS} ({address_hash})"
    raise RuntimeError(message + subscriber_address[:0])


urlpatterns = [path("fa/newsletter/confirm/<str:token>/", failing_confirm)]


class Captured(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes: list = []

    def capture_envelope(self, envelope) -> None:
        self.envelopes.append(envelope)


@pytest.fixture
def reports():
    transport = Captured()
    sentry.init(
        "https://public@sentry.invalid/1",
        environment="test",
        release="",
        traces=0.0,
        transport=transport,
        default_integrations=False,
    )
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.init()


def wsgi_request(method: str, path: str, query: str, body: str, **headers: str):
    """The request as gunicorn hands it to Django, so that sentry-sdk's WSGI
    middleware records its URL, headers and environment as in production."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body.encode()),
        "SERVER_NAME": "news.example.org",
        "SERVER_PORT": "443",
        "HTTP_HOST": "news.example.org",
        "wsgi.url_scheme": "https",
        **headers,
    }
    setup_testing_defaults(environ)
    answered = []
    # As Django's test client does: the test's database connection (and its
    # transaction) must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = WSGIHandler()(
            environ, lambda status, headers, *exc: answered.append(status)
        )
        b"".join(chunks)
        chunks.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answered[0]


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_it_sends_the_error_without_who_it_was_about(reports):
    status = wsgi_request(
        "POST",
        f"/fa/newsletter/confirm/{TOKEN}/",
        f"q={SEARCH}&t={TOKEN}",
        urlencode({"email": ADDRESS, "frequency": "daily"}),
        HTTP_COOKIE=f"sessionid={SESSION}; csrftoken=c5r6f7t8o9k0e1n2",
        HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
        HTTP_REFERER=f"https://mail.example.org/?to={ADDRESS}",
        HTTP_USER_AGENT="Mozilla/5.0",
        REMOTE_ADDR="198.51.100.23",
    )
    assert status.startswith("500")
    sentry_sdk.flush()
    events = [
        item.payload.json
        for envelope in reports.envelopes
        for item in envelope.items
        if item.type == "event"
    ]
    assert len(events) == 1
    [event] = events
    sent = json.dumps(event)

    # What the developer needs is still there.
    [error] = event["exception"]["values"]
    assert error["type"] == "RuntimeError"
    assert "could not confirm [Filtered] ([Filtered])" in error["value"]
    frames = error["stacktrace"]["frames"]
    assert any(frame["function"] == "failing_confirm" for frame in frames)
    assert event["request"]["url"].endswith("/fa/newsletter/confirm/[Filtered]/")
    assert event["request"]["method"] == "POST"
    assert event["request"]["headers"]["User-Agent"] == "Mozilla/5.0"

    secrets = [
        ADDRESS,
        TOKEN,
        TOKEN.rsplit(":", 1)[-1],
        crypto.address_hash(ADDRESS),
        "gAAAAA",
        SESSION,
        "c5r6f7t8o9k0e1n2",
        "protest",
        "evin",
        "dXNlcjpwYXNz",
        "203.0.113.7",
        "198.51.100.23",
        "daily",
    ]
    leaked = [secret for secret in secrets if secret in sent]
    assert leaked == []
    assert len(secrets) == 13


def test_it_scrubs_sql_breadcrumbs_and_log_messages():
    crumb = {
        "category": "query",
        "message": 'SELECT ... WHERE "address_hash" = %s',
        "data": {"params": [crypto.address_hash(ADDRESS), crypto.encrypt(ADDRESS)]},
    }
    cleaned = json.dumps(sentry.scrub_breadcrumb(crumb))
    assert ADDRESS not in cleaned and "gAAAAA" not in cleaned
    assert crypto.address_hash(ADDRESS) not in cleaned
    event = {
        "logentry": {"message": "bounce for %s", "params": [ADDRESS]},
        "user": {"id": 7, "email": ADDRESS, "ip_address": "198.51.100.23"},
        "extra": {"subscriber": {"pk": 3}, "newsletter_key": "abc"},
    }
    scrubbed = sentry.scrub(event)
    assert scrubbed["user"] == {"id": 7}
    assert scrubbed["logentry"]["params"] == ["[Filtered]"]
    assert scrubbed["extra"] == {
        "subscriber": "[Filtered]",
        "newsletter_key": "[Filtered]",
    }

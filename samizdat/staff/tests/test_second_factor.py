from __future__ import annotations

import datetime as dt
import re
import time

import pytest
import time_machine
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from samizdat.staff.audit import Event

from .conftest import sign_in

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/documents/", "/admin/reports/"]


def _code(device: TOTPDevice) -> str:
    """What the staff member's phone shows now."""
    clock = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    clock.time = time.time()
    return f"{clock.token():0{device.digits}d}"


def test_it_sends_an_account_without_a_factor_to_enrol_first(
    client, editor, second_factor
):
    assert sign_in(client).status_code == 302
    for path in ADMIN_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/security/?next="), path
    page = client.get("/admin/security/")
    assert page.status_code == 200
    assert "Register a passkey" in page.content.decode()
    assert client.get("/admin/security/app/").status_code == 200


def test_it_signs_in_with_an_app_code_and_a_recovery_code_once(
    client, editor, second_factor
):
    start = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        sign_in(client)
        setup = client.get("/admin/security/app/")
        assert "<svg" in setup.content.decode()
        device = TOTPDevice.objects.get(user=editor, confirmed=False)
        wrong = client.post("/admin/security/app/", {"code": "000000"})
        assert wrong.status_code == 200
        clock.shift(dt.timedelta(seconds=2))  # django-otp slows guessing down
        confirmed = client.post("/admin/security/app/", {"code": _code(device)})
        assert confirmed["Location"] == "/admin/security/"
        assert client.get("/admin/").status_code == 200
        codes_page = client.post("/admin/security/recovery-codes/")
        codes = re.findall(
            r"<li><code>([^<]+)</code></li>", codes_page.content.decode()
        )
        assert len(codes) == 10
        client.post("/admin/logout/")

    later = start + dt.timedelta(minutes=5)
    with time_machine.travel(later, tick=False) as clock:
        sign_in(client)
        assert client.get("/admin/pages/")["Location"] == (
            "/admin/security/verify/?next=%2Fadmin%2Fpages%2F"
        )
        refused = client.post(
            "/admin/security/verify/", {"app-code": "123456", "factor": "app"}
        )
        assert "wrong or was used already" in refused.content.decode()
        assert client.get("/admin/").status_code == 302
        device.refresh_from_db()
        clock.shift(dt.timedelta(seconds=2))
        passed = client.post(
            "/admin/security/verify/?next=/admin/pages/",
            {"app-code": _code(device), "factor": "app"},
        )
        assert passed["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == 200
        client.post("/admin/logout/")

        for attempt in range(2):
            sign_in(client)
            response = client.post(
                "/admin/security/verify/",
                {"recovery-code": codes[0], "factor": "recovery"},
            )
            if attempt == 0:
                assert response["Location"] == "/admin/"
            else:
                assert response.status_code == 200
                assert client.get("/admin/").status_code == 302
            client.post("/admin/logout/")

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(editor.pk))
        .order_by("timestamp", "id")
        .values_list("action", flat=True)
    )
    assert actions.count(Event.SIGNED_IN.value) == 4
    assert actions.count(Event.VERIFIED.value) == 2
    assert actions.count(Event.FACTOR_ADDED.value) == 2
    entry = ModelLogEntry.objects.filter(action=Event.VERIFIED.value).first()
    assert entry.data["address"] == "127.0.0.1"


def test_it_lists_staff_events_in_the_site_history_report(
    admin_client, editor, second_factor, settings
):
    settings.SAMIZDAT_STAFF_SECOND_FACTOR = False
    from django.test import Client

    sign_in(Client())
    sign_in(Client(), password="not the password")  # noqa: S106
    page = admin_client.get("/admin/reports/site-history/")
    text = page.content.decode()
    assert "Signed in with the password · from 127.0.0.1" in text
    assert "Wrong password · from 127.0.0.1" in text


def test_it_removes_a_factor_and_asks_to_enrol_again(client, editor, second_factor):
    start = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        sign_in(client)
        client.get("/admin/security/app/")
        device = TOTPDevice.objects.get(user=editor)
        client.post("/admin/security/app/", {"code": _code(device)})
        assert client.get("/admin/security/app/remove/").status_code == 200
        client.post("/admin/security/app/remove/")
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert ModelLogEntry.objects.filter(action=Event.FACTOR_REMOVED.value).count() == 1
    client.post("/admin/logout/")
    sign_in(client)
    assert client.get("/admin/")["Location"].startswith("/admin/security/")


def _admin_paths() -> list[str]:
    """Every admin URL that takes no argument, from the URL configuration."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix):
        for entry in patterns:
            route = str(entry.pattern)
            if "<" in route or "(" in route or "\\" in route or "*" in route:
                continue
            route = route.lstrip("^").rstrip("$")
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + route)
            elif isinstance(entry, URLPattern):
                yield prefix + route

    return sorted({"/" + path for path in walk(get_resolver().url_patterns, "")})


def test_it_opens_no_admin_page_to_an_account_without_a_factor(
    client, editor, second_factor
):
    sign_in(client)
    open_to_newcomers = {
        "/admin/login/",
        "/admin/logout/",
        "/admin/sprite/",
        "/admin/jsi18n/",
        "/admin/security/",
        "/admin/security/verify/",
        "/admin/security/app/",
    }
    refused = 0
    for path in _admin_paths():
        if not path.startswith("/admin/") or path in open_to_newcomers:
            continue
        if path.startswith("/admin/security/webauthn/"):
            continue  # the passkey ceremony, refused by its own checks
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 302, (method, path)
            assert response["Location"].startswith("/admin/security/"), path
        refused += 1
    # About 140 with Wagtail 8 and our apps; far fewer means the walk broke.
    assert refused > 120

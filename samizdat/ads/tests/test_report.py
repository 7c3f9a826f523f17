from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import User

from samizdat.ads.models import CreativeDay

from .conftest import creative, slot


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("boss", "boss@example.org", "pw-long-enough")
    client.force_login(user)
    return client


def test_it_reports_impressions_clicks_and_ctr_per_creative_per_day(admin_client):
    shoes = creative("Shoes", [slot()])
    hats = creative("Hats", [slot("top", "header")])
    CreativeDay.objects.create(
        creative=shoes, day=dt.date(2026, 5, 1), impressions=400, clicks=6
    )
    CreativeDay.objects.create(
        creative=shoes, day=dt.date(2026, 5, 2), impressions=0, clicks=0
    )
    CreativeDay.objects.create(
        creative=hats, day=dt.date(2026, 5, 1), impressions=200, clicks=1
    )

    page = admin_client.get("/admin/reports/ads/")
    export = admin_client.get("/admin/reports/ads/?export=csv")

    assert page.status_code == 200
    assert "1.50" in page.content.decode()
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0] == [
        "Day",
        "Creative",
        "Impressions",
        "Clicks",
        "Click-through rate (%)",
    ]
    assert ["2026-05-01", "Shoes", "400", "6", "1.50"] in rows
    assert ["2026-05-01", "Hats", "200", "1", "0.50"] in rows
    assert ["2026-05-02", "Shoes", "0", "0", ""] in rows


def test_it_keeps_the_report_from_readers_and_contributors(client, db):
    user = User.objects.create_user("writer", password="pw-long-enough")
    client.force_login(user)

    assert client.get("/admin/reports/ads/").status_code in (302, 403)

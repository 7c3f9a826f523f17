from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_answers_the_admin_only_on_its_own_host(client, settings, admin_user):
    settings.SAMIZDAT_ADMIN_HOST = "desk.example.onion"
    client.force_login(admin_user)
    assert client.get("/admin/", HTTP_HOST="news.example.org").status_code == 404
    assert client.get("/admin/login/", HTTP_HOST="news.example.org").status_code == 404
    assert client.get("/admin/", HTTP_HOST="desk.example.onion").status_code == 200


def test_it_renews_staff_sessions_for_twelve_idle_hours(client, admin_user, settings):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert response.cookies["sessionid"]["max-age"] == 12 * 3600

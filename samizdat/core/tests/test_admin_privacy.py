from __future__ import annotations

from django.contrib.auth import get_user_model


def test_it_asks_no_avatar_service_about_editors(client, editions):
    user = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"gravatar" not in response.content

"""Every reader page type, in both editions, carries the strict
Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy;
the admin and the framed ad slot carry their own policies."""

from __future__ import annotations

import pytest

from .test_reader_pages import reader_urls

pytestmark = pytest.mark.django_db

READER_POLICY = {
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
}


def _policy(response) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


def test_it_sends_the_reader_policy_on_every_page_type_and_edition(client, publication):
    checked = 0
    for code, pages in reader_urls(publication).items():
        for kind, url in [*pages.items(), ("search", f"/{code}/search/?q=water")]:
            response = client.get(url)
            assert response.status_code == 200, (kind, url)
            assert _policy(response) == READER_POLICY, (kind, url)
            assert response["Cross-Origin-Resource-Policy"] == "same-origin"
            assert "camera=()" in response["Permissions-Policy"]
            checked += 1
    assert checked == 18


def test_it_gives_the_admin_a_policy_of_our_origin_only(admin_client):
    policy = _policy(admin_client.get("/admin/"))
    assert "default-src 'self'" in policy
    assert "connect-src 'self'" in policy
    assert "frame-ancestors 'self'" in policy
    assert not any("http" in part for part in policy)


def test_it_lets_only_our_pages_frame_the_ad_slot(client, publication):
    # No slot is set up here: the refusal carries the slot document's policy.
    response = client.get("/ads/slot/side/en/0/")
    assert response.status_code == 400
    policy = _policy(response)
    assert "frame-ancestors 'self'" in policy
    assert "default-src 'none'" in policy


def test_it_lets_wagtails_user_bar_run_for_signed_in_staff_only(
    client, admin_user, publication
):
    url = reader_urls(publication)["en"]["article"]
    assert _policy(client.get(url)) == READER_POLICY
    client.force_login(admin_user)
    page = client.get(url)
    assert "wagtail-userbar" in page.content.decode()
    assert _policy(page) == READER_POLICY | {"script-src 'self'", "connect-src 'self'"}

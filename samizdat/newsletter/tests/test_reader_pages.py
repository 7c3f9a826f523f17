"""What the newsletter's own pages show after each step."""

from __future__ import annotations

import pytest

from samizdat.newsletter import services, tokens

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def test_it_shows_no_form_on_the_check_your_inbox_page(client, editions, smtp):
    for code in ("en", "fa"):
        response = client.post(
            f"/{code}/newsletter/",
            {"email": f"r-{code}@example.org", "edition": code, "frequency": "daily"},
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h1>" in html and 'type="email"' not in html
        assert "newsletter-form" not in html and "newsletter-box" not in html


def test_it_shows_the_newsletter_box_with_its_pitch_elsewhere(client, editions):
    html = client.get("/en/").content.decode()
    assert 'class="newsletter-box"' in html
    assert "Subscribe to our mailing list to get the new updates" in html
    assert html.count('type="email"') == 1


def test_it_knows_the_address_has_left_when_the_link_is_opened_again(client, editions):
    subscriber = confirmed("leaving@example.org")
    token = tokens.unsubscribe_token(subscriber.address_hash)
    path = f"/en/newsletter/unsubscribe/{token}/"
    before = client.get(path).content.decode()
    assert '<form method="post"' in before and "already left" not in before
    services.unsubscribe(subscriber.address_hash)
    after = client.get(path).content.decode()
    assert "You have already left" in after
    assert '<form method="post"' not in after
    assert 'href="/en/newsletter/"' in after
    services.erase(subscriber.address_hash)
    assert "You have already left" in client.get(path).content.decode()

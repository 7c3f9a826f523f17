"""The plain page (About, Contact, Support us) in both editions."""

from __future__ import annotations

import pytest

from samizdat.articles.models import StandardPage


@pytest.mark.parametrize(
    ("code", "direction", "title"),
    [("en", "ltr", "About us"), ("fa", "rtl", "درباره‌ی ما")],
)
def test_it_renders_in_each_edition(editions, client, code, direction, title):
    home = editions[code]
    page = StandardPage(
        title=title,
        slug="about" if code == "en" else "درباره‌ی-ما",
        introduction="Who we are.",
        body=[("paragraph", "<p>An independent newsroom.</p>")],
        locale=home.locale,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}"' in html
    assert f"<h1>{title}</h1>" in html
    assert "An independent newsroom." in html

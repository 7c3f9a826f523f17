"""The body a reader sees is rendered once per published revision (see
articles/rendering.py): a correction shows at once, a draft never does, and
a preview shows the draft even while the published body is in the cache."""

from __future__ import annotations

import pytest

from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db

OLD = "Paragraph 1 of the report"
NEW = "The corrected figure is 40 percent."


def test_a_correction_shows_at_once_though_the_old_body_is_cached(client, editions):
    page = factories.article(factories.section("News"), "Dams", blocks=3)
    assert OLD in client.get(page.url).content.decode()
    page.body = [("paragraph", f"<p>{NEW}</p>")]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert NEW in html
    assert OLD not in html


def test_a_draft_stays_out_of_the_page_and_shows_in_its_preview(client, editions):
    page = factories.article(factories.section("News"), "Dams", blocks=3)
    assert OLD in client.get(page.url).content.decode()
    page.body = [("paragraph", f"<p>{NEW}</p>")]
    page.save_revision()
    html = client.get(page.url).content.decode()
    assert OLD in html
    assert NEW not in html
    draft = page.get_latest_revision_as_object()
    preview = draft.make_preview_request().content.decode()
    assert NEW in preview
    assert OLD not in preview
    # The preview did not replace what readers get.
    assert OLD in client.get(page.url).content.decode()


def test_a_speaker_renamed_to_protect_them_is_renamed_at_once(client, editions):
    source = factories.person("Hassan Amini")
    body = [("quotation", {"text": "They took our papers.", "person": source})]
    page = factories.article(factories.section("News"), "Raids", body=body)
    assert "Hassan Amini" in client.get(page.url).content.decode()
    source.name = "A nurse in Tehran"
    source.save()
    html = client.get(page.url).content.decode()
    assert "A nurse in Tehran" in html
    assert "Hassan Amini" not in html

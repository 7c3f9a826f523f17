"""The body a reader sees is rendered once per published revision (see
articles/rendering.py): a correction shows at once, a draft never does, and
a preview shows the draft even while the published body is in the cache."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from samizdat.articles import navigation
from samizdat.articles.tests import factories
from samizdat.related import services as related_services
from samizdat.related.models import RelatedArticle

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


# The head, foot, metadata, editions and view restrictions of a piece are
# kept per revision as well: each change a reader would see shows at once.


def test_a_renamed_author_shows_at_once(client, editions):
    writer = factories.person("Leila Karimi")
    page = factories.article(factories.section("News"), "Dams", authors=[writer])
    assert "Leila Karimi" in client.get(page.url).content.decode()
    writer.name = "Our correspondent"
    writer.save()
    html = client.get(page.url).content.decode()
    assert "Leila Karimi" not in html  # byline and JSON-LD
    assert "Our correspondent" in html


def test_a_renamed_tag_shows_at_once(client, editions):
    page = factories.article(factories.section("News"), "Dams", tags=["water"])
    assert 'rel="tag">water</a>' in client.get(page.url).content.decode()
    tag = page.tags.get()
    tag.name = "rivers"
    tag.save()
    html = client.get(page.url).content.decode()
    assert '"keywords": ["rivers"]' in html
    assert 'rel="tag">rivers</a>' in html
    assert 'rel="tag">water</a>' not in html


def test_a_renamed_section_and_a_new_translation_show_at_once(client, editions):
    news = factories.section("News")
    page = factories.article(news, "Dams")
    html = client.get(page.url).content.decode()
    assert '<link rel="alternate" hreflang="fa"' not in html
    assert '<a href="/fa/" hreflang="fa"' in html  # no translation: the edition
    news.title = "Newsroom"
    news.save_revision().publish()
    translation = page.copy_for_translation(factories.locale("fa"), copy_parents=True)
    translation.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert ">Newsroom</a>" in html.split("<h1>")[0].split('class="kicker"')[-1]
    assert '<link rel="alternate" hreflang="fa"' in html
    masthead = html.split('<header class="masthead">')[1].split("</header>")[0]
    assert 'aria-current="page">Newsroom</a>' in masthead
    editions = masthead.split('class="editions"')[1].split("</nav>")[0]
    assert f'<a href="{translation.url}" hreflang="fa"' in editions


def test_a_related_list_rewritten_after_the_view_shows_at_once(client, editions):
    news = factories.section("News")
    for n, subject in enumerate(["Football league cup", "Painting gallery show"]):
        factories.article(news, f"Other {n}", body=[("paragraph", f"<p>{subject}</p>")])
    water = [("paragraph", "<p>The river dam drought reservoir shortage</p>")]
    page = factories.article(news, "Dams", body=water)
    related_services.rebuild_all()
    other = factories.article(news, "Rivers", body=water)
    # A reader comes between the publication and the worker's rebuild.
    assert ">Rivers</a>" not in related_list(client, page)
    related_services.refresh(other.pk)  # the worker's task after publishing
    assert RelatedArticle.objects.filter(article=page, related=other).exists()
    assert ">Rivers</a>" in related_list(client, page)


def related_list(client, page) -> str:
    html = client.get(page.url).content.decode()
    _, found, rest = html.partition('<aside class="related"')
    return found + rest.split("</aside>")[0]


def test_a_restriction_added_to_the_section_closes_a_cached_piece(client, editions):
    news = factories.section("News")
    page = factories.article(news, "Dams")
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(page.url).status_code == 302
    PageViewRestriction.objects.filter(page=news).delete()
    assert client.get(page.url).status_code == 200


def test_the_navigation_keeps_its_stamp_while_its_links_stay(rf, editions):
    news = factories.section("News")
    request = rf.get("/en/")
    first = navigation._build(request, "en")
    assert navigation._build(request, "en").stamp == first.stamp
    news.title = "Newsroom"
    news.save_revision().publish()
    assert navigation._build(request, "en").stamp != first.stamp

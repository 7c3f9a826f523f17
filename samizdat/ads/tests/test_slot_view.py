from __future__ import annotations

import re

from django.core.management import call_command

from samizdat.ads.models import CreativeDay
from samizdat.articles.tests import factories

from .conftest import READER, creative, slot


def test_it_frames_a_creative_and_counts_the_impression(client, editions):
    side = slot()
    made = creative("Shoes", [side], text="<b>Good</b> shoes<script>x()</script>")

    response = client.get("/ads/slot/side/en/0/", **READER)
    client.get("/ads/slot/side/en/0/", HTTP_USER_AGENT="Googlebot/2.1")
    call_command("flush_counts", "--no-rank")

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert not response.cookies
    assert "<b>Good</b> shoes" in html
    assert "<script" not in html
    assert 'href="/ads/click/' in html
    assert 'target="_top"' in html
    assert CreativeDay.objects.get(creative=made).impressions == 1


def test_it_answers_an_empty_document_when_nothing_runs(client, db):
    slot()
    response = client.get("/ads/slot/side/en/0/", **READER)

    assert response.status_code == 200
    assert "/ads/click/" not in response.content.decode()


def test_it_refuses_an_unknown_edition_or_slot(client, db):
    slot()
    assert client.get("/ads/slot/side/xx/0/", **READER).status_code == 400
    assert client.get("/ads/slot/made-up/en/0/", **READER).status_code == 400


def test_it_labels_ads_in_the_edition_language_on_pages(client, editions):
    news = factories.section("News")
    piece = factories.article(news, "Story", blocks=6)
    fa_news = factories.section("اخبار", code="fa", slug="akhbar")
    fa_piece = factories.article(fa_news, "خبر")
    side = slot()
    inside = slot("inside", "in_article", position=1)
    listed = slot("listed", "in_list", position=1)
    top = slot("top", "header", width=728, height=90)
    creative("Shoes", [side, inside, listed, top])
    for_news = creative("News readers", [side])
    for_news.sections.set([news])

    article = client.get(piece.url).content.decode()
    listing = client.get(news.url).content.decode()
    persian = client.get(fa_piece.url).content.decode()

    assert f'src="/ads/slot/side/en/{news.pk}/"' in article
    assert f'src="/ads/slot/top/en/{news.pk}/"' in article
    assert 'src="/ads/slot/side/fa/0/"' in persian  # no creative targets it
    inside_at = article.index(f'src="/ads/slot/inside/en/{news.pk}/"')
    assert article.index("Paragraph 1 of the report") < inside_at
    assert inside_at < article.index("Paragraph 4 of the report")
    assert f'src="/ads/slot/listed/en/{news.pk}/"' in listing
    assert ">Advertisement</p>" in article
    assert "آگهی" in persian
    scripts = re.findall(r"<script[^>]*>", article)
    assert all('type="application/ld+json"' in tag for tag in scripts)


def test_only_the_header_frame_loads_before_a_reader_scrolls(client, editions):
    """Frames below the first screen wait until a reader nears them: a phone
    on a slow line fetches no ad it never reaches, and no impression is
    counted for it."""
    creative("Books", [slot("top", "header"), slot("side"), slot("list", "in_list")])
    story = factories.article(factories.section("News"), "Rivers run dry")

    html = client.get(story.url).content.decode()
    frames = dict(re.findall(r'<div class="ad ad-(\w+)">.*?(<iframe [^>]*>)', html))

    assert set(frames) == {"header", "sidebar"}
    assert "loading=" not in frames["header"]
    assert 'loading="lazy"' in frames["sidebar"]

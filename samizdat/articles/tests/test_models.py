"""What the page models compute and refuse."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samizdat.articles import rendering
from samizdat.articles.body import WORDS_PER_MINUTE, reading_minutes
from samizdat.articles.models import ArticlePage, CaricaturePage
from samizdat.articles.tests import factories

pytestmark = pytest.mark.django_db


def paragraphs(words: int) -> list:
    return [("paragraph", "<p>" + " ".join(["word"] * words) + "</p>")]


def test_it_computes_reading_time_from_the_body(editions):
    news = factories.section("News")
    short = factories.article(news, body=paragraphs(10))
    long = factories.article(news, body=paragraphs(WORDS_PER_MINUTE * 3 + 1))
    assert short.reading_minutes == 1
    assert long.reading_minutes == 4


def test_it_counts_quotations_captions_and_subheadings():
    body = ArticlePage(
        body=[
            ("subheading", " ".join(["head"] * 100)),
            ("quotation", {"text": " ".join(["said"] * 100), "speaker": "A"}),
            ("pull_quote", " ".join(["pull"] * 1)),
        ]
    ).body
    assert reading_minutes(body) == 2


def test_it_recomputes_reading_time_on_a_new_revision(editions):
    page = factories.article(factories.section("News"), body=paragraphs(10))
    page.body = paragraphs(WORDS_PER_MINUTE * 2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.reading_minutes == 2


def test_it_records_the_section_from_the_parent(editions):
    news = factories.section("News")
    assert factories.article(news).section_id == news.pk
    assert factories.article(news, publish=False).section_id == news.pk


def test_it_keeps_the_section_in_step_after_a_move(editions):
    news, opinion = factories.section("News"), factories.section("Opinion")
    page = factories.article(news)
    old_revision = page.save_revision()

    page.move(opinion, pos="last-child")
    assert ArticlePage.objects.get(pk=page.pk).section_id == opinion.pk

    old_revision.publish()
    assert ArticlePage.objects.get(pk=page.pk).section_id == opinion.pk


def test_it_shows_the_updated_date_only_when_it_differs(client, editions):
    page = factories.article(factories.section("News"))
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.was_updated
    assert "Updated" not in client.get(page.url).content.decode()

    first = timezone.now() - dt.timedelta(days=3)
    ArticlePage.objects.filter(pk=page.pk).update(first_published_at=first)
    rendering.bump_generation()  # written behind the editor's back
    page.refresh_from_db()
    assert page.was_updated
    html = client.get(page.url).content.decode()
    assert "Updated" in html
    assert html.count("<time datetime=") == 2


def test_it_requires_a_cartoon_and_its_alt_text(editions):
    cartoons = factories.section("Caricature")
    page = CaricaturePage(title="No drawing", slug="no-drawing")
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth"])
    assert {"cartoon", "alt_text"} <= set(error.value.message_dict)

    drawn = factories.caricature(cartoons, "Drawn")
    drawn.full_clean()
    assert drawn.kind == "opinion"


def test_it_requires_a_body_for_an_article(editions):
    page = ArticlePage(title="Empty", slug="empty", body=[])
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth"])
    assert "body" in error.value.message_dict

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from persiantools.jdatetime import MONTH_NAMES_FA
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from samizdat.articles.models import (
    ArticlePage,
    CaricaturePage,
    Correction,
    HomePage,
    SectionPage,
    Tag,
)
from samizdat.demo import drawing
from samizdat.demo.plan import DEFAULT_SEED, build_plan
from samizdat.demo.seed import anchor_for
from samizdat.people.models import Person
from samizdat.quotes.models import Quotation

SMALL = {"articles": 12, "caricatures": 3}
ZWNJ = "\u200c"
PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")
ROOT = Path(settings.BASE_DIR)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def seed(**options) -> str:
    out = io.StringIO()
    call_command("seed_demo", **{**SMALL, **options}, stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "images": get_image_model().objects.count(),
        "corrections": Correction.objects.count(),
        "tags": Tag.objects.count(),
    }


def live(code: str):
    return ArticlePage.objects.live().filter(locale__language_code=code)


@pytest.fixture
def seeded(db) -> str:
    return seed()


def test_it_seeds_sections_people_articles_and_caricatures_in_both_editions(seeded):
    en_sections = SectionPage.objects.filter(locale__language_code="en")
    fa_sections = SectionPage.objects.filter(locale__language_code="fa")
    assert set(en_sections.values_list("title", flat=True)) == {
        "News",
        "Opinion",
        "Report",
        "Caricature",
        "Interview",
        "Analysis",
    }
    assert set(fa_sections.values_list("title", flat=True)) == {
        "اخبار",
        "دیدگاه",
        "گزارش",
        "کاریکاتور",
        "گفت‌وگو",
        "تحلیل",
    }
    assert all(s.live and s.show_in_menus for s in [*en_sections, *fa_sections])
    assert set(en_sections.values_list("translation_key", flat=True)) == set(
        fa_sections.values_list("translation_key", flat=True)
    )
    en_people = Person.objects.filter(locale__language_code="en")
    fa_people = Person.objects.filter(locale__language_code="fa")
    assert en_people.count() >= 12
    assert set(en_people.values_list("translation_key", flat=True)) == set(
        fa_people.values_list("translation_key", flat=True)
    )
    assert en_people.exclude(pen_name="").exists()
    assert all(p.role and p.bio for p in fa_people)
    assert en_people.exclude(photo=None).count() == 12
    assert fa_people.exclude(photo=None).count() == 12

    assert live("en").count() == 8 + 2  # articles and caricatures
    assert live("fa").count() == 4 + 1
    cartoon = CaricaturePage.objects.live().first()
    assert cartoon.cartoon.width == drawing.W
    assert cartoon.alt_text and cartoon.caption and cartoon.article_authors.exists()
    for home in HomePage.objects.all():
        assert home.lead_story is not None
        assert home.lead_story.locale_id == home.locale_id
    # Counted per edition, as the README says (six sections, thirteen
    # people, four public figures).
    assert (
        "Demo publication per edition: en 6 sections, 13 people, 4 public"
        " figures, 8 articles, 2 caricatures; fa 6 sections, 13 people, 4 public"
        " figures, 4 articles (2 translated), 1 caricatures; 1 correction;"
    ) in seeded
    assert en_people.count() == fa_people.count() == 13 + 4
    assert en_people.filter(public_figure=True).count() == 4
    assert fa_people.filter(public_figure=True).count() == 4


def test_its_public_figures_have_a_record_in_both_editions(seeded, client):
    for code in ("en", "fa"):
        said = Quotation.objects.filter(
            person__public_figure=True, locale__language_code=code
        ).select_related("person")
        assert said.exists(), code
        figure = said.first().person
        record = client.get(f"/{code}/said/{figure.slug}/")
        assert record.status_code == 200
        assert said.first().text in record.content.decode()


def test_it_links_translated_pairs_through_the_translation_key(seeded):
    translated = [
        page
        for page in live("fa").exclude(caricaturepage__isnull=False)
        if page.get_translation_or_none(live("en").first().locale)
    ]
    assert translated
    persian = translated[0]
    english = persian.get_translation(live("en").first().locale)
    assert persian.title != english.title
    assert [b.block_type for b in persian.body] == [b.block_type for b in english.body]
    authors = [a.person for a in persian.article_authors.all()]
    assert {a.locale.language_code for a in authors} == {"fa"}


def test_it_writes_bodies_with_subheadings_quotations_and_authors(seeded):
    for page in live("en").filter(caricaturepage__isnull=True):
        kinds = {block.block_type for block in page.body}
        assert "paragraph" in kinds
        assert 1 <= page.article_authors.count() <= 3
        assert page.tags.exists()
        assert page.kind == page.section.default_kind
    news = live("en").filter(kind="news").first()
    quotation = next(b.value for b in news.body if b.block_type == "quotation")
    assert quotation["speaker"] and quotation["speaker_role"]


def test_every_piece_has_a_drawn_lead_picture_with_its_own_words(seeded):
    for code, credit_word in (("en", "Illustration"), ("fa", "تصویرسازی")):
        pieces = live(code).filter(caricaturepage__isnull=True)
        assert pieces.exists()
        for page in pieces:
            assert page.lead_image_id and page.lead_image_alt
            assert page.lead_image_credit.startswith(credit_word)
            # The credit says who drew it; the caption says what it shows.
            assert page.lead_image_caption
            assert credit_word not in page.lead_image_caption
            assert page.lead_image_caption != page.lead_image_alt


def test_it_creates_nothing_on_a_second_run(seeded):
    before = snapshot()

    output = seed()

    assert snapshot() == before
    assert "created 0 objects" in output


def test_it_completes_a_partially_seeded_database(db):
    seed(articles=6, caricatures=1)
    first = set(ArticlePage.objects.values_list("pk", flat=True))
    ArticlePage.objects.filter(pk=max(first)).delete()

    seed()

    after = set(ArticlePage.objects.values_list("pk", flat=True))
    assert first - {max(first)} <= after
    assert live("en").count() + live("fa").count() == 12 + 3


def test_it_writes_the_same_headlines_for_the_same_seed(seeded):
    anchor = anchor_for()
    plan = build_plan(DEFAULT_SEED, 12, 3, anchor)
    again = build_plan(DEFAULT_SEED, 12, 3, anchor)
    other = build_plan(DEFAULT_SEED + 1, 12, 3, anchor)

    titles = [a.title for a in plan.articles] + [c.title for c in plan.cartoons]
    assert titles == [a.title for a in again.articles] + [
        c.title for c in again.cartoons
    ]
    assert titles != [a.title for a in other.articles] + [
        c.title for c in other.cartoons
    ]
    assert set(titles) == set(
        ArticlePage.objects.filter(section__isnull=False).values_list(
            "title", flat=True
        )
    )
    assert drawing.render_png(plan.cartoons[0].scene) == drawing.render_png(
        again.cartoons[0].scene
    )


def test_it_plans_the_full_publication():
    anchor = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    plan = build_plan(DEFAULT_SEED, 300, 20, anchor)

    langs = [a.lang for a in plan.articles]
    assert (langs.count("en"), langs.count("fa")) == (200, 100)
    assert sum(a.source is not None for a in plan.articles) == 50
    assert {a.kind for a in plan.articles} == {
        "news",
        "opinion",
        "analysis",
        "report",
        "interview",
    }
    assert [c.lang for c in plan.cartoons].count("fa") == 6
    assert all(
        anchor - dt.timedelta(days=121) < a.published < anchor for a in plan.articles
    )
    blocks = [b for a in plan.articles for b in a.skeleton.render(a.lang)["body"]]
    assert any(kind == "pull_quote" for kind, _value in blocks)
    quotes = [value for kind, value in blocks if kind == "quotation"]
    hosts = {urlsplit(q["source_url"]).hostname for q in quotes if q["source_url"]}
    assert hosts <= {"example.org", "example.com", "example.net"}
    assert any(q["days_before"] is not None for q in quotes)
    fa_tags = {t for a in plan.articles if a.lang == "fa" for t in a.skeleton.tags}
    assert any(ZWNJ in tag[1] for tag in fa_tags)
    assert plan.correction is not None and set(plan.leads) == {"en", "fa"}


def test_it_renders_every_seeded_page_type(client, seeded):
    pages = [
        *HomePage.objects.all(),
        *SectionPage.objects.all(),
        *live("en").filter(caricaturepage__isnull=True)[:3],
        *live("fa").filter(caricaturepage__isnull=True)[:3],
        *CaricaturePage.objects.live(),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_it_shows_the_correction_on_its_article(client, seeded):
    correction = Correction.objects.get()
    article = correction.article

    html = client.get(article.url).content.decode()

    assert correction.text in html
    assert article.last_published_at.date() > article.first_published_at.date()


def test_it_writes_persian_dates_and_digits_on_persian_articles(client, seeded):
    page = live("fa").filter(caricaturepage__isnull=True).first()

    html = client.get(page.url).content.decode()

    assert PERSIAN_DIGITS & set(html)
    assert any(month in html for month in MONTH_NAMES_FA[1:])


def test_it_rejects_bad_arguments(db):
    with pytest.raises(CommandError, match="--articles must be between"):
        call_command("seed_demo", articles=-1)

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "samizdat.settings.test"}
    for args, code in ((["--articles", "-5"], 1), (["--articles", "many"], 2)):
        result = subprocess.run(
            [sys.executable, "manage.py", "seed_demo", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        lines = [line for line in result.stderr.splitlines() if "--articles" in line]
        assert result.returncode == code
        assert len(lines) == 1


def test_it_dates_pieces_over_the_last_months(seeded):
    anchor = anchor_for()
    dates = ArticlePage.objects.live().values_list(
        "first_published_at", "last_published_at"
    )

    assert all(anchor - dt.timedelta(days=121) < first < anchor for first, _ in dates)
    assert all(last >= first for first, last in dates)
    assert len({first.date() for first, _ in dates}) > len(dates) // 2


def test_it_completes_a_run_that_was_interrupted(db, monkeypatch):
    from samizdat.demo import seed as service

    write = service._Seeder.write_article
    calls = []

    def failing(self, piece):
        calls.append(piece.index)
        if len(calls) == 9:
            raise RuntimeError("power cut")
        write(self, piece)

    monkeypatch.setattr(service, "BATCH", 4)
    monkeypatch.setattr(service._Seeder, "write_article", failing)
    with pytest.raises(RuntimeError, match="power cut"):
        seed()
    assert ArticlePage.objects.filter(section__isnull=False).count() == 8
    monkeypatch.setattr(service._Seeder, "write_article", write)

    seed()

    pages = ArticlePage.objects.filter(section__isnull=False)
    assert pages.count() == 12 + 3
    assert len(set(pages.values_list("section_id", "slug"))) == 12 + 3
    assert all(p.first_published_at < anchor_for() for p in pages)

"""The desk flow of issue 15, in the real admin: a contributor writes a piece
with two quotations and submits it; an editor approves and publishes it, then
translates it into Persian and finds the byline, tags and section in Persian
and the fields right to left; the English piece gets a correction and the
dashboard flags the Persian translation as out of date. No autosave request
answers 4xx or 5xx on the way. Screenshots go to var/screenshots/."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.admin.views.pages.create import CreateView

from samizdat.articles.models import ArticlePage, SectionPage
from samizdat.articles.pieces import Tag, TagTranslation
from samizdat.articles.setup import ensure_translation
from samizdat.articles.tests import factories

from .conftest import log_in
from .test_editorial_flow import add_block

pytestmark = pytest.mark.browser

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
HEADLINE = "Letters from the border towns"
AUTHORS = ("Abdul Rahman Korki", "Leila Karimi")
QUOTES = [
    ("We wrote by candlelight.", "Hassan Amini"),
    ("The censor reads slowly.", "Maryam Sadeghi"),
]


def watch(page, failures: list) -> None:
    """Record every POST of the editor's session that answers 4xx or 5xx."""

    def check(response):
        if response.request.method == "POST" and response.status >= 400:
            failures.append((response.url, response.status))

    page.on("response", check)


def choose_author(page, index: int, name: str) -> None:
    page.locator(f"#id_article_authors-{index}-person-chooser").get_by_role(
        "button", name="Choose person"
    ).click()
    page.get_by_role("dialog").get_by_role("link", name=name).click()
    expect(page.get_by_role("dialog")).to_be_hidden()


def test_it_takes_a_piece_through_the_desk_into_persian(newsroom, new_context):
    SHOTS.mkdir(parents=True, exist_ok=True)
    fa = factories.locale("fa")
    opinion = factories.section("Opinion")
    SectionPage.objects.filter(pk=opinion.pk).update(default_kind="opinion")
    opinion_fa = ensure_translation(opinion, fa, title="دیدگاه")
    korki = factories.person(AUTHORS[0], pen_name="Mahabadi")
    korki_fa = korki.copy_for_translation(fa)
    korki_fa.name, korki_fa.pen_name = "عبدالرحمن کرکی", "مهابادی"
    korki_fa.save()
    karimi = factories.person(AUTHORS[1])  # no one in the Persian edition yet
    exile = Tag.objects.create(name="exile")
    TagTranslation.objects.create(tag=exile, locale=fa, name="تبعید")
    failures: list = []

    # A contributor writes the piece with two quotations and submits it.
    writer = log_in(new_context(), newsroom, "carla")
    watch(writer, failures)
    writer.goto(newsroom.at(f"/admin/pages/add/articles/articlepage/{opinion.pk}/"))
    expect(writer.locator("#id_kind")).to_have_value("opinion")
    writer.get_by_role("textbox", name="Title*").fill(HEADLINE)
    writer.get_by_role("textbox", name="Standfirst").fill("Exiled writers answer.")
    choose_author(writer, 0, korki.byline_name)
    # A second author row, left empty while autosave runs, then chosen.
    writer.get_by_role("button", name="Add authors").click()
    writer.wait_for_timeout(1500)
    choose_author(writer, 1, AUTHORS[1])
    add_block(writer, "Subheading").get_by_role("textbox").fill("Two voices")
    for text, speaker in QUOTES:
        quotation = add_block(writer, "Quotation")
        quotation.get_by_role("textbox", name="Quotation*").fill(text)
        writer.wait_for_timeout(700)  # autosave sees a quotation without speaker
        quotation.get_by_role("textbox", name="Speaker (free text)").fill(speaker)
    tags = writer.locator("#id_tags").locator("xpath=..").get_by_role("textbox")
    tags.last.fill("exile")
    tags.last.press("Enter")
    writer.wait_for_timeout(700)
    writer.get_by_role("button", name="More actions").click()
    writer.get_by_role("button", name="Submit to Editorial review").click()
    expect(writer.get_by_text("submitted for moderation")).to_be_visible()
    piece = ArticlePage.objects.get(title=HEADLINE)
    draft = piece.get_latest_revision_as_object()
    assert [b.block_type for b in draft.body].count("quotation") == 2
    assert [t.name for t in draft.tags.all()] == ["exile"]

    # An editor approves and publishes it.
    editor = log_in(new_context(), newsroom, "eddie")
    watch(editor, failures)
    editor.get_by_role("region", name="Awaiting your review").get_by_role(
        "link", name=HEADLINE
    ).click()
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(editor.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible()
    piece.refresh_from_db()
    assert piece.live

    # The editor, as translator, translates it into Persian.
    editor.goto(
        newsroom.at(
            reverse("simple_translation:submit_page_translation", args=[piece.pk])
        )
    )
    editor.get_by_label("فارسی").check()
    editor.get_by_role("button", name="Submit").click()
    translation = piece.get_translation(fa).specific
    editor.wait_for_url(newsroom.at(f"/admin/pages/{translation.pk}/edit/"))
    assert translation.get_parent().pk == opinion_fa.pk
    assert translation.section_id == opinion_fa.pk
    expect(editor.locator("#id_article_authors-0-person-title")).to_have_text(
        korki_fa.byline_name
    )
    karimi_fa = translation.article_authors.order_by("sort_order")[1].person
    assert (karimi_fa.locale, karimi_fa.translation_key) == (fa, karimi.translation_key)
    panel = editor.locator(".samizdat-editions")
    expect(panel).to_contain_text(f"still under their original names: {AUTHORS[1]}")
    expect(editor.locator("#id_tags")).to_have_value("تبعید")
    expect(editor.get_by_role("textbox", name="Title*")).to_have_attribute("dir", "rtl")
    expect(editor.get_by_role("textbox", name="Standfirst")).to_have_attribute(
        "dir", "rtl"
    )
    body_field = editor.locator("#body-root").get_by_role("textbox").first
    expect(body_field).to_have_attribute("dir", "rtl")
    editor.screenshot(path=str(SHOTS / "translation-draft.png"), full_page=True)

    # The English piece gets a correction; the dashboard flags the Persian copy.
    factories.correction(piece, "An earlier version misnamed the town.")
    editor.goto(newsroom.at("/admin/"))
    desk = editor.get_by_role("region", name="Today at the desk")
    expect(desk.locator("#desk-corrections")).to_contain_text("1 correction this week")
    expect(desk).to_contain_text("An earlier version misnamed the town.")
    persian = desk.get_by_role("region", name="فارسی: 1 piece awaiting translation")
    expect(
        persian.get_by_role("link", name="translation out of date")
    ).to_have_attribute("href", f"/admin/pages/{translation.pk}/edit/")
    published = desk.get_by_role("region", name="1 published in the last 24 hours")
    expect(published.get_by_role("link", name=HEADLINE)).to_be_visible()
    editor.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    assert failures == []
    assert newsroom.foreign_requests == []


def test_a_submit_waits_for_the_autosave_under_way(newsroom, new_context, monkeypatch):
    """The contributor clicks Submit while the add form's first autosave is
    still out (held on the server until a second after the click): the
    submit goes, once that autosave has made the draft, to the draft's edit
    view, instead of posting the new page a second time."""
    news = factories.section("News")
    factories.person(AUTHORS[1])
    arrived, release = threading.Event(), threading.Event()
    answers: list[tuple[str, int]] = []
    create = CreateView.post

    def held_autosave(view, request, *args, **kwargs):
        autosave = request.headers.get("Accept") == "application/json"
        if autosave and not arrived.is_set():
            arrived.set()
            release.wait(timeout=20)
        response = create(view, request, *args, **kwargs)
        answers.append(("autosave" if autosave else "submit", response.status_code))
        return response

    monkeypatch.setattr(CreateView, "post", held_autosave)
    failures: list = []
    writer = log_in(new_context(), newsroom, "carla")
    watch(writer, failures)
    writer.goto(newsroom.at(f"/admin/pages/add/articles/articlepage/{news.pk}/"))
    # Wagtail takes the form as it is 2 s after loading as the unchanged state.
    writer.wait_for_timeout(2500)
    writer.get_by_role("textbox", name="Title*").fill(HEADLINE)
    choose_author(writer, 0, AUTHORS[1])
    add_block(writer, "Paragraph").get_by_role("textbox").fill("By candlelight.")
    try:
        # Wait in Playwright, which answers the browser's routed requests.
        for _ in range(200):
            if arrived.is_set():
                break
            writer.wait_for_timeout(100)
        assert arrived.is_set()
        writer.get_by_role("button", name="More actions").click()
        threading.Timer(1.0, release.set).start()
        writer.get_by_role("button", name="Submit to Editorial review").click()
        expect(writer.get_by_text("submitted for moderation")).to_be_visible()
    finally:
        release.set()

    assert answers == [("autosave", 200)]
    piece = ArticlePage.objects.get(title=HEADLINE)
    assert piece.current_workflow_state.status == "in_progress"
    assert [b.block_type for b in piece.get_latest_revision_as_object().body] == [
        "paragraph"
    ]
    assert piece.article_authors.count() == 1
    assert failures == []

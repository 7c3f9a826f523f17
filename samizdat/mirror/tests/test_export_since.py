from __future__ import annotations

import datetime as dt

import time_machine
from django.core.management import call_command
from wagtail.log_actions import log

from samizdat.articles.models import PAGE_SIZE
from samizdat.articles.tests import factories
from samizdat.mirror.export import export_mirror
from samizdat.mirror.rewrite import file_for
from samizdat.related.models import RelatedArticle


def edit(page, title: str) -> None:
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.save_revision().publish()


def test_it_rewrites_only_the_edited_article_its_lists_and_feeds(publication, tmp_path):
    directory = tmp_path / "mirror"
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=True):
        export_mirror(directory)
    unrelated = directory / file_for(publication.drawing.url)
    before = unrelated.stat().st_mtime_ns

    with time_machine.travel(start + dt.timedelta(minutes=5), tick=True):
        edit(publication.story, "Rivers run dry, and wells too")
        report = export_mirror(directory, incremental=True)

    assert not report.full
    story = file_for(publication.story.url)
    assert story in report.written
    assert "Rivers run dry, and wells too" in (directory / story).read_text()
    listing = file_for(publication.news.url + "page/2/")
    assert 23 > PAGE_SIZE and listing in report.written
    assert "en/feeds/author/leila-karimi/rss.xml" in report.written
    assert {"en/feeds/rss.xml", "en/feeds/atom.xml", "en/feeds/feed.json"} <= set(
        report.rendered
    )
    assert file_for(publication.translation.url) in report.rendered, "|".join(
        report.rendered
    )
    assert file_for(publication.drawing.url) not in report.rendered
    assert unrelated.stat().st_mtime_ns == before
    assert len(report.rendered) < 40


def test_it_adds_a_new_article_to_every_page_of_its_lists(publication, tmp_path):
    directory = tmp_path / "mirror"
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=True):
        export_mirror(directory)

    with time_machine.travel(start + dt.timedelta(minutes=5), tick=True):
        fresh = factories.article(publication.news, "Breaking", tags=["water"])
        report = export_mirror(directory, incremental=True)

    assert file_for(fresh.url) in report.written
    assert file_for(publication.news.url) in report.written
    assert file_for(publication.news.url + "page/2/") in report.written
    assert "Breaking" in (directory / "en/index.html").read_text()
    assert "Breaking" in (directory / "en/search-index.js").read_text()


def test_it_removes_an_unpublished_article(publication, tmp_path):
    directory = tmp_path / "mirror"
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=True):
        export_mirror(directory)

    with time_machine.travel(start + dt.timedelta(minutes=5), tick=True):
        publication.pictured.unpublish()
        call_command("export_mirror", str(directory), "--since", "--no-progress")

    assert not (directory / file_for(publication.pictured.url)).exists()
    assert "Pictures of the drought" not in (directory / "en/index.html").read_text()


def test_it_moves_an_article_whose_address_changed(publication, tmp_path):
    directory = tmp_path / "mirror"
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=True):
        export_mirror(directory)
    old_file = directory / file_for(publication.story.url)

    with time_machine.travel(start + dt.timedelta(minutes=5), tick=True):
        draft = publication.story.get_latest_revision_as_object()
        draft.slug = "rivers-run-dry"
        draft.save_revision().publish()
        report = export_mirror(directory, incremental=True)

    assert not old_file.exists()
    assert (directory / "en/news/rivers-run-dry/index.html").is_file()
    assert file_for(publication.story.url) in report.removed


def test_it_rewrites_the_pieces_whose_related_list_shows_the_edited_one(
    publication, tmp_path
):

    RelatedArticle.objects.create(
        article=publication.pictured, related=publication.story, rank=1
    )
    directory = tmp_path / "mirror"
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=True):
        export_mirror(directory)

    with time_machine.travel(start + dt.timedelta(minutes=5), tick=True):
        edit(publication.story, "Rivers run dry, and wells too")
        report = export_mirror(directory, incremental=True)

    shown_on = file_for(publication.pictured.url)
    assert shown_on in report.written
    assert "Rivers run dry, and wells too" in (directory / shown_on).read_text()


def test_it_rewrites_the_author_page_and_pieces_of_an_edited_person(
    publication, tmp_path
):

    directory = tmp_path / "mirror"
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=True):
        export_mirror(directory)

    with time_machine.travel(start + dt.timedelta(minutes=5), tick=True):
        writer = publication.writer
        writer.pen_name = "The Nightingale"
        writer.save()
        log(writer, "wagtail.edit")
        report = export_mirror(directory, incremental=True)

    assert not report.full
    story = file_for(publication.story.url)
    assert story in report.written
    assert "The Nightingale" in (directory / story).read_text()
    assert any(name.startswith("en/authors/") for name in report.written)
    assert file_for(publication.drawing.url) not in report.rendered

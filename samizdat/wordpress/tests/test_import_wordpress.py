"""manage.py import_wordpress on an export like a real Polylang site's."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.models import Page, WorkflowState

from samizdat.articles.models import ArticlePage, SectionPage, StandardPage
from samizdat.core.roles import ensure_roles
from samizdat.people.models import Person
from samizdat.wordpress.models import ImportedItem

from .conftest import EXPORTS

POLYLANG = EXPORTS / "polylang.xml"


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def imported(editions, uploads):
    ensure_roles()
    out, err = run(str(POLYLANG), "--media", str(uploads))
    return out, err


def test_it_imports_published_posts_with_their_fields(imported):
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    assert story.live
    assert story.locale.language_code == "en"
    assert story.standfirst == "Isfahan's river has been dry for months."
    assert story.first_published_at.isoformat() == "2025-03-03T10:00:00+00:00"
    assert story.section.slug == "politics"  # Yoast's primary category
    assert [t.name for t in story.tags.all()] == ["water"]
    assert story.revisions.count() >= 1
    persian = ArticlePage.objects.get(locale__language_code="fa")
    assert persian.slug == "رودخانه‌ها-خشک-می‌شوند"
    assert "\u200c" in persian.slug


def test_it_bylines_co_authors_with_pen_names_and_bios(imported):
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    people = [a.person for a in story.article_authors.order_by("sort_order")]
    assert [(p.name, p.pen_name) for p in people] == [
        ("Leila Karimi", "Nightingale"),
        ("Sara Naderi", ""),
    ]
    assert people[1].bio == "Photographer covering the provinces."
    leila_fa = Person.objects.get(locale__language_code="fa", name="Leila Karimi")
    assert leila_fa.translation_key == people[0].translation_key


def test_it_converts_block_editor_bodies(imported):
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    kinds = [block.block_type for block in story.body]
    assert kinds == [
        "paragraph",
        "subheading",
        "quotation",
        "pull_quote",
        "image",
        "paragraph",  # the list
        "paragraph",  # the embed, as a link
        "paragraph",  # the html block, sanitised
        "paragraph",  # its iframe, as a link to what it showed
    ]
    quotation = story.body[2].value
    assert quotation["text"] == "We have not planted for two seasons."
    assert quotation["speaker"] == "Hassan Ahmadi"
    assert quotation["speaker_role"] == "farmer"
    assert quotation["date_said"].isoformat() == "2025-03-12"
    image = story.body[4].value
    assert image["alt_text"] == "Candles at night"
    assert image["caption"] == "A vigil for the river."
    assert "<li>Wells are drying</li>" in story.body[5].value.source
    embed = story.body[6].value.source
    assert 'href="https://www.youtube.com/watch?v=abc123"' in embed
    html = story.body[7].value.source
    assert "<i>provincial</i>" in html
    assert "iframe" not in html and "script" not in html and "alert" not in html
    assert 'href="https://maps.example.com/embed?x=1"' in story.body[8].value.source


def test_it_links_imported_posts_to_their_new_pages(imported):
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    dams = ArticlePage.objects.get(slug="dams")
    about = StandardPage.objects.get(slug="about")
    first = story.body[0].value.source
    assert f'<a id="{dams.pk}" linktype="page">' in first
    assert f'<a id="{about.pk}" linktype="page">' in first


def test_it_converts_classic_bodies_captions_and_shortcodes(imported):
    persian = ArticlePage.objects.get(locale__language_code="fa")
    kinds = [block.block_type for block in persian.body]
    assert kinds[:3] == ["paragraph", "paragraph", "image"]
    assert "<br>" in persian.body[1].value.source  # single newline
    caption = persian.body[2].value
    assert caption["caption"] == "بستر خشک زاینده‌رود"
    assert caption["alt_text"] == "بستر ترک‌خورده رود"
    assert "[gallery" in persian.body[3].value.source  # kept as text
    quotation = persian.body[4].value
    assert (quotation["speaker"], quotation["speaker_role"]) == ("حسن احمدی", "کشاورز")


def test_it_imports_media_once_by_content_hash(imported):
    assert Image.objects.count() == 2  # riverbed and its copy are one image
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    assert story.lead_image is not None
    assert story.lead_image_alt == "Cracked mud where the river used to run"
    assert story.lead_image_caption == "The Zayandeh Rud, dry since January."
    dams = ArticlePage.objects.get(slug="dams")
    assert dams.body[-1].value["image"].pk == story.lead_image.pk


def test_it_maps_statuses(imported):
    scheduled = ArticlePage.objects.get(slug="election-day")
    assert not scheduled.live
    assert scheduled.get_latest_revision().approved_go_live_at.year == 2031
    draft = ArticlePage.objects.get(title="Half-written draft")
    assert not draft.live and draft.slug == "half-written-draft"
    pending = ArticlePage.objects.get(slug="waiting")
    assert not pending.live
    assert WorkflowState.objects.filter(
        object_id=str(pending.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    assert not Page.objects.filter(title__in=["Staff only", "Deleted story"]).exists()


def test_it_links_polylang_translations(imported):
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    persian = ArticlePage.objects.get(locale__language_code="fa")
    assert persian.translation_key == story.translation_key
    assert persian.get_parent().locale.language_code == "fa"


def test_it_imports_pages_as_plain_pages(imported, client):
    about = StandardPage.objects.get(slug="about")
    assert about.live and about.get_parent().specific_class.__name__ == "HomePage"
    response = client.get(about.url)
    assert response.status_code == 200
    assert "independent newsroom" in response.content.decode()


def test_old_addresses_answer_301_to_the_new_page(imported, client):
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    persian = ArticlePage.objects.get(locale__language_code="fa")
    about = StandardPage.objects.get(slug="about")
    politics = SectionPage.objects.get(slug="politics")
    checked = 0
    for old, new in [
        ("/2025/03/rivers-run-dry/", story.url),
        ("/?p=101", story.url),
        (
            "/fa/2025/03/%D8%B1%D9%88%D8%AF%D8%AE%D8%A7%D9%86%D9%87%E2%80%8C%D9%87%D8"
            "%A7-%D8%AE%D8%B4%DA%A9-%D9%85%DB%8C%E2%80%8C%D8%B4%D9%88%D9%86%D8%AF/",
            persian.url,
        ),
        ("/about/", about.url),
        ("/?page_id=110", about.url),
        ("/category/politics/", politics.url),
        ("/tag/water/", "/en/tags/water/"),
        ("/author/leila/", "/en/authors/leila-karimi/"),
        ("/feed/", "/en/feeds/rss.xml"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
        assert client.get(new).status_code == 200, new
        checked += 1
    assert checked == 9


def test_it_reports_counts_and_partial_items(imported):
    out, err = imported
    assert "posts: 3" in out
    assert "pages: 1" in out
    assert "drafts: 1" in out
    assert "scheduled: 1" in out
    assert "skipped: 2" in out
    assert "people: 4" in out  # Leila and Sara in English; Omid; Leila in Persian
    assert "#107 Staff only: skipped: status private" in out
    assert "#108 Deleted story: skipped: status trash" in out
    assert "#304 Lost photo: image missing" in out
    assert "#102" in out and "featured image 304 missing" in out
    assert "[audio]" in out and "[gallery]" in out
    assert "Importing" in err  # the progress bar


def test_a_second_run_creates_nothing_and_updates_what_changed(
    imported, uploads, tmp_path
):
    pages, images, redirects = (
        Page.objects.count(),
        Image.objects.count(),
        Redirect.objects.count(),
    )
    out, _err = run(str(POLYLANG), "--media", str(uploads))
    assert "unchanged since the last run: 7" in out
    assert (Page.objects.count(), Image.objects.count()) == (pages, images)
    assert Redirect.objects.count() == redirects
    changed = tmp_path / "changed.xml"
    changed.write_text(
        POLYLANG.read_text(encoding="utf-8").replace(
            "Farmers wait", "Farmers still wait"
        ),
        encoding="utf-8",
    )
    story = ArticlePage.objects.get(slug="rivers-run-dry")
    revisions = story.revisions.count()
    out, _err = run(str(changed), "--media", str(uploads))
    assert "updated (new revision): 1" in out
    assert Page.objects.count() == pages
    story.refresh_from_db()
    assert story.revisions.count() == revisions + 1
    assert story.body[1].value == "Farmers still wait"
    assert ImportedItem.objects.filter(kind="post", wp_id=101).count() == 1


def test_a_dry_run_writes_nothing(editions, uploads, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    pages = Page.objects.count()
    out, _err = run(str(POLYLANG), "--media", str(uploads), "--dry-run")
    assert out.startswith("Dry run: nothing was written.")
    assert "posts: 3" in out and "images: 3" in out
    assert Page.objects.count() == pages
    assert not Redirect.objects.exists() and not Person.objects.exists()
    assert not ImportedItem.objects.exists() and not Image.objects.exists()
    assert not (tmp_path / "media").exists()


def test_a_section_map_merges_categories(editions, uploads, tmp_path):
    mapping = tmp_path / "sections.txt"
    mapping.write_text("# ours\npolitics = news\neconomy = news\n", encoding="utf-8")
    run(str(POLYLANG), "--media", str(uploads), "--section-map", str(mapping))
    news = SectionPage.objects.get(slug="news", locale__language_code="en")
    assert ArticlePage.objects.filter(section=news).count() == 5
    assert not SectionPage.objects.filter(slug__in=["politics", "economy"]).exists()


def test_a_merged_category_redirects_to_its_section(
    editions, uploads, tmp_path, client
):
    mapping = tmp_path / "sections.txt"
    mapping.write_text("politics = news\neconomy = news\n", encoding="utf-8")
    run(str(POLYLANG), "--media", str(uploads), "--section-map", str(mapping))
    news = SectionPage.objects.get(slug="news", locale__language_code="en")
    checked = 0
    for old in ("/category/politics/", "/category/economy/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, news.url)
        checked += 1
    assert checked == 2


def test_an_export_without_languages_goes_to_the_given_edition(editions):
    out, _err = run(str(EXPORTS / "classic.xml"), "--edition", "fa")
    note = ArticlePage.objects.get()
    assert note.locale.language_code == "fa"
    assert [b.block_type for b in note.body] == ["paragraph", "paragraph"]
    assert note.section.title == "یادداشت"
    assert "did not convert" not in out
    assert "redirects: 6" in out


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", "truncated.xml is not readable XML"),
        ("not-wxr.xml", "not a WordPress export"),
        ("unknown-encoding.xml", "unknown encoding, 'x-klingon-7'"),
        ("missing.xml", "No such file"),
    ],
)
def test_bad_files_give_one_line_and_write_nothing(editions, name, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError) as raised:
        run(str(EXPORTS / name))
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert Page.objects.count() == pages


def test_a_missing_media_folder_is_refused(editions, tmp_path):
    with pytest.raises(CommandError, match="media folder .* does not exist"):
        run(str(POLYLANG), "--media", str(tmp_path / "nowhere"))


def test_it_indexes_in_batches_and_mails_no_one(
    editions, uploads, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult
    from wagtail.search.backends import get_search_backend

    from samizdat.newsletter.models import SectionMailing

    ensure_roles()
    # A section that mails every new article: an archive must not go out.
    politics = SectionPage(title="Politics", slug="politics", show_in_menus=True)
    editions["en"].add_child(instance=politics)
    politics.save_revision().publish()
    SectionMailing.objects.create(section=politics, mail_new_articles=True)
    before = set(DBTaskResult.objects.values_list("id", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        run(str(POLYLANG), "--media", str(uploads))
    queued = DBTaskResult.objects.exclude(id__in=before)
    paths = list(queued.values_list("task_path", flat=True))
    assert not [p for p in paths if "insert_or_update" in p]
    mailed = [
        task.args_kwargs["args"][0]
        for task in queued.filter(task_path__endswith="mail_article")
    ]
    # No imported post goes out, not even the scheduled one: like a piece
    # scheduled in the admin, it is mailed when it goes live.
    assert mailed == []
    # Related lists follow in one rebuild, not one refresh per post; the
    # reference index is queued once per page written, not once per save.
    assert [p for p in paths if p.endswith("rebuild_related")] == [
        "samizdat.related.tasks.rebuild_related"
    ]
    assert not [p for p in paths if "refresh_related" in p]
    referenced = sorted(
        int(task.args_kwargs["args"][2])
        for task in queued.filter(task_path__endswith="update_reference_index_task")
    )
    written = sorted(
        ImportedItem.objects.filter(page__isnull=False).values_list(
            "page_id", flat=True
        )
    )
    assert len(written) >= 5
    assert referenced == written
    assert not ImportedItem.objects.filter(pending=True).exists()
    found = get_search_backend().search("Zayandeh", ArticlePage)
    assert [page.slug for page in found] == ["rivers-run-dry"]

    # The scheduled post is mailed when it goes live.
    election_day = ArticlePage.objects.get(slug="election-day")
    assert not election_day.live
    with time_machine.travel(dt.datetime(2031, 6, 1, 6, 1, tzinfo=dt.UTC)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled")
    went_live = DBTaskResult.objects.exclude(id__in=before).filter(
        task_path__endswith="mail_article"
    )
    assert [task.args_kwargs["args"][0] for task in went_live] == [election_day.pk]


def test_a_published_post_has_one_live_revision_and_a_publish_entry(imported):
    from wagtail.models import PageLogEntry

    checked = 0
    for story in ArticlePage.objects.live():
        assert not story.has_unpublished_changes
        assert story.live_revision_id == story.latest_revision_id is not None
        actions = list(
            PageLogEntry.objects.filter(page=story).values_list("action", flat=True)
        )
        # One publish per revision: a post that linked to a later one was
        # published again once that one existed.
        assert actions.count("wagtail.publish") == story.revisions.count()
        # The revision holds the page as published, so reverting to it works.
        assert story.live_revision.as_object().title == story.title
        checked += 1
    assert checked == 3


def test_an_interrupted_run_is_indexed_by_the_next(editions, uploads, monkeypatch):
    from wagtail.search.backends import get_search_backend

    from samizdat.wordpress.services import Importer

    ensure_roles()

    def stop(self) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(Importer, "_index", stop)
        with pytest.raises(KeyboardInterrupt):
            run(str(POLYLANG), "--media", str(uploads))
    pending = ImportedItem.objects.filter(pending=True)
    assert pending.count() >= 5
    assert not list(get_search_backend().search("Zayandeh", ArticlePage))
    out, _err = run(str(POLYLANG), "--media", str(uploads))
    assert "unchanged since the last run: 7" in out
    assert not pending.exists()
    found = get_search_backend().search("Zayandeh", ArticlePage)
    assert [page.slug for page in found] == ["rivers-run-dry"]


def test_an_import_purges_each_listing_once_not_each_post(
    editions, uploads, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "samizdat.operations.purge.PurgeBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    ensure_roles()
    with django_capture_on_commit_callbacks(execute=True):
        run(str(POLYLANG), "--media", str(uploads))
    queued = DBTaskResult.objects.all()
    purged_pages = sorted(
        task.args_kwargs["args"][0]
        for task in queued.filter(task_path__endswith="purge_page")
    )
    purged_people = sorted(
        task.args_kwargs["args"][0]
        for task in queued.filter(task_path__endswith="purge_person")
    )
    # New pieces were in no cache: the sections they went into are purged
    # (with their edition's home and feeds), and the people they byline.
    sections = sorted(SectionPage.objects.values_list("pk", flat=True))
    assert len(sections) >= 3
    assert purged_pages == sections
    assert purged_people == sorted(Person.objects.values_list("pk", flat=True))
    assert len(purged_people) >= 3

from __future__ import annotations

import json
import re
import secrets

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from samizdat.mirror import export as export_module
from samizdat.mirror.export import MANIFEST, export_mirror
from samizdat.mirror.rewrite import file_for
from samizdat.mirror.tests import linkcheck
from samizdat.mirror.tests.conftest import ONION


@pytest.fixture
def exported(publication, tmp_path):
    prefix = "m" + secrets.token_hex(4)
    directory = tmp_path / prefix
    report = export_mirror(directory)
    assert not report.errors, report.errors
    return directory, prefix, report


def test_it_exports_every_kind_of_page_of_both_editions(exported, publication):
    directory, _prefix, report = exported

    for url in (
        "/en/",
        "/fa/",
        publication.story.url,
        publication.drawing.url,
        publication.fa_story.url,
        publication.translation.url,
        publication.news.url,
        publication.news.url + "page/2/",
        "/en/authors/",
        "/en/authors/leila-karimi/",
        "/en/tags/",
        "/en/tags/water/",
        "/fa/tags/آب/",
        "/en/feeds/rss.xml",
        "/fa/feeds/feed.json",
        "/en/feeds/section/news/atom.xml",
        "/en/search/",
    ):
        path = file_for(url)
        assert (directory / path).is_file(), url
    assert (directory / "index.html").is_file()
    assert json.loads((directory / "mirrors.json").read_text())["onion"] == ONION
    assert (directory / "static/css/site.css").is_file()
    assert list((directory / "static/fonts").glob("*.woff2"))
    # The cartoon's renditions, as its page's <picture> links them.
    page = directory / file_for(publication.drawing.url)
    linked = re.findall(r'srcset="([^"]+)"', page.read_text())
    files = {
        (page.parent / entry.split()[0]).resolve()
        for srcset in linked
        for entry in srcset.split(", ")
    }
    assert {f.suffix for f in files} == {".avif", ".webp", ".jpg"}
    assert all(f.is_file() for f in files), files
    assert (directory / MANIFEST).is_file()


def test_it_leaves_no_broken_link_under_a_random_prefix(exported):
    directory, prefix, _report = exported

    with linkcheck.serve(directory.parent) as origin:
        problems = linkcheck.check(directory, origin, prefix, settings.BASE_URL)

    assert problems == []


def test_it_keeps_canonical_urls_absolute_and_links_relative(exported, publication):
    directory, _prefix, _report = exported
    html = (directory / file_for(publication.story.url)).read_text()

    canonical = settings.BASE_URL + publication.story.url
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert 'href="../../../static/css/site.css"' in html
    assert 'href="../../feeds/rss.xml"' in html
    assert 'href="../../../fa/' in html


def test_it_announces_the_onion_address_and_the_mirrors(exported, publication):
    directory, _prefix, _report = exported
    html = (directory / "en/index.html").read_text()

    assert f'<meta http-equiv="onion-location" content="{ONION}/en/">' in html
    assert "https://mirror-two.example.org/news/" in html


def test_it_leaves_out_the_count_and_forms_that_need_the_server(exported, publication):
    directory, _prefix, _report = exported
    html = (directory / file_for(publication.story.url)).read_text()

    assert 'class="count"' not in html
    assert 'method="post"' not in html.lower()
    assert 'data-mirror="canonical"' in html


def test_it_replaces_search_with_a_static_search(exported):
    directory, _prefix, _report = exported
    page = (directory / "en/search/index.html").read_text()
    index = (directory / "en/search-index.js").read_text()

    assert 'src="../search-index.js"' in page
    assert 'src="../../static/mirror/search.js"' in page
    assert "Without JavaScript, browse by section or topic" in page
    entries = json.loads(index.removeprefix("window.SAMIZDAT_SEARCH=").rstrip(";\n"))
    story = next(e for e in entries if e[0] == "Rivers run dry")
    assert (directory / "en/search" / story[1]).resolve().is_file()


def test_it_writes_nothing_when_nothing_changed(exported):
    directory, _prefix, _report = exported

    again = export_mirror(directory)

    assert again.written == []
    assert again.unchanged == again.files


def test_it_refuses_a_directory_it_cannot_create(tmp_path, editions):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")

    with pytest.raises(CommandError, match="cannot create"):
        call_command("export_mirror", str(blocker / "mirror"), "--no-progress")


def test_it_writes_the_same_files_with_worker_processes(
    transactional_db, publication, tmp_path, monkeypatch
):
    """Workers open their own database connections, so the data is committed
    (transactional_db) for them to see on PostgreSQL too."""
    directory = tmp_path / "sequential"
    report = export_mirror(directory)
    monkeypatch.setattr(export_module, "PARALLEL_THRESHOLD", 1)

    parallel = export_mirror(tmp_path / "parallel", workers=2)

    assert not parallel.errors
    assert sorted(parallel.rendered) == sorted(report.rendered)
    old = json.loads((directory / MANIFEST).read_text())["files"]
    new = json.loads((tmp_path / "parallel" / MANIFEST).read_text())["files"]
    assert new == old


def test_its_workers_stop_though_the_process_only_notes_sigterm(
    transactional_db, publication, tmp_path, monkeypatch
):
    """A process that installed a SIGTERM handler which only takes note (a
    task worker's graceful shutdown, run earlier in the same process) still
    gets its export back: the pool stops its workers with SIGTERM."""
    import signal
    import threading

    noted: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: noted.append(1))
    monkeypatch.setattr(export_module, "PARALLEL_THRESHOLD", 1)
    reports: list = []
    exporting = threading.Thread(
        target=lambda: reports.append(export_mirror(tmp_path / "out", workers=2)),
        daemon=True,
    )
    try:
        exporting.start()
        exporting.join(timeout=180)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert not exporting.is_alive(), "the export never returned"
    assert not reports[0].errors
    assert noted == []  # the workers' SIGTERM never reached this process

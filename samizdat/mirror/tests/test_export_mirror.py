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


def _render_and_check_signals(urls):
    """An export worker's share, flagged if the worker kept a SIGTERM
    handler from the process that forked it."""
    import signal

    share = _original_render_in_worker(urls)
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        share.errors.append("worker inherited a SIGTERM handler")
    return share


_original_render_in_worker = export_module._render_in_worker


def test_its_workers_end_on_sigterm_whatever_the_process_installed(
    transactional_db, publication, tmp_path, monkeypatch
):
    """The pool stops its forked workers with SIGTERM. A worker that kept a
    handler installed earlier in the exporting process (a task worker's
    graceful shutdown, which logs and exits from Python) could block on a
    lock another thread held at the fork, and the export with it, so the
    workers run with the default action."""
    import signal

    monkeypatch.setattr(export_module, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(export_module, "_render_in_worker", _render_and_check_signals)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        report = export_mirror(tmp_path / "out", workers=2)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert report.errors == []
    assert report.rendered

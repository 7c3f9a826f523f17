from __future__ import annotations

from samizdat.mirror.export import export_mirror
from samizdat.mirror.plan import full_plan
from samizdat.mirror.rewrite import file_for


def test_the_mirror_exports_each_public_figures_record(record, tmp_path):
    plan = full_plan()
    wanted = [
        "/en/said/ali-khamenei/",
        "/en/said/ali-khamenei/2025/3/",
        "/en/said/ali-khamenei/rss.xml",
        "/en/said/ali-khamenei/atom.xml",
        "/fa/said/khamenei/",
        "/fa/said/khamenei/1403/12/",
    ]
    assert all(url in plan.urls for url in wanted)
    assert not any(record.witness.slug in url for url in plan.urls if "/said/" in url)
    report = export_mirror(tmp_path / "m")
    assert not report.errors, report.errors
    for url in wanted:
        assert (tmp_path / "m" / file_for(url)).is_file(), url
    html = (tmp_path / "m" / file_for("/en/said/ali-khamenei/")).read_text()
    assert "Water is a right." in html

from __future__ import annotations

import socket

import boto3
import pytest
from django.core.management import CommandError, call_command

from samizdat.articles.tests import factories
from samizdat.mirror.export import export_mirror
from samizdat.mirror.publish import (
    FolderTarget,
    S3Target,
    content_type,
    publish_mirror,
)


@pytest.fixture
def export(editions, tmp_path):
    news = factories.section("News")
    story = factories.article(news, "First light", lead_image=factories.image())
    directory = tmp_path / "export"
    export_mirror(directory)
    return directory, story


def test_it_copies_an_export_to_a_folder_then_only_what_changed(export, tmp_path):
    directory, story = export
    target = tmp_path / "site"

    first = publish_mirror(directory, FolderTarget(target))
    (directory / "en/index.html").write_text("changed", "utf-8")
    (target / "stale.html").write_text("old", "utf-8")
    second = publish_mirror(directory, FolderTarget(target), delete=True)

    assert "en/index.html" in first.uploaded and first.unchanged == 0
    assert (target / "static/css/site.css").is_file()
    assert second.uploaded == ["en/index.html"]
    assert second.deleted == ["stale.html"]
    assert (target / "en/index.html").read_text() == "changed"
    assert not (target / ".samizdat-mirror.json").exists()


def test_it_names_content_types_for_feeds_pages_and_assets():
    assert content_type("en/feeds/rss.xml") == "application/rss+xml; charset=utf-8"
    assert content_type("en/feeds/atom.xml").startswith("application/atom+xml")
    assert content_type("en/feeds/feed.json").startswith("application/feed+json")
    assert content_type("en/news/index.html") == "text/html; charset=utf-8"
    assert content_type("static/fonts/v.woff2") == "font/woff2"
    assert content_type("static/css/site.css") == "text/css; charset=utf-8"
    assert content_type("media/images/a.width-800.jpg") == "image/jpeg"
    assert content_type("mirrors.json") == "application/json"


def test_it_refuses_a_directory_without_an_export(tmp_path, db):
    with pytest.raises(CommandError, match="holds no export"):
        call_command("publish_mirror", str(tmp_path), str(tmp_path / "out"))


def test_it_refuses_an_unknown_target(export):
    directory, _story = export
    with pytest.raises(CommandError, match="unknown target"):
        call_command("publish_mirror", str(directory), "ftp://example.org/x")


@pytest.fixture
def s3(monkeypatch):
    """A bucket on moto's S3 server on a free local port."""
    # moto's server (Flask) takes a second to import; only this fixture needs it.
    from moto.server import ThreadedMotoServer

    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        monkeypatch.setenv(name, value)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket="mirror")
    yield client, endpoint
    server.stop()


def test_it_uploads_to_an_s3_bucket_with_content_types(export, s3):
    directory, _story = export
    client, endpoint = s3

    call_command(
        "publish_mirror",
        str(directory),
        "s3://mirror/news",
        "--endpoint-url",
        endpoint,
        "--no-progress",
    )
    again = publish_mirror(directory, S3Target("mirror", "news", client=client))

    head = client.head_object(Bucket="mirror", Key="news/en/feeds/rss.xml")
    assert head["ContentType"] == "application/rss+xml; charset=utf-8"
    page = client.head_object(Bucket="mirror", Key="news/en/index.html")
    assert page["ContentType"] == "text/html; charset=utf-8"
    assert page["CacheControl"] == "public, max-age=300"
    assert again.uploaded == [] and again.unchanged > 10

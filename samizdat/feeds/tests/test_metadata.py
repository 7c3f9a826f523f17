from __future__ import annotations

import json
from html.parser import HTMLParser

from django.conf import settings

from samizdat.articles.tests import factories


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False


def head_of(response) -> Head:
    parser = Head()
    parser.feed(response.content.decode())
    return parser


def test_it_describes_an_article_with_json_ld_and_every_author(client, publication):
    head = head_of(client.get(publication.story.url))

    [script] = head.jsonld
    data = json.loads(script)
    assert data["@type"] == "NewsArticle"
    assert [a["name"] for a in data["author"]] == [
        "Leila Karimi (Nightingale)",
        "Omid Rahimi",
    ]
    assert all(a["@type"] == "Person" for a in data["author"])
    assert data["author"][0]["url"].startswith(settings.BASE_URL + "/en/")
    assert data["url"] == settings.BASE_URL + publication.story.url
    assert data["articleSection"] == "News"
    assert data["publisher"]["name"] == settings.WAGTAIL_SITE_NAME
    assert data["datePublished"] and data["dateModified"]


def test_it_names_the_kind_of_piece_and_its_image(client, publication):
    head = head_of(client.get(publication.drawing.url))

    data = json.loads(head.jsonld[0])
    assert data["@type"] == "OpinionNewsArticle"
    assert data["image"][0].startswith(settings.BASE_URL + "/media/")
    assert head.meta["og:image"] == data["image"][0]
    assert head.meta["twitter:card"] == "summary_large_image"


def test_it_maps_analysis_and_report_to_their_schema_types(client, publication):
    for kind, expected in (
        ("analysis", "AnalysisNewsArticle"),
        ("report", "ReportageNewsArticle"),
    ):
        page = factories.article(publication.news, kind=kind)
        data = json.loads(head_of(client.get(page.url)).jsonld[0])
        assert data["@type"] == expected


def test_it_gives_opengraph_and_twitter_tags_absolute_urls(client, publication):
    head = head_of(client.get(publication.story.url))

    assert head.meta["og:type"] == "article"
    assert head.meta["og:url"] == settings.BASE_URL + publication.story.url
    assert head.meta["og:title"] == "Rivers run dry"
    assert head.meta["twitter:title"] == "Rivers run dry"
    assert head.meta["article:section"] == "News"
    canonical = next(link for link in head.links if link.get("rel") == "canonical")
    assert canonical["href"] == head.meta["og:url"]


def test_it_links_the_feeds_of_the_section_shown(client, publication):
    head = head_of(client.get(publication.news.url))

    feeds = {
        link["href"]
        for link in head.links
        if link.get("rel") == "alternate" and link.get("type")
    }
    assert feeds == {
        "/en/feeds/rss.xml",
        "/en/feeds/atom.xml",
        "/en/feeds/feed.json",
        "/en/feeds/section/news/rss.xml",
        "/en/feeds/section/news/atom.xml",
    }
    assert not head.jsonld


def test_it_links_author_and_tag_feeds(client, publication):
    author = head_of(client.get("/en/authors/sara-naderi/"))
    tag = head_of(client.get("/en/tags/water/"))

    assert any(
        link.get("href") == "/en/feeds/author/sara-naderi/rss.xml"
        for link in author.links
    )
    assert any(link.get("href") == "/en/feeds/tag/water/atom.xml" for link in tag.links)


def test_it_keeps_the_article_page_light(client, publication):
    response = client.get(publication.story.url)

    assert len(response.content) <= 30_000

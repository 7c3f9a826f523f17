"""Reader pages load nothing from another host, set no cookie for readers,
and tell front caches what they may keep."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import User

from samizdat.articles.tests.test_reader_pages import reader_urls

pytestmark = pytest.mark.django_db

URL_ATTRIBUTES = ("src", "href", "action", "poster", "data", "formaction", "cite")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def urls_in(html: str) -> list[str]:
    """Every URL the page refers to: attributes, srcset and CSS url()."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        for name in URL_ATTRIBUTES:
            if tag.get(name):
                found.append(tag[name])
        for name in ("srcset", "imagesrcset"):
            if tag.get(name):
                found += [part.split()[0] for part in tag[name].split(",") if part]
        if tag.get("style"):
            found += CSS_URL.findall(tag["style"])
        if tag.name == "style":
            found += CSS_URL.findall(tag.get_text())
        if tag.name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
            found.append(tag.get("content", ""))
    return found


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return True
    return url.startswith(settings.BASE_URL + "/")


def all_reader_urls(pub) -> list[str]:
    return [url for edition in reader_urls(pub).values() for url in edition.values()]


def test_it_refers_to_nothing_on_another_host(client, publication):
    checked = 0
    for url in all_reader_urls(publication):
        response = client.get(url)
        assert response.status_code == 200, url
        foreign = [u for u in urls_in(response.content.decode()) if not is_local(u)]
        assert foreign == [], url
        checked += 1
    assert checked == 16


def test_it_loads_no_third_party_url_from_the_stylesheet(client, publication):
    soup = BeautifulSoup(client.get(publication.story.url).content, "html.parser")
    stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert len(stylesheets) == 1
    css = b"".join(client.get(stylesheets[0]).streaming_content).decode()
    assert [u for u in CSS_URL.findall(css) if not is_local(u)] == []


def test_it_runs_no_script_on_reader_pages(client, publication):
    for url in all_reader_urls(publication):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert soup.find_all("script", src=True) == [], url


def test_it_sets_no_cookie_for_an_anonymous_reader(client, publication):
    for url in all_reader_urls(publication):
        response = client.get(url)
        assert not response.cookies, url
        assert not response.has_header("Set-Cookie"), url
    assert not client.get(publication.news.url + "page/99/").cookies


def test_it_lets_front_caches_keep_pages_for_anonymous_readers(client, publication):
    for url in all_reader_urls(publication):
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control, url
        assert "private" not in cache_control, url
        assert "s-maxage=" in cache_control, url


def test_it_keeps_pages_private_for_a_logged_in_editor(client, publication):
    client.force_login(User.objects.create_user("ed", password="not-used"))
    for url in all_reader_urls(publication):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control, url
        assert "public" not in cache_control, url

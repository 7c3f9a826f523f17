"""Feed and sitemap addresses. `edition_urlpatterns` go inside
i18n_patterns (one set per edition); `root_urlpatterns` sit at the root."""

from __future__ import annotations

from django.urls import path

from . import views

edition_urlpatterns = [
    path("feeds/rss.xml", views.feed, {"fmt": "rss"}, name="feeds_edition_rss"),
    path("feeds/atom.xml", views.feed, {"fmt": "atom"}, name="feeds_edition_atom"),
    path("feeds/feed.json", views.feed, {"fmt": "json"}, name="feeds_edition_json"),
    path(
        "feeds/<str:kind>/<str:slug>/rss.xml",
        views.feed,
        {"fmt": "rss"},
        name="feeds_rss",
    ),
    path(
        "feeds/<str:kind>/<str:slug>/atom.xml",
        views.feed,
        {"fmt": "atom"},
        name="feeds_atom",
    ),
    path("sitemap.xml", views.sitemap, name="feeds_sitemap"),
    path("news-sitemap.xml", views.news_sitemap, name="feeds_news_sitemap"),
]

root_urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="feeds_sitemap_index"),
    path("robots.txt", views.robots, name="feeds_robots"),
    path(".well-known/security.txt", views.security_txt, name="feeds_security_txt"),
]

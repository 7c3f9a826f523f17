"""A speaker's record inside each edition: /<edition>/said/<slug>/..."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "quotes"

urlpatterns = [
    path("said/", views.speakers, name="speakers"),
    path("said/<str:slug>/", views.speaker, name="speaker"),
    path("said/<str:slug>/page/<int:number>/", views.speaker, name="speaker_page"),
    path(
        "said/<str:slug>/<int:year>/<int:month>/",
        views.speaker_month,
        name="speaker_month",
    ),
    path("said/<str:slug>/rss.xml", views.feed, {"fmt": "rss"}, name="rss"),
    path("said/<str:slug>/atom.xml", views.feed, {"fmt": "atom"}, name="atom"),
]

from __future__ import annotations

from django.urls import path

from . import views

urlpatterns = [
    path("mirrors.json", views.mirrors_json, name="mirrors_json"),
]

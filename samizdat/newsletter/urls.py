"""Reader pages go inside i18n_patterns (their mail and pages speak the
reader's edition); providers' tracking webhooks (anymail's, under
/newsletter/anymail/<provider>/tracking/) do not."""

from __future__ import annotations

from django.urls import include, path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", views.subscribe, name="subscribe"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/preferences/<str:token>/", views.preferences, name="preferences"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

webhook_urlpatterns = [
    path("newsletter/anymail/", include("anymail.urls")),
]

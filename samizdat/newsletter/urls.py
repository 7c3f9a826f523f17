"""Reader pages go inside i18n_patterns (their mail and pages speak the
reader's edition); the provider webhook does not."""

from __future__ import annotations

from django.urls import path

from . import views, webhooks

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", views.subscribe, name="subscribe"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/preferences/<str:token>/", views.preferences, name="preferences"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

webhook_urlpatterns = [
    path("newsletter/webhook/", webhooks.bounce_webhook, name="newsletter_webhook"),
]

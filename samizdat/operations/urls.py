"""Health checks for load balancers and monitoring, outside the editions."""

from __future__ import annotations

from django.urls import path

from .health import Health

urlpatterns = [
    path("healthz", Health.as_view(), name="healthz"),
    path("healthz/web", Health.as_view(web_only=True), name="healthz-web"),
]

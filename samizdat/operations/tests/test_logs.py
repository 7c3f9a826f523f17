"""A request for a host we do not serve is logged as one warning line."""

from __future__ import annotations

import logging

import pytest


@pytest.mark.django_db
def test_a_disallowed_host_is_a_warning_without_traceback(client, settings, caplog):
    settings.ALLOWED_HOSTS = ["example.org"]
    with caplog.at_level(logging.INFO):
        response = client.get("/en/", HTTP_HOST="scanner.invalid")
    assert response.status_code == 400
    [record] = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and "scanner.invalid" in record.getMessage()

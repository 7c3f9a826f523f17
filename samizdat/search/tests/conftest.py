from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _index_at_once(settings):
    """Run Wagtail's indexing tasks as they are enqueued, as a worker would."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }

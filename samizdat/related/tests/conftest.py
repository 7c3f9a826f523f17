from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _tasks_at_once(settings):
    """Run enqueued tasks (Wagtail's indexing, our refresh) straight away."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }

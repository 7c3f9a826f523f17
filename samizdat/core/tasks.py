"""Periodic housekeeping run by the task worker."""

from __future__ import annotations

import io

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_pages() -> str:
    """Publish pages whose scheduled time has come and unpublish expired ones.

    Idempotent: Wagtail publishes each due revision once and clears its date,
    so a second run finds nothing to do."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()

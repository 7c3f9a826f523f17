from __future__ import annotations

from django.conf import settings

from samizdat.editions.conf import edition_for


def edition(request) -> dict:
    """The active edition (language, direction, calendar) for every template."""
    return {"edition": edition_for(), "site_name": settings.WAGTAIL_SITE_NAME}

from __future__ import annotations

from samizdat.editions.conf import edition_for


def edition(request) -> dict:
    """The active edition (language, direction, calendar) for every template."""
    current = edition_for()
    return {"edition": current, "site_name": current.site_name}

"""What an edition is: a language with a direction, a calendar and digits.

Everything comes from settings (LANGUAGES, SAMIZDAT_EDITIONS) and Django's
language info, so adding an edition is configuration, not code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language, get_language_info

CALENDARS = {"gregorian", "jalali"}
DIGITS = {
    "latn": "0123456789",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "arab": "٠١٢٣٤٥٦٧٨٩",
}


@dataclass(frozen=True)
class Edition:
    code: str
    name: str
    rtl: bool
    calendar: str
    digits: str
    # The outlet's name as this edition's readers read it (the masthead, page
    # titles, feeds, mails): SAMIZDAT_EDITIONS' "site_name", else SITE_NAME.
    site_name: str

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


@lru_cache(maxsize=32)
def _edition(code: str, config_key: tuple, site_name: str) -> Edition:
    config = dict(config_key)
    info = get_language_info(code) if _known_to_django(code) else {}
    names = dict(settings.LANGUAGES)
    calendar = config.get("calendar", "gregorian")
    digits = config.get("digits", "latn")
    if calendar not in CALENDARS:
        raise ValueError(f"Edition {code}: unknown calendar {calendar!r}")
    if digits not in DIGITS:
        raise ValueError(f"Edition {code}: unknown digits {digits!r}")
    return Edition(
        code=code,
        name=names.get(code, info.get("name_local", code)),
        rtl=config.get("rtl", info.get("bidi", False)),
        calendar=calendar,
        digits=digits,
        site_name=config.get("site_name") or site_name,
    )


def _known_to_django(code: str) -> bool:
    try:
        get_language_info(code)
    except KeyError:
        return False
    return True


def current_code() -> str:
    """The code of the edition being read: the active language without its
    region, or the site's default language when none is active."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def edition_for(code: str | None = None) -> Edition:
    """The edition for a language code (the active language by default)."""
    code = code.split("-")[0] if code else current_code()
    config = settings.SAMIZDAT_EDITIONS.get(code, {})
    return _edition(code, tuple(sorted(config.items())), settings.WAGTAIL_SITE_NAME)


def all_editions() -> list[Edition]:
    return [edition_for(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]

"""Quiet, useful logs: what a sysadmin reads must not be buried."""

from __future__ import annotations

import logging


class DisallowedHostAsWarning(logging.Filter):
    """A request for a host we do not serve (scanners, stale DNS) is a
    warning on one line, not an error with a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        return True

"""The client address of a staff request, as the trusted proxy saw it."""

from __future__ import annotations

import ipaddress

from django.http import HttpRequest

from samizdat.audience.privacy import client_address as _reader_address


def client_address(request: HttpRequest) -> str | None:
    """The address lock-outs count and the audit log records: the one header
    the deployment trusts (COUNT_CLIENT_IP_HEADER), never one the client set.
    None when that is not an IP address (the database column is one)."""
    for candidate in (_reader_address(request), request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(candidate.strip()))
        except ValueError:
            continue
    return None

"""The client address of a staff request, as the trusted proxy saw it."""

from __future__ import annotations

from django.http import HttpRequest

from samizdat.audience.privacy import client_address as _reader_address


def client_address(request: HttpRequest) -> str:
    """The address lock-outs count and the audit log records: the one header
    the deployment trusts (COUNT_CLIENT_IP_HEADER), never one the client set."""
    return _reader_address(request) or "unknown"

"""Error reports to Sentry that tell what broke and nothing about who.

With SENTRY_DSN set, `init()` (called from the settings) starts sentry-sdk
with Django's integration, no default personal data, and `scrub` as the last
step before an event or transaction leaves the process. Our readers and
staff are watched by their governments, so a report keeps the exception,
the code path and the URL pattern, and loses: cookies, the request body,
every query string value (a reader's search words too), client addresses,
the user but for their id, every value stored under a name that sounds
secret or personal (address, email, token, key, password, session, ...),
and, in any text that remains, mail addresses, signed tokens (Django's
`value:stamp:signature`), Fernet tokens (stored subscriber addresses) and
the 64-hex address hashes. Nothing here imports Django models: the settings
import it."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

FILTERED = "[Filtered]"

SECRET_NAMES = re.compile(
    r"pass|secret|token|key|auth|cookie|session|csrf|signature|signed|address|"
    r"e?mail|subscriber|recipient|dsn|credential|forwarded|otp|^code$|"
    r"^ip$|_ip$|^ip_|remote_addr",
    re.IGNORECASE,
)
PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # mail addresses
    re.compile(r"[\w.=-]+:[\w-]{4,}(?::[\w-]{4,})?:[\w-]{20,}"),  # signed values
    re.compile(r"gAAAAA[\w=-]{20,}"),  # Fernet tokens
    re.compile(r"\b[0-9a-f]{64}\b"),  # keyed hashes of addresses
]
DROP_HEADERS = re.compile(
    r"^(cookie|authorization|proxy-authorization|x-csrftoken|x-forwarded-for|"
    r"x-real-ip|forwarded|cf-connecting-ip|true-client-ip)$",
    re.IGNORECASE,
)
# A path segment that is a link's token (the newsletter's signed links).
TOKEN_SEGMENT = re.compile(r"^[\w.=-]*:[\w:.=-]+$|^[\w=-]{32,}$")


# A query string inside text (a request's repr in a frame's variables).
QUERY_IN_TEXT = re.compile(r"\?[^\s'\"<>]+")


def scrub_text(text: str) -> str:
    text = QUERY_IN_TEXT.sub("?" + FILTERED, text)
    for pattern in PATTERNS:
        text = pattern.sub(FILTERED, text)
    return text


def scrub_value(value: Any, name: str = "") -> Any:
    """`value` with secrets gone: by its name, then by what its text looks like."""
    if name and SECRET_NAMES.search(name):
        return FILTERED
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {k: scrub_value(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub_value(v) for v in value]
    return value


def scrub_path(path: str) -> str:
    return "/".join(
        FILTERED if TOKEN_SEGMENT.match(segment) else segment
        for segment in path.split("/")
    )


def scrub_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(scrub_text(name), FILTERED) for name, _value in pairs])


def scrub_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(
        (
            parts.scheme,
            parts.netloc,
            scrub_path(parts.path),
            scrub_query(parts.query),
            "",
        )
    )


def scrub_request(request: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    if "method" in request:
        kept["method"] = request["method"]
    if isinstance(request.get("url"), str):
        kept["url"] = scrub_url(request["url"])
    if isinstance(request.get("query_string"), str):
        kept["query_string"] = scrub_query(request["query_string"])
    headers = request.get("headers")
    if isinstance(headers, dict):
        kept["headers"] = {
            name: scrub_value(value, "" if name.lower() != "referer" else name)
            for name, value in headers.items()
            if not DROP_HEADERS.match(name)
        }
        if "Referer" in kept["headers"]:
            kept["headers"]["Referer"] = FILTERED
    if request.get("data") is not None:
        kept["data"] = FILTERED
    # cookies and env (REMOTE_ADDR, SERVER_NAME) are dropped
    return kept


def scrub(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """sentry-sdk's before_send and before_send_transaction."""
    event = dict(event)
    if isinstance(event.get("request"), dict):
        event["request"] = scrub_request(event["request"])
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    for key in ("transaction",):
        if isinstance(event.get(key), str):
            event[key] = scrub_path(scrub_text(event[key]))
    for key in ("message", "logentry", "exception", "threads", "extra", "contexts",
                "tags", "breadcrumbs", "spans", "modules_unused"):  # fmt: skip
        if key in event:
            event[key] = scrub_value(event[key])
    return event


def scrub_breadcrumb(crumb: dict[str, Any], hint: dict[str, Any] | None = None):
    """sentry-sdk's before_breadcrumb: SQL parameters and log text cleaned."""
    return scrub_value(crumb)


def init(dsn: str, environment: str, release: str, traces: float, **extra: Any) -> None:
    # Imported here: sentry-sdk is loaded only when a DSN is configured.
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        integrations=[DjangoIntegration()],
        # What the integrations collect at all; `scrub` then cleans the rest.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_bodies": [],
            "database_query_data": False,
            "queues": False,
            "graphql": {"document": False, "variables": False},
            "gen_ai": {"inputs": False, "outputs": False},
            "stack_frame_variables": True,
        },
        traces_sample_rate=traces,
        before_send=scrub,  # type: ignore[arg-type]
        before_send_transaction=scrub,  # type: ignore[arg-type]
        before_breadcrumb=scrub_breadcrumb,
        **extra,
    )

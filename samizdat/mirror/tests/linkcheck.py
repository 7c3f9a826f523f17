"""A link checker for exported mirrors, written for the tests: serves the
export under a path prefix over HTTP and follows every link and asset."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.request import urlopen

CSS_URL = re.compile(r"""url\(\s*["']?([^)"']+)["']?\s*\)""")
URL_ATTRS = {"href", "src", "srcset", "action", "poster"}


class Links(HTMLParser):
    """Every URL in a page, with the tag and attributes that hold it."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name not in URL_ATTRS or value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.found.append((tag, attrs, candidate.split()[0]))
            else:
                self.found.append((tag, attrs, value))
        if tag == "meta" and attrs.get("content", "").startswith("http"):
            self.found.append((tag, attrs, attrs["content"]))


def allowed_absolute(tag: str, attrs: dict) -> bool:
    """Where the canonical BASE_URL may appear in a mirror page."""
    if tag == "meta":
        return True
    if tag == "link" and (attrs.get("rel") == "canonical" or "hreflang" in attrs):
        return True
    return tag == "a" and attrs.get("data-mirror") == "canonical"


@contextmanager
def serve(root: Path):
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def check(export: Path, origin: str, prefix: str, base_url: str) -> list[str]:
    """Problems found: broken links or assets, root-relative URLs, and the
    canonical address where it does not belong."""
    problems: list[str] = []
    seen: dict[str, int] = {}

    def status(url: str) -> int:
        target = url.split("#")[0].split("?")[0]
        if target not in seen:
            try:
                with urlopen(target, timeout=10) as response:
                    seen[target] = response.status
            except HTTPError as error:
                seen[target] = error.code
        return seen[target]

    for file in sorted(export.rglob("*")):
        if file.suffix not in (".html", ".css"):
            continue
        relative = file.relative_to(export).as_posix()
        page_url = f"{origin}/{prefix}/{quote(relative)}"
        text = file.read_text("utf-8")
        if file.suffix == ".css":
            found = [("style", {}, u) for u in CSS_URL.findall(text)]
        else:
            parser = Links()
            parser.feed(text)
            found = parser.found
        for tag, attrs, value in found:
            if value.startswith(base_url):
                if not allowed_absolute(tag, attrs):
                    problems.append(f"{relative}: canonical URL in <{tag}>: {value}")
                continue
            if value.startswith(("http:", "https:", "mailto:", "data:", "#")):
                continue
            if value.startswith("/"):
                problems.append(f"{relative}: root-relative <{tag}> {value}")
                continue
            target = urljoin(page_url, value)
            if not urlsplit(target).path.startswith(f"/{prefix}/"):
                problems.append(f"{relative}: leaves the mirror: {value}")
            elif status(target) != 200:
                problems.append(f"{relative}: broken <{tag}> {unquote(value)}")
    return problems

"""Make rendered pages work from any host, path prefix or file://.

Every root-relative URL becomes a path relative to the file that holds it
(directory URLs end in index.html). Canonical, hreflang, og:url and JSON-LD
keep BASE_URL. What needs the server is left out: the count request goes,
forms other than the search form become a labelled link to the main site.

A mirror is served by hosts we do not run (or from disk), which send no
Content-Security-Policy of ours, so each page carries its own in a
`<meta http-equiv>` (SAMIZDAT_MIRROR_CSP): what reader pages allow, plus
scripts from the mirror itself on the pages that load one (the static
search). A meta policy cannot say frame-ancestors or sandbox; browsers
ignore those there."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext as _

from samizdat.core.queries import absolute_url

TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>\s[^>]*)?>")
ATTR = re.compile(
    r"""(?P<lead>\s(?P<name>href|src|srcset|action|poster)=)(?P<q>["'])(?P<value>[^"']*)(?P=q)"""
)
FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>.*?</form>", re.S | re.I)
PAIRED = re.compile(
    r"<(?P<tag>script|iframe|video|audio)\b(?P<attrs>[^>]*)>.*?</(?P=tag)>", re.S | re.I
)
CSS_URL = re.compile(r"""url\(\s*(?P<q>["']?)(?P<url>[^)"']+)(?P=q)\s*\)""")
KEEP_ABSOLUTE = re.compile(r"""\s(?:rel=["']canonical["']|hreflang=)""")
VOID_DROPPABLE = {"img", "link", "source", "input"}
HEAD = re.compile(r"<head>(?:\s*<meta charset=[^>]*>)?", re.I)
SCRIPT_FILE = re.compile(r"<script\b[^>]*\ssrc=", re.I)


def policy_meta(html: str) -> str:
    """The mirror's policy as a meta element for one page."""
    config = dict(settings.SAMIZDAT_MIRROR_CSP)
    if SCRIPT_FILE.search(html):
        config["script-src"] = ["'self'"]
    # In the settings' order, so an unchanged page exports the same bytes.
    policy = "; ".join(f"{name} {' '.join(values)}" for name, values in config.items())
    return f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">'


def file_for(url_path: str) -> str:
    """The file a root-relative URL path is written to, relative to DIR."""
    path = unquote(urlsplit(url_path).path).lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    return path


def relative(from_file: str, to_file: str) -> str:
    """A link from one exported file to another, percent-encoded."""
    link = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    return quote(link, safe="/-._~!$&'()*+,;=:@")


class Rewriter:
    """Rewrites one file's URLs; `known(file)` says whether a target exists
    (it may also fetch the asset), `assets` collects what the file needs."""

    def __init__(self, current: str, known: Callable[[str, str], bool]):
        self.current = current
        self.known = known
        self.assets: set[str] = set()

    def url(self, value: str) -> str | None:
        """The relative form of a root-relative URL, or None if not exported."""
        if not value.startswith("/") or value.startswith("//"):
            return value
        parts = urlsplit(value)
        target = file_for(parts.path)
        if not self.known(target, parts.path):
            return None
        link = relative(self.current, target)
        if parts.fragment:
            link += "#" + parts.fragment
        return link

    def srcset(self, value: str) -> str | None:
        out = []
        for candidate in value.split(","):
            bits = candidate.strip().split(maxsplit=1)
            if not bits:
                continue
            url = self.url(bits[0])
            if url is None:
                continue
            out.append(" ".join([url, *bits[1:]]))
        return ", ".join(out) if out else None

    def html(self, text: str) -> str:
        text = PAIRED.sub(self._paired, text)
        text = FORM.sub(self._form, text)
        text = TAG.sub(self._tag, text)
        # First in the head (after the charset), so it covers everything.
        return HEAD.sub(lambda head: head.group(0) + policy_meta(text), text, count=1)

    def css(self, text: str, css_url: str) -> str:
        """A stylesheet served at `css_url`; relative url()s resolve from it."""

        def sub(match: re.Match) -> str:
            value = match.group("url").strip()
            if value.startswith(("data:", "#", "http:", "https:", "//")):
                return match.group(0)
            if not value.startswith("/"):
                value = posixpath.normpath(
                    posixpath.join(posixpath.dirname(css_url), value)
                )
            url = self.url(value)
            return f'url("{url}")' if url is not None else "none"

        return CSS_URL.sub(sub, text)

    def _paired(self, match: re.Match) -> str:
        src = re.search(r"""\ssrc=["']([^"']*)""", match.group("attrs"))
        if src and src.group(1).startswith("/") and self.url(src.group(1)) is None:
            return ""
        return TAG.sub(self._tag, match.group(0))

    def _form(self, match: re.Match) -> str:
        attrs = match.group("attrs")
        method = re.search(r"""\smethod=["']?(\w+)""", attrs)
        action = re.search(r"""\saction=["']([^"']*)""", attrs)
        target = action.group(1) if action else ""
        is_get = not method or method.group(1).lower() == "get"
        if is_get and target.startswith("/") and self.url(target) is not None:
            return TAG.sub(self._tag, match.group(0))
        page = absolute_url(target if target.startswith("/") else "/")
        host = urlsplit(settings.BASE_URL).netloc
        return (
            '<p class="mirror-note">'
            + escape(_("This form needs the main site:"))
            + f' <a href="{escape(page)}" rel="external" data-mirror="canonical">'
            + escape(host)
            + "</a></p>"
        )

    def _tag(self, match: re.Match) -> str:
        tag = match.group("tag").lower()
        attrs = match.group("attrs") or ""
        if tag == "meta" or (tag == "link" and KEEP_ABSOLUTE.search(attrs)):
            return match.group(0)
        if tag == "img" and re.search(r"""\sclass=["']count\b""", attrs):
            return ""
        dropped = False

        def sub(attr: re.Match) -> str:
            nonlocal dropped
            name, value = attr.group("name"), attr.group("value")
            if name == "srcset":
                new = self.srcset(value)
            else:
                new = self.url(value)
            if new is None:
                if tag == "a" and name == "href":
                    absolute = escape(absolute_url(value))
                    return (
                        f'{attr.group("lead")}"{absolute}" rel="external"'
                        ' data-mirror="canonical"'
                    )
                dropped = True
                return ""
            q = attr.group("q")
            return f"{attr.group('lead')}{q}{new}{q}"

        rewritten = ATTR.sub(sub, attrs)
        if dropped and tag in VOID_DROPPABLE:
            return ""
        return f"<{match.group('tag')}{rewritten}>"

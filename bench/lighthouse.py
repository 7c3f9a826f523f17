"""Lighthouse 12's mobile scores of the reader's pages.

The same scratch production deployment as bench/look.py (seeded demo, nginx
with TLS and gzip in front of gunicorn), the same twelve pages (home, a
section, the lead article, the Caricature section, the search page and a page
of search results, in both editions), each audited by npm `lighthouse` from
tools/checkers driving Debian's Chromium (CHROME_PATH) with its default mobile
emulation and throttling. Prints one JSON line per page: the four category
scores, LCP, total bytes, CLS and the audits that failed. Lighthouse is told to
accept the loopback certificate, which is self-signed.
`LOOK_PAGES=fa/section,en/home` audits only those pages.

Two points depend on the reader Content-Security-Policy: Lighthouse reads
robots.txt with a fetch from the page (refused without `connect-src 'self'`:
SEO 92) and Chromium refuses the web manifest without `manifest-src 'self'`
(a console error: best practices 93). A page of search results is
`noindex` on purpose (indexed, it would let anyone put words of their choice
on the outlet's address in a search engine), which Lighthouse's SEO category
counts against it; the search page itself is indexed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from look import CHECKERS, CHROMIUM, SITE, demo_site, emit  # noqa: E402

LIGHTHOUSE = CHECKERS / ".bin" / "lighthouse"
CATEGORIES = "performance,accessibility,best-practices,seo"


def audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(  # noqa: S603
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={CATEGORIES}",
                "--chrome-flags=--headless=new --no-sandbox "
                "--ignore-certificate-errors",
            ],
            env=dict(os.environ, CHROME_PATH=CHROMIUM),
            capture_output=True,
            check=False,
            timeout=300,
        )
        try:
            return json.loads(out.read_text())
        except (OSError, json.JSONDecodeError):
            return {}


def metric(audits: dict, key: str, digits: int = 0) -> float | None:
    """An audit's figure, or None when Lighthouse could not measure it."""
    value = audits[key].get("numericValue")
    return None if value is None else round(value, digits or None)


def why(result: dict) -> str:
    """An audit's own words on what failed: its first item, or its summary."""
    items = (result.get("details") or {}).get("items") or []
    if items:
        first = items[0]
        text = first.get("description") or first.get("source") or first.get("url")
        if text is None and isinstance(first.get("node"), dict):
            text = first["node"].get("snippet")
        return str(text or first)[:160]
    return str(result.get("displayValue") or result.get("explanation") or "")[:160]


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} missing: npm ci in tools/checkers")
    articles = int(os.environ.get("LOOK_ARTICLES", "60"))
    only = set(filter(None, os.environ.get("LOOK_PAGES", "").split(",")))
    with demo_site(articles, 6) as items:
        for code, name, path in items:
            if only and f"{code}/{name}" not in only:
                continue
            report = audit(SITE + path)
            if not report.get("categories"):
                emit(figure="lighthouse", edition=code, page=name, error="no report")
                continue
            audits = report["audits"]
            emit(
                figure="lighthouse",
                edition=code,
                page=name,
                **{
                    key: round((category.get("score") or 0) * 100)
                    for key, category in report["categories"].items()
                },
                fcp_ms=metric(audits, "first-contentful-paint"),
                lcp_ms=metric(audits, "largest-contentful-paint"),
                si_ms=metric(audits, "speed-index"),
                tbt_ms=metric(audits, "total-blocking-time"),
                bytes=metric(audits, "total-byte-weight"),
                cls=metric(audits, "cumulative-layout-shift", 4),
                error=(report.get("runtimeError") or {}).get("message"),
                failing={
                    key: why(result)
                    for key, result in sorted(audits.items())
                    if result.get("score") is not None
                    and result["score"] < 1
                    and result.get("scoreDisplayMode") in ("binary", "metricSavings")
                },
            )


if __name__ == "__main__":
    main()

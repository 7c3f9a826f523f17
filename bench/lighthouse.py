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

Each page is audited `LIGHTHOUSE_RUNS` times (3 by default): the line gives
the median of each score and figure, and every run's performance score and
Total Blocking Time, because on a 2-core machine these move a lot from one run
to the next on the same page (TBT 74, 227 and 326 ms in three runs of the
Persian home page here). A run whose trace failed (Lighthouse then scores
performance 0) is named in `failed_runs` and not counted.

What TBT counts: the default simulated throttling estimates First Contentful
Paint from the network alone (HTML, stylesheet, fonts; render-blocking scripts
too, and these pages have none), then replays every main-thread task of the
page after it, layout tasks at twice their observed length and other tasks at
four times, and counts what each one spends over 50 ms. So a task over 25 ms
observed (layout) or 12.5 ms (parsing, a frame's commit) costs points, however
long it took only because the other core was busy. On these pages the tasks
that count are the HTML parse (10-35 ms a task in traces of the Persian News
section here), a full layout that Chromium runs at DOMContentLoaded, before
the stylesheet has arrived, on any page with a form field (the search box, the
newsletter box: it is gone when the forms are taken out, and
`autocomplete="off"` does not stop it; 70-100 ms), and the layout once the
stylesheet is in (50-80 ms).

Most of those milliseconds are waiting, not work: in a trace of the Persian
News section here the 115 ms task that lays the page out at
DOMContentLoaded ran 27 ms on the CPU. The rest is the renderer descheduled
on two busy cores and its synchronous font questions to the browser process
(which face, which hinting at each size: 30-65 ms a page load), a process
that also serves DevTools, the trace and the sandboxed ad frame's own new
renderer. So TBT here measures the machine as much as the page: a static copy
of that page (7 runs each, served without the page's headers) gave a TBT
median of 72 ms with its header ad frame and 36 ms without it.
Where the simulation starts counting also moves with the observed first
paint. Served without `Cross-Origin-Opener-Policy`, that copy painted a second
late (observed FCP 1.25-2.3 s, load at 0.3 s): every request then comes
before FCP, the simulated FCP moves later and the layout tasks fall out of
TBT (median 43 ms; 262 ms with that one header, 5 runs each). A better score
for a worse page, so the header stays.

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


def usable(report: dict) -> bool:
    """Whether Lighthouse scored the page (its trace did not fail)."""
    return bool(report.get("categories")) and not report.get("runtimeError")


def median(values: list) -> float | None:
    known = sorted(v for v in values if v is not None)
    return known[len(known) // 2] if known else None


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} missing: npm ci in tools/checkers")
    articles = int(os.environ.get("LOOK_ARTICLES", "60"))
    runs = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
    only = set(filter(None, os.environ.get("LOOK_PAGES", "").split(",")))
    with demo_site(articles, 6) as items:
        for code, name, path in items:
            if only and f"{code}/{name}" not in only:
                continue
            made = [audit(SITE + path) for _ in range(runs)]
            # A run whose trace failed scores 0 for performance: it is named,
            # not counted.
            reports = [r for r in made if usable(r)]
            failed = [
                (r.get("runtimeError") or {}).get("code") or "no report"
                for r in made
                if not usable(r)
            ]
            if not reports:
                emit(figure="lighthouse", edition=code, page=name, error=failed)
                continue
            scores = [
                {
                    key: round((category.get("score") or 0) * 100)
                    for key, category in report["categories"].items()
                }
                for report in reports
            ]
            # The run whose performance is the median tells what failed.
            order = sorted(range(len(reports)), key=lambda i: scores[i]["performance"])
            middle = reports[order[len(order) // 2]]
            audits = [report["audits"] for report in reports]

            def figure(key: str, digits: int = 0, audits=audits) -> float | None:
                return median([metric(a, key, digits) for a in audits])

            emit(
                figure="lighthouse",
                edition=code,
                page=name,
                runs=len(reports),
                **{key: median([s[key] for s in scores]) for key in scores[0]},
                performance_runs=[s["performance"] for s in scores],
                tbt_ms_runs=[metric(a, "total-blocking-time") for a in audits],
                fcp_ms=figure("first-contentful-paint"),
                lcp_ms=figure("largest-contentful-paint"),
                si_ms=figure("speed-index"),
                tbt_ms=figure("total-blocking-time"),
                bytes=figure("total-byte-weight"),
                cls=figure("cumulative-layout-shift", 4),
                failed_runs=failed,
                failing={
                    key: why(result)
                    for key, result in sorted(middle["audits"].items())
                    if result.get("score") is not None
                    and result["score"] < 1
                    and result.get("scoreDisplayMode") in ("binary", "metricSavings")
                },
            )


if __name__ == "__main__":
    main()

"""What the reader's pages weigh and how checkers score them, on a phone.

Builds a scratch demo (development settings, SQLite, `seed_demo` with its
drawn pictures and house ads), serves it with `runserver` on 127.0.0.1:8130
and measures, in both editions, home, a section, an article, the Caricature
section and a search:

- `bytes`: everything Chromium transferred for the page at 390x844 (device
  scale 2, AVIF accepted), with `html_css_gzip` (HTML and CSS compressed),
  `js` bytes and cumulative layout shift (`cls`);
- `vnu_errors`: errors the Nu HTML Checker (tools/checkers, vnu-jar) reports;
- `lighthouse`: Lighthouse 12's mobile scores, LCP and total bytes (npm
  `lighthouse` from tools/checkers, against Debian's Chromium).

Prints one JSON line per page and tool. `npm ci` in tools/checkers first;
without it, the vnu and Lighthouse lines say they were skipped."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("LOOK_PORT", "8130"))
BASE = f"http://127.0.0.1:{PORT}"
CHECKERS = ROOT / "tools" / "checkers" / "node_modules"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = CHECKERS / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
SEARCH = {"en": "water", "fa": "آب"}


def emit(**figure) -> None:
    print(json.dumps(figure, ensure_ascii=False), flush=True)


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed: {result.stderr[-2000:]}")
    return result.stdout


@contextlib.contextmanager
def demo_site(articles: int, caricatures: int):
    with tempfile.TemporaryDirectory(prefix="samizdat-look-") as tmp:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="samizdat.settings.dev",
            SAMIZDAT_VAR_DIR=tmp,
            MEDIA_ROOT=str(Path(tmp) / "media"),
            BASE_URL=BASE,
            DATABASE_URL=f"sqlite:///{tmp}/look.sqlite3",
        )
        manage(env, "migrate", "--noinput", "-v0")
        started = time.monotonic()
        manage(
            env,
            "seed_demo",
            f"--articles={articles}",
            f"--caricatures={caricatures}",
        )
        emit(
            figure="seed_demo_seconds",
            articles=articles,
            value=round(time.monotonic() - started, 1),
        )
        manage(env, "db_worker", "--batch")
        server = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(BASE + "/en/", timeout=2)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.3)
            yield
        finally:
            server.terminate()
            server.wait(timeout=10)


def pages() -> list[tuple[str, str, str]]:
    """(edition, name, path) for each page looked at, found from the home page."""
    import re

    found = []
    for code in ("en", "fa"):
        html = urllib.request.urlopen(f"{BASE}/{code}/").read().decode()  # noqa: S310
        section = re.search(
            r'<nav class="sections".*?href="([^"]+)"', html, re.S
        ).group(1)
        article = re.search(
            r'class="lead".*?class="card-title"><a href="([^"]+)"', html, re.S
        ).group(1)
        cartoons = re.search(
            r'class="caricature-box".*?href="([^"]+)"', html, re.S
        ).group(1)
        query = urllib.parse.quote(SEARCH[code])
        found += [
            (code, "home", f"/{code}/"),
            (code, "section", section),
            (code, "article", article),
            (code, "caricature", cartoons),
            (code, "search", f"/{code}/search/?q={query}"),
        ]
    return found


def weigh(items: list[tuple[str, str, str]]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for code, name, path in items:
            context = browser.new_context(
                viewport={"width": 390, "height": 844},
                device_scale_factor=2,
                is_mobile=True,
            )
            page = context.new_page()
            page.add_init_script(
                "window.__cls = 0; new PerformanceObserver(l => {"
                " for (const e of l.getEntries())"
                " if (!e.hadRecentInput) window.__cls += e.value; })"
                ".observe({type: 'layout-shift', buffered: true});"
            )
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            sizes: dict[str, int] = {}
            types: dict[str, str] = {}
            cdp.on(
                "Network.responseReceived",
                lambda e, types=types: types.__setitem__(e["requestId"], e["type"]),
            )
            cdp.on(
                "Network.loadingFinished",
                lambda e, sizes=sizes: sizes.__setitem__(
                    e["requestId"], int(e["encodedDataLength"])
                ),
            )
            page.goto(BASE + path, wait_until="load")
            # Scroll to the foot so lazy pictures load as a reader's would.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(800)
            page.wait_for_load_state("networkidle")
            cls = page.evaluate("window.__cls")
            html = page.content().encode()
            css = b"".join(
                urllib.request.urlopen(BASE + href).read()  # noqa: S310
                for href in page.eval_on_selector_all(
                    "link[rel=stylesheet]", "l => l.map(x => x.getAttribute('href'))"
                )
            )
            by_type: dict[str, int] = {}
            for request_id, size in sizes.items():
                kind = types.get(request_id, "Other")
                by_type[kind] = by_type.get(kind, 0) + size
            emit(
                figure="page_weight",
                edition=code,
                page=name,
                bytes=sum(sizes.values()),
                images=by_type.get("Image", 0),
                js=by_type.get("Script", 0),
                html_css_gzip=len(gzip.compress(html)) + len(gzip.compress(css)),
                cls=round(cls, 4),
            )
            context.close()
        browser.close()


def validate(items: list[tuple[str, str, str]]) -> None:
    if not VNU.exists():
        emit(figure="vnu_errors", skipped=f"{VNU} missing: npm ci in tools/checkers")
        return
    for code, name, path in items:
        result = subprocess.run(  # noqa: S603
            [
                "java",
                "-jar",
                str(VNU),
                "--format",
                "json",
                "--exit-zero-always",
                BASE + path,
            ],
            capture_output=True,
            text=True,
        )
        messages = json.loads(result.stderr or result.stdout or '{"messages": []}')[
            "messages"
        ]
        errors = [m for m in messages if m.get("type") == "error"]
        emit(
            figure="vnu_errors",
            edition=code,
            page=name,
            value=len(errors),
            first=[m.get("message", "")[:120] for m in errors[:3]],
        )


def lighthouse(items: list[tuple[str, str, str]]) -> None:
    if not LIGHTHOUSE.exists():
        emit(
            figure="lighthouse",
            skipped=f"{LIGHTHOUSE} missing: npm ci in tools/checkers",
        )
        return
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    for code, name, path in items:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(  # noqa: S603
                [
                    str(LIGHTHOUSE),
                    BASE + path,
                    "--quiet",
                    "--output=json",
                    f"--output-path={out.name}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless=new --no-sandbox",
                ],
                env=env,
                capture_output=True,
                check=False,
            )
            try:
                report = json.loads(Path(out.name).read_text() or "{}")
            except json.JSONDecodeError:
                report = {}
        if not report.get("categories"):
            emit(figure="lighthouse", edition=code, page=name, error="no report")
            continue
        scores = {
            k: round((v.get("score") or 0) * 100)
            for k, v in report["categories"].items()
        }
        audits = report["audits"]
        emit(
            figure="lighthouse",
            edition=code,
            page=name,
            **scores,
            lcp_ms=round(audits["largest-contentful-paint"]["numericValue"]),
            bytes=round(audits["total-byte-weight"]["numericValue"]),
            failing=[
                a
                for a, v in audits.items()
                if v.get("score") is not None
                and v["score"] < 0.9
                and v.get("scoreDisplayMode") == "binary"
            ][:6],
        )


def main() -> None:
    articles = int(os.environ.get("LOOK_ARTICLES", "60"))
    with demo_site(articles, 6):
        items = pages()
        # First views make the renditions (AVIF is slow to encode): not
        # what a reader pays once a newsroom has shown the page.
        for _code, _name, path in items:
            urllib.request.urlopen(BASE + path, timeout=600).read()  # noqa: S310
        weigh(items)
        validate(items)
        lighthouse(items)


if __name__ == "__main__":
    main()

"""What the reader's pages weigh on a phone, and whether they are valid HTML.

A scratch production deployment (bench/_server.py: production settings,
SQLite, gunicorn) seeded with `seed_demo` (drawn pictures, house ads), behind
Debian's nginx running deploy/nginx/samizdat.conf (TLS, gzip, media and
static files), on ports 37301-37304 (`LOOK_PORT` moves them). In both
editions it looks at home, a section, the lead article (it has a lead
image), the Caricature section, the search page and a page of its results
(the one page that is `noindex`), and prints one JSON line per
figure:

- `seed_demo_seconds` and `first_views_seconds`: seeding, then the first
  view of every page looked at, which makes the pictures' renditions;
- `rendition_seconds`: seconds per rendition of each format and width, made
  again from six demo pictures;
- `page_weight`: everything Chromium transferred for the page at 390x844
  (device scale 2, AVIF accepted) after scrolling to the foot, the pictures'
  share, `html_css_gzip` (the page and its stylesheet as nginx sent them),
  JavaScript bytes and cumulative layout shift (`cls`);
- `vnu_errors`: errors the Nu HTML Checker (vnu-jar from tools/checkers)
  reports on each page.

bench/lighthouse.py runs Lighthouse on the same deployment and pages."""

from __future__ import annotations

import contextlib
import json
import os
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _server import ROOT, deployment, gunicorn, manage, shell  # noqa: E402

from samizdat.operations import loopback  # noqa: E402

PORT = int(os.environ.get("LOOK_PORT", "37301"))
PORTS = {"http": PORT + 1, "https": PORT + 2, "purge": PORT + 3}
SITE = f"https://127.0.0.1:{PORTS['https']}"
CHECKERS = ROOT / "tools" / "checkers" / "node_modules"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
SEARCH = {"en": "water", "fa": "آب"}
BUDGETS = {"article": 100_000, "home": 250_000}
HTML_CSS_BUDGET = 20_000
# The loopback certificate is self-signed: this client does not check it.
LOOPBACK_TLS = ssl.create_default_context()
LOOPBACK_TLS.check_hostname = False
LOOPBACK_TLS.verify_mode = ssl.CERT_NONE

RENDITIONS = """
import json
import time
from wagtail.images import get_image_model
Image = get_image_model()
images = list(Image.objects.filter(title__startswith='demo-picture-')[:6])
for image in images:
    image.renditions.all().delete()
    image.get_rendition('width-400|format-jpeg')  # the source, read once
    image.renditions.all().delete()
figures = {}
for fmt in ('avif', 'webp', 'jpeg'):
    for width in (400, 800):
        started = time.perf_counter()
        sizes = [image.get_rendition(f'width-{width}|format-{fmt}').file.size
                 for image in images]
        figures[f'{fmt}_{width}'] = (
            round((time.perf_counter() - started) / len(images), 3),
            round(sum(sizes) / len(sizes)),
        )
print(len(images), json.dumps(figures))
"""


def emit(**figure) -> None:
    print(json.dumps(figure, ensure_ascii=False), flush=True)


def fetch(url: str, **headers: str) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, context=LOOPBACK_TLS, timeout=600) as r:  # noqa: S310
        return r.read(), dict(r.headers)


@contextlib.contextmanager
def demo_site(articles: int, caricatures: int) -> Iterator[list[tuple[str, str, str]]]:
    """The seeded deployment behind nginx; yields the pages to look at, each
    already viewed once (so its renditions exist, as on a site in use)."""
    with deployment(port=PORT) as (env, port), tempfile.TemporaryDirectory() as tmp:
        # nginx serves /media/ and /static/ from srv/: the deployment's own.
        srv = Path(tmp) / "srv"
        srv.mkdir()
        Path(env["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)
        (srv / "media").symlink_to(env["MEDIA_ROOT"])
        (srv / "staticfiles").symlink_to(env["STATIC_ROOT"])
        started = time.monotonic()
        # Production does not carry the demo app: seed with it, same database.
        manage(
            dict(env, DJANGO_SETTINGS_MODULE="samizdat.settings.dev"),
            "seed_demo",
            f"--articles={articles}",
            f"--caricatures={caricatures}",
        )
        emit(
            figure="seed_demo_seconds",
            articles=articles,
            caricatures=caricatures,
            value=round(time.monotonic() - started, 1),
        )
        manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")
        made_by_seeding = renditions(env)
        with loopback.nginx(Path(tmp), port, PORTS), gunicorn(env, port):
            started = time.monotonic()
            items = pages()
            for _code, _name, path in items:
                fetch(SITE + path)
            emit(
                figure="first_views_seconds",
                pages=len(items),
                renditions_after_seeding=made_by_seeding,
                renditions=renditions(env),
                value=round(time.monotonic() - started, 1),
            )
            yield items
            count, figures = shell(env, RENDITIONS).split(" ", 1)
            for key, (seconds, size) in json.loads(figures).items():
                fmt, width = key.split("_")
                emit(
                    figure="rendition_seconds",
                    format=fmt,
                    width=int(width),
                    pictures=int(count),
                    value=seconds,
                    mean_bytes=size,
                )


def renditions(env: dict[str, str]) -> int:
    return int(
        shell(
            env,
            "from wagtail.images import get_image_model; "
            "print(get_image_model().get_rendition_model().objects.count())",
        )
    )


def pages() -> list[tuple[str, str, str]]:
    """(edition, name, path) for each page looked at, found from the home page."""
    import re

    found = []
    for code in ("en", "fa"):
        html = fetch(f"{SITE}/{code}/")[0].decode()
        section = re.search(r'<nav class="sections".*?href="([^"]+)"', html, re.S)
        article = re.search(
            r'class="lead".*?class="card-title"><a href="([^"]+)"', html, re.S
        )
        cartoons = re.search(r'class="caricature-box".*?href="([^"]+)"', html, re.S)
        if not (section and article and cartoons):
            raise SystemExit(f"/{code}/ lacks a section link, a lead or cartoons")
        query = urllib.parse.quote(SEARCH[code])
        found += [
            (code, "home", f"/{code}/"),
            (code, "section", section.group(1)),
            (code, "article", article.group(1)),
            (code, "caricature", cartoons.group(1)),
            (code, "search-page", f"/{code}/search/"),
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
                has_touch=True,
                ignore_https_errors=True,
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
            hosts: set[str] = set()
            cdp.on(
                "Network.responseReceived",
                lambda e, types=types, hosts=hosts: (
                    types.__setitem__(e["requestId"], e["type"]),
                    # data: URLs (Chromium's own search field icons) are
                    # not requests to any host.
                    e["response"]["url"].startswith("data:")
                    or hosts.add(
                        "{0.scheme}://{0.netloc}".format(
                            urllib.parse.urlsplit(e["response"]["url"])
                        )
                    ),
                ),
            )
            cdp.on(
                "Network.loadingFinished",
                lambda e, sizes=sizes: sizes.__setitem__(
                    e["requestId"], int(e["encodedDataLength"])
                ),
            )
            page.goto(SITE + path, wait_until="load")
            # Scroll to the foot as a reader would, so lazy pictures load.
            page.evaluate(
                "async () => { for (let y = 0; y < document.body.scrollHeight;"
                " y += 400) { window.scrollTo(0, y);"
                " await new Promise(r => setTimeout(r, 60)); } }"
            )
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            cls = page.evaluate("window.__cls")
            cookies = context.cookies()
            by_type: dict[str, int] = {}
            for request_id, size in sizes.items():
                kind = types.get(request_id, "Other")
                by_type[kind] = by_type.get(kind, 0) + size
            html, _ = fetch(SITE + path, **{"Accept-Encoding": "gzip"})
            css = sum(
                len(fetch(SITE + href, **{"Accept-Encoding": "gzip"})[0])
                for href in page.eval_on_selector_all(
                    "link[rel=stylesheet]", "l => l.map(x => x.getAttribute('href'))"
                )
            )
            total = sum(sizes.values())
            emit(
                figure="page_weight",
                edition=code,
                page=name,
                bytes=total,
                budget=BUDGETS.get(name),
                images=by_type.get("Image", 0),
                requests=len(sizes),
                html_css_gzip=len(html) + css,
                html_css_budget=HTML_CSS_BUDGET,
                js=by_type.get("Script", 0),
                cls=round(cls, 4),
                cookies=len(cookies),
                hosts=sorted(hosts),
            )
            context.close()
        browser.close()


def validate(items: list[tuple[str, str, str]]) -> None:
    """The Nu HTML Checker on each page's HTML as served, in one run."""
    if not VNU.exists():
        emit(figure="vnu_errors", skipped=f"{VNU} missing: npm ci in tools/checkers")
        return
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for code, name, path in items:
            file = Path(tmp) / f"{code}-{name}.html"
            file.write_bytes(fetch(SITE + path)[0])
            files[file.as_uri()] = (code, name)
        result = subprocess.run(  # noqa: S603
            [  # noqa: S607
                "java",
                "-jar",
                str(VNU),
                "--format",
                "json",
                "--exit-zero-always",
                *[str(Path(tmp) / f"{c}-{n}.html") for c, n in files.values()],
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        messages = json.loads(result.stderr or result.stdout)["messages"]
    checked = 0
    for uri, (code, name) in files.items():
        errors = [
            m
            for m in messages
            if m.get("type") == "error"
            and Path(urllib.parse.urlsplit(m.get("url", "")).path).name
            == Path(urllib.parse.urlsplit(uri).path).name
        ]
        emit(
            figure="vnu_errors",
            edition=code,
            page=name,
            value=len(errors),
            first=[
                f"{m.get('lastLine')}: {m.get('message', '')[:140]}" for m in errors[:3]
            ],
        )
        checked += 1
    stray = [m for m in messages if m.get("type") not in ("error", "info")]
    if stray:
        emit(figure="vnu_other", value=len(stray), first=stray[:3])
    assert checked == len(items)


def main() -> None:
    articles = int(os.environ.get("LOOK_ARTICLES", "60"))
    with demo_site(articles, 6) as items:
        weigh(items)
        validate(items)


if __name__ == "__main__":
    main()

"""The demo newspaper as a reader sees it, at desktop and phone widths, in both
editions: pictures load as AVIF through <picture> with their sizes set, the
first one eagerly, the rest lazily; nothing comes from another host or
answers 404; axe-core finds no violation; Persian ordered lists count in
Persian digits. Screenshots of each page go to var/screenshots/ for a
reviewer to look at (the Persian phone ones in dark mode)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.browser

ROOT = Path(settings.BASE_DIR)
SHOTS = ROOT / "var" / "screenshots"
AXE = ROOT / "tools" / "checkers" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


@pytest.fixture(autouse=True)
def _demo(settings, tmp_path):
    """A small seeded demo, indexed as it is written (as a worker would)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.MEDIA_ROOT = tmp_path


def axe_source() -> str | None:
    if AXE.exists():
        return AXE.read_text()
    if os.environ.get("CI"):
        pytest.fail(f"{AXE} is missing: .ci/run installs tools/checkers")
    return None


def pages_of(page, newsroom, code: str) -> dict[str, str]:
    """The pages to look at, found by following links as a reader would."""
    page.goto(newsroom.at(f"/{code}/"))
    nav = page.locator(".sections a")
    hrefs = [nav.nth(i).get_attribute("href") for i in range(nav.count())]
    lead = page.locator(".lead .card-title a").first
    article = lead.get_attribute("href")
    # A word of the lead headline finds at least the lead, with its picture.
    word = max(lead.inner_text().split(), key=len).strip(":«»\"'?,.")
    cartoons = page.locator(".caricature-box .box-title a").get_attribute("href")
    return {
        "home": f"/{code}/",
        "section": hrefs[0],
        "article": article,
        "caricature": cartoons,
        "search": f"/{code}/search/?q={word}",
    }


def warm(paths: list[str]) -> None:
    """Render each page once, making its renditions (AVIF takes about a
    second per picture), as a newsroom does after a bulk import."""
    client = Client()
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_it_looks_like_a_newspaper_in_both_editions(newsroom, new_context):
    call_command("seed_demo", articles=24, caricatures=4, stdout=open(os.devnull, "w"))
    warm([f"/{code}/" for code in ("en", "fa")])
    SHOTS.mkdir(parents=True, exist_ok=True)
    axe = axe_source()
    failures: list[str] = []
    missing: list[str] = []
    looked = 0
    filled: set[tuple[str, str]] = set()
    for code in ("en", "fa"):
        for device, (width, height) in WIDTHS.items():
            # The Persian phone reads in dark mode: axe checks its contrast too.
            scheme = "dark" if (code, device) == ("fa", "phone") else "light"
            context = new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme
            )
            if axe is not None:
                # Given to the browser before each page loads, not added as a
                # script tag: the pages' own policy (no script at all) stays
                # in force and is checked.
                context.add_init_script(axe)
            page = context.new_page()
            page.on(
                "response",
                lambda r: r.status >= 400 and missing.append(f"{r.status} {r.url}"),
            )
            urls = pages_of(page, newsroom, code)
            warm(list(urls.values()))
            for name, path in urls.items():
                page.goto(newsroom.at(path))
                page.wait_for_load_state("load")
                check_pictures(page, name, failures)
                if axe is not None:
                    found = page.evaluate(
                        "async () => (await axe.run(document)).violations"
                        ".map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))"
                    )
                    failures += [f"{code} {device} {name} axe {v}" for v in found]
                # Scroll down as a reader would, so lazy pictures load.
                page.evaluate(
                    "async () => { for (let y = 0; y < document.body.scrollHeight;"
                    " y += 600) { window.scrollTo(0, y);"
                    " await new Promise(r => setTimeout(r, 40)); }"
                    " await Promise.all([...document.images].map(i => i.decode()"
                    ".catch(() => null))); window.scrollTo(0, 0); }"
                )
                filled |= {(code, kind) for kind in filled_ads(page)}
                # A viewport as tall as the page: Chromium leaves sandboxed
                # ad frames outside the viewport blank in full-page captures.
                tall = page.evaluate("document.documentElement.scrollHeight")
                page.set_viewport_size({"width": width, "height": tall})
                page.wait_for_timeout(300)
                page.screenshot(path=SHOTS / f"{code}-{name}-{device}.png")
                page.set_viewport_size({"width": width, "height": height})
                looked += 1
            box = page.locator(".newsletter-box")
            box.scroll_into_view_if_needed()
            box.screenshot(path=SHOTS / f"{code}-newsletter-{device}.png")
            if code == "fa":
                page.goto(newsroom.at("/fa/"))
                style = page.evaluate(
                    "getComputedStyle(document.querySelector('.popular ol, main ol'))"
                    ".listStyleType"
                )
                assert style == "samizdat-persian"
                # Lists set out as cards carry no numbers, not even Persian
                # ones clipped at the edge of a phone.
                page.goto(newsroom.at(urls["search"]))
                style = page.evaluate(
                    "getComputedStyle(document.querySelector('.search-results'))"
                    ".listStyleType"
                )
                assert style == "none"
            context.close()
    assert looked == 20
    # The demo's house ads fill every kind of slot in both editions.
    assert filled == {(c, k) for c in ("en", "fa") for k in PLACEMENTS}, filled
    assert failures == [], "\n".join(failures)
    assert missing == [], "\n".join(missing)
    assert newsroom.foreign_requests == []
    if axe is None:
        pytest.skip(f"axe-core not installed at {AXE} (npm ci in tools/checkers)")


PLACEMENTS = ("header", "sidebar", "in_article", "in_list")


def filled_ads(page) -> set[str]:
    """Placements whose ad frame on this page shows a creative's words."""
    kinds = set()
    for slot in page.locator(".ad").all():
        kind = next(
            c[3:] for c in slot.get_attribute("class").split() if c.startswith("ad-")
        )
        # Frames below the first screen load as a reader nears them.
        slot.scroll_into_view_if_needed()
        frame = slot.locator("iframe").content_frame
        if frame.locator("a .text").inner_text(timeout=5000).strip():
            kinds.add(kind)
    return kinds


def check_pictures(page, name: str, failures: list[str]) -> None:
    """Every picture offers AVIF and WebP before its JPEG, sizes itself, and
    only the first is eager; the first loaded image is AVIF."""
    found = json.loads(
        page.evaluate(
            """() => JSON.stringify([...document.querySelectorAll('main picture')]
              .map(p => ({
                types: [...p.querySelectorAll('source')].map(s => s.type),
                width: p.querySelector('img').getAttribute('width'),
                height: p.querySelector('img').getAttribute('height'),
                loading: p.querySelector('img').getAttribute('loading'),
                priority: p.querySelector('img').getAttribute('fetchpriority'),
                current: p.querySelector('img').currentSrc,
            })))"""
        )
    )
    if not found:
        failures.append(f"{name}: no picture")
        return
    for n, picture in enumerate(found):
        if picture["types"] != ["image/avif", "image/webp"]:
            failures.append(f"{name} picture {n}: sources {picture['types']}")
        if not (picture["width"] and picture["height"]):
            failures.append(f"{name} picture {n}: no width/height")
        if n and picture["loading"] != "lazy":
            failures.append(f"{name} picture {n}: not lazy")
    if found[0]["loading"] == "lazy" or found[0]["priority"] != "high":
        failures.append(f"{name}: first picture not eager with fetchpriority=high")
    if ".avif" not in found[0]["current"]:
        failures.append(f"{name}: first picture loaded {found[0]['current']}")

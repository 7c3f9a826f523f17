"""The demo newspaper as a reader sees it, at desktop and phone widths, in both
editions: pictures load as AVIF through <picture> with their sizes set, the
first one eagerly, the rest lazily; nothing comes from another host or
answers 404; axe-core finds no violation; Persian ordered lists count in
Persian digits. Screenshots of each page go to var/screenshots/ for a
reviewer to look at."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.browser

ROOT = Path(settings.BASE_DIR)
SHOTS = ROOT / "var" / "screenshots"
AXE = ROOT / "tools" / "checkers" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
SEARCH = {"en": "water", "fa": "آب"}


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
    article = page.locator(".lead .card-title a").first.get_attribute("href")
    cartoons = page.locator(".caricature-box .box-title a").get_attribute("href")
    return {
        "home": f"/{code}/",
        "section": hrefs[0],
        "article": article,
        "caricature": cartoons,
        "search": f"/{code}/search/?q={SEARCH[code]}",
    }


def test_it_looks_like_a_newspaper_in_both_editions(newsroom, new_context):
    call_command("seed_demo", articles=24, caricatures=4, stdout=open(os.devnull, "w"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    axe = axe_source()
    failures: list[str] = []
    missing: list[str] = []
    looked = 0
    for code in ("en", "fa"):
        for device, (width, height) in WIDTHS.items():
            context = new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.on(
                "response",
                lambda r: r.status >= 400 and missing.append(f"{r.status} {r.url}"),
            )
            urls = pages_of(page, newsroom, code)
            for name, path in urls.items():
                page.goto(newsroom.at(path))
                page.wait_for_load_state("load")
                check_pictures(page, name, failures)
                if axe is not None:
                    page.add_script_tag(content=axe)
                    found = page.evaluate(
                        "async () => (await axe.run(document)).violations"
                        ".map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))"
                    )
                    failures += [f"{code} {device} {name} axe {v}" for v in found]
                page.screenshot(
                    path=SHOTS / f"{code}-{name}-{device}.png", full_page=True
                )
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
            context.close()
    assert looked == 20
    assert failures == []
    assert missing == []
    assert newsroom.foreign_requests == []
    if axe is None:
        pytest.skip(f"axe-core not installed at {AXE} (npm ci in tools/checkers)")


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

"""Lead pictures for demo pieces, drawn with Pillow: skylines, crowds in
silhouette, charts, maps and still lifes, chosen by the piece's topic.

Each picture is a `Picture`: JPEG bytes (1200x675, the 16:9 of news sites)
with alt text and a caption in both editions. A topic has a few variants, so
a demo of hundreds of pieces needs a few dozen images, and each image's
renditions are made once for every piece that shows it. The same topic and
variant always give the same bytes."""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

Pair = tuple[str, str]
RGB = tuple[int, int, int]
W, H = 1200, 675
VARIANTS = 3

CREDIT: Pair = ("Illustration: Samizdat demo desk", "تصویرسازی: میز نمایشی سامیزدات")

SKIES: list[tuple[RGB, RGB, Pair]] = [
    ((126, 178, 214), (214, 232, 240), ("under a clear sky", "زیر آسمانی صاف")),
    ((222, 128, 92), (250, 206, 150), ("at dusk", "هنگام غروب")),
    ((28, 38, 66), (70, 82, 120), ("at night", "در شب")),
    ((150, 136, 112), (204, 190, 160), ("under brown smog", "زیر دودی قهوه‌ای")),
]
PALETTES: list[tuple[RGB, RGB, RGB]] = [
    ((155, 28, 28), (18, 70, 122), (214, 160, 48)),
    ((36, 110, 84), (176, 64, 40), (60, 60, 60)),
    ((88, 60, 140), (210, 120, 40), (30, 120, 160)),
    ((20, 90, 130), (190, 40, 60), (110, 140, 50)),
]


@dataclass(frozen=True)
class Picture:
    jpeg: bytes
    alt: Pair
    caption: Pair
    credit: Pair = CREDIT


def _gradient(draw: ImageDraw.ImageDraw, top: RGB, bottom: RGB, height: int) -> None:
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line((0, y, W, y), fill=colour)


def _shade(colour: RGB, factor: float) -> RGB:
    return tuple(max(0, min(255, round(c * factor))) for c in colour)  # type: ignore[return-value]


def skyline(rng: random.Random, variant: int) -> tuple[Image.Image, Pair]:
    top, bottom, (when_en, when_fa) = SKIES[variant % len(SKIES)]
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    _gradient(draw, top, bottom, H)
    night = variant % len(SKIES) == 2
    if night:
        draw.ellipse((960, 80, 1040, 160), fill=(238, 234, 210))
    else:
        draw.ellipse((180, 90, 300, 210), fill=_shade(bottom, 1.08))
    # two rows of towers, the far row paler
    for row, (base, shade) in enumerate(((500, 0.75), (675, 0.35))):
        x = -20
        while x < W:
            width = rng.randint(50, 130)
            height = rng.randint(120, 330) - row * 40
            colour = _shade(top, shade)
            draw.rectangle((x, base - height, x + width, H), fill=colour)
            if rng.random() < 0.3:
                draw.polygon(
                    [
                        (x, base - height),
                        (x + width // 2, base - height - 50),
                        (x + width, base - height),
                    ],
                    fill=colour,
                )
            if row == 1:
                lit = (246, 214, 120) if night else _shade(bottom, 0.9)
                for wy in range(base - height + 16, H - 20, 28):
                    for wx in range(x + 10, x + width - 14, 22):
                        if rng.random() < (0.55 if night else 0.35):
                            draw.rectangle((wx, wy, wx + 9, wy + 14), fill=lit)
            x += width + rng.randint(4, 24)
    # a mountain ridge behind, as over Tehran
    ridge = [(0, 330)]
    for i in range(1, 13):
        ridge.append((i * 100, 300 + rng.randint(-60, 40)))
    ridge += [(W, 420), (0, 420)]
    overlay = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    ImageDraw.Draw(overlay).polygon(ridge, fill=(*_shade(top, 0.9), 110))
    image.paste(overlay, (0, 0), overlay)
    return image, (
        f"A city skyline with mountains behind it, {when_en}.",
        f"نمای شهری با کوه‌هایی در پس‌زمینه، {when_fa}.",
    )


def crowd(rng: random.Random, variant: int) -> tuple[Image.Image, Pair]:
    top, bottom, (when_en, when_fa) = SKIES[variant % len(SKIES)]
    accent = PALETTES[variant % len(PALETTES)][0]
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    _gradient(draw, top, bottom, H)
    draw.rectangle((0, 520, W, H), fill=_shade(bottom, 0.6))
    # banners held up over the crowd
    for _ in range(rng.randint(3, 5)):
        x = rng.randint(40, W - 260)
        y = rng.randint(170, 260)
        draw.line((x + 10, y, x + 10, y + 200), fill=(40, 36, 32), width=6)
        draw.line((x + 200, y, x + 200, y + 200), fill=(40, 36, 32), width=6)
        draw.rectangle((x, y, x + 210, y + 70), fill=(246, 240, 226))
        for line in range(3):
            draw.line(
                (
                    x + 20,
                    y + 18 + line * 18,
                    x + 190 - rng.randint(0, 60),
                    y + 18 + line * 18,
                ),
                fill=accent,
                width=7,
            )
    # three ranks of people in silhouette, nearer ones larger and darker
    for rank, (y, scale, shade) in enumerate(
        ((430, 0.7, 0.5), (500, 0.85, 0.32), (590, 1.0, 0.14))
    ):
        x = rng.randint(-30, 0)
        while x < W + 30:
            s = scale * rng.uniform(0.85, 1.15)
            head = 24 * s
            colour = _shade(top, shade) if rank < 2 else (24, 22, 22)
            draw.ellipse(
                (x - head, y - 120 * s - head, x + head, y - 120 * s + head),
                fill=colour,
            )
            draw.rounded_rectangle(
                (x - 42 * s, y - 96 * s, x + 42 * s, y + 140 * s),
                radius=round(30 * s),
                fill=colour,
            )
            if rng.random() < 0.25:
                draw.line(
                    (x + 30 * s, y - 80 * s, x + 60 * s, y - 190 * s),
                    fill=colour,
                    width=round(16 * s),
                )
            x += round(70 * s + rng.randint(4, 30))
    return image, (
        f"Silhouettes of a crowd holding up banners, {when_en}.",
        f"سایه‌نمای جمعیتی که پلاکارد در دست دارند، {when_fa}.",
    )


def chart(rng: random.Random, variant: int) -> tuple[Image.Image, Pair]:
    main, second, grid = PALETTES[variant % len(PALETTES)]
    image = Image.new("RGB", (W, H), (250, 247, 240))
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 110, W - 70, 90, H - 110
    for i in range(6):
        grid_y = top + i * (bottom - top) // 5
        draw.line((left, grid_y, right, grid_y), fill=(218, 212, 200), width=2)
    draw.line((left, bottom, right, bottom), fill=(60, 56, 52), width=4)
    draw.line((left, top, left, bottom), fill=(60, 56, 52), width=4)
    rising = variant % 2 == 0
    points = 14
    value = rng.uniform(0.2, 0.4) if rising else rng.uniform(0.7, 0.85)
    bars_w = (right - left) / points
    line: list[tuple[float, float]] = []
    for i in range(points):
        value += rng.uniform(0.0, 0.08) * (1 if rising else -1) + rng.uniform(
            -0.03, 0.03
        )
        value = min(0.95, max(0.05, value))
        x0 = left + i * bars_w + 8
        y = bottom - value * (bottom - top)
        draw.rectangle(
            (x0, y + 40, x0 + bars_w - 16, bottom - 2), fill=_shade(second, 1.5)
        )
        line.append((x0 + (bars_w - 16) / 2, y))
    draw.line(line, fill=main, width=9, joint="curve")
    for x, y in line[-1:]:
        draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=main)
    # an arrow marking the trend
    x, y = line[-1]
    tip = 1 if rising else -1
    draw.polygon(
        [(x + 40, y + tip * 10), (x + 60, y + tip * 40), (x + 20, y + tip * 40)],
        fill=grid,
    )
    trend = ("rising", "صعودی") if rising else ("falling", "نزولی")
    return image, (
        f"A bar and line chart with a {trend[0]} trend over fourteen months.",
        f"نمودار میله‌ای و خطی با روندی {trend[1]} در چهارده ماه.",
    )


def country_map(rng: random.Random, variant: int) -> tuple[Image.Image, Pair]:
    land, route, water = PALETTES[variant % len(PALETTES)]
    image = Image.new("RGB", (W, H), (196, 220, 232))
    draw = ImageDraw.Draw(image)
    centre_x, centre_y, radius = W // 2 + rng.randint(-60, 60), H // 2, 270
    outline = []
    for i in range(36):
        angle = 2 * math.pi * i / 36
        r = radius * rng.uniform(0.78, 1.08)
        outline.append(
            (centre_x + 1.45 * r * math.cos(angle), centre_y + r * math.sin(angle))
        )
    draw.polygon(outline, fill=(236, 226, 200), outline=(120, 104, 80))
    # provinces
    for _ in range(7):
        a = rng.uniform(0, 2 * math.pi)
        draw.line(
            (
                centre_x,
                centre_y,
                centre_x + 1.4 * radius * math.cos(a),
                centre_y + radius * math.sin(a),
            ),
            fill=(198, 184, 152),
            width=3,
        )
    # a river or a route between cities
    cities = [
        (centre_x + rng.randint(-330, 330), centre_y + rng.randint(-190, 190))
        for _ in range(5)
    ]
    kind = variant % 2
    draw.line(
        cities,
        fill=water if kind == 0 else route,
        width=8 if kind == 0 else 6,
        joint="curve",
    )
    for x, y in cities:
        draw.ellipse(
            (x - 13, y - 13, x + 13, y + 13),
            fill=land,
            outline=(255, 255, 255),
            width=4,
        )
    # compass
    draw.polygon([(1100, 80), (1115, 130), (1100, 120), (1085, 130)], fill=(60, 56, 52))
    what = (
        "a river linking five marked towns",
        "رودی که پنج شهر نشان‌دار را به هم می‌پیوندد",
    )
    if kind:
        what = (
            "a route linking five marked towns",
            "مسیری که پنج شهر نشان‌دار را به هم می‌پیوندد",
        )
    return image, (
        f"A drawn map of a country with {what[0]}.",
        f"نقشه‌ای طراحی‌شده از یک کشور با {what[1]}.",
    )


STILL_LIFES: list[Pair] = [
    (
        "a desk with a laptop, papers and a cup of tea",
        "میزی با لپ‌تاپ، کاغذها و یک فنجان چای",
    ),
    ("a shelf of books beside a window", "قفسه‌ای از کتاب کنار یک پنجره"),
    ("pill boxes and a prescription on a table", "جعبه‌های دارو و نسخه‌ای روی میز"),
    ("a microphone on a table in an empty room", "میکروفونی روی میز در اتاقی خالی"),
]


def still_life(rng: random.Random, variant: int) -> tuple[Image.Image, Pair]:
    main, second, third = PALETTES[variant % len(PALETTES)]
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (226, 218, 204), (196, 184, 164), 470)
    draw.rectangle((0, 470, W, H), fill=(122, 84, 56))
    draw.rectangle((0, 462, W, 478), fill=(96, 64, 42))
    # a window with the sky outside
    sky_top, sky_bottom, _ = SKIES[variant % len(SKIES)]
    draw.rectangle((760, 70, 1100, 380), fill=(248, 244, 236))
    draw.rectangle((780, 90, 1080, 360), fill=sky_top)
    draw.line((930, 90, 930, 360), fill=(248, 244, 236), width=12)
    draw.line((780, 225, 1080, 225), fill=(248, 244, 236), width=12)
    what = variant % len(STILL_LIFES)
    if what == 0:
        draw.polygon(
            [(260, 470), (300, 330), (620, 330), (580, 470)], fill=(50, 54, 62)
        )
        draw.rectangle((300, 336, 616, 350), fill=(90, 140, 190))
        draw.rectangle((220, 470, 660, 490), fill=(70, 74, 82))
        draw.rectangle((680, 400, 740, 470), fill=main)
        draw.arc((725, 415, 765, 450), -90, 90, fill=main, width=8)
        for i in range(3):
            draw.rectangle(
                (60 + i * 14, 440 - i * 6, 220 + i * 14, 470 - i * 6),
                fill=(250, 250, 246),
                outline=(180, 176, 170),
            )
    elif what == 1:
        for shelf in (180, 300, 420):
            draw.rectangle((80, shelf, 700, shelf + 14), fill=(96, 64, 42))
            x = 90
            while x < 680:
                w, h = rng.randint(22, 44), rng.randint(70, 110)
                draw.rectangle(
                    (x, shelf - h, x + w, shelf),
                    fill=rng.choice((main, second, third, (60, 60, 60))),
                )
                x += w + rng.randint(1, 5)
    elif what == 2:
        for i in range(4):
            x = 180 + i * 150
            draw.rectangle(
                (x, 380 - i * 8, x + 120, 470),
                fill=(250, 250, 246),
                outline=(170, 166, 160),
                width=3,
            )
            draw.rectangle(
                (x, 400 - i * 8, x + 120, 430 - i * 8),
                fill=(main, second, third, main)[i],
            )
        draw.polygon(
            [(760, 470), (800, 420), (1000, 440), (960, 490)], fill=(252, 252, 248)
        )
    else:
        draw.rectangle((480, 455, 720, 470), fill=(60, 56, 52))
        draw.line((600, 455, 600, 320), fill=(60, 56, 52), width=10)
        draw.rounded_rectangle((565, 220, 635, 330), radius=35, fill=(40, 40, 44))
        draw.rectangle((560, 300, 640, 312), fill=main)
    return image, (
        f"A drawing of {STILL_LIFES[what][0]}.",
        f"طرحی از {STILL_LIFES[what][1]}.",
    )


Painter = Callable[[random.Random, int], tuple[Image.Image, Pair]]
# Each topic of the demo's vocabulary gets the kind of picture that suits it.
BY_TOPIC: dict[str, Painter] = {
    "prices": chart,
    "pensions": chart,
    "power": chart,
    "mill": crowd,
    "teachers": crowd,
    "press": crowd,
    "water": country_map,
    "refugees": country_map,
    "transport": country_map,
    "air": skyline,
    "housing": skyline,
    "heat": skyline,
    "internet": still_life,
    "medicine": still_life,
    "books": still_life,
    "universities": crowd,
}
# What a caption says of each kind of picture (the credit names the desk
# that drew it, so the caption never starts "Illustration:" as well).
CAPTIONS: dict[Painter, Pair] = {
    chart: ("{Name} in figures", "{name} به زبان ارقام"),
    crowd: ("A protest over {name}", "اعتراض به {name}"),
    country_map: ("{Name}: a map of the provinces", "{name} بر نقشهٔ استان‌ها"),
    skyline: ("The capital under {name}", "پایتخت در روزهای {name}"),
    still_life: ("{Name}", "{name}"),
}


def caption(painter: Painter, topic_name: Pair) -> Pair:
    en, fa = CAPTIONS[painter]
    name = topic_name[0]
    return (
        en.format(name=name, Name=name[:1].upper() + name[1:]),
        fa.format(name=topic_name[1], Name=topic_name[1]),
    )


def picture(topic: str, topic_name: Pair, variant: int) -> Picture:
    """The demo's picture `variant` for a topic: JPEG bytes and its words."""
    painter = BY_TOPIC.get(topic, skyline)
    rng = random.Random(f"{topic}:{variant}")
    image, alt = painter(rng, variant)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=84, optimize=True, progressive=True)
    return Picture(
        jpeg=out.getvalue(),
        alt=alt,
        caption=caption(painter, topic_name),
    )

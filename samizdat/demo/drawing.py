"""Simple political cartoons drawn with Pillow, and their alt text.

A scene is chosen from a random stream (sky, a person, a prop for the
story, sometimes a grinning official at a podium, a speech bubble), drawn
onto a 960x640 canvas and described in English and Persian. The same scene
always gives the same PNG bytes."""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

Pair = tuple[str, str]
W, H = 960, 640
GROUND = 520
INK = (34, 30, 28)
PAPER = (250, 246, 236)
COLOURS: list[tuple[str, str, tuple[int, int, int]]] = [
    ("red", "قرمز", (196, 62, 48)),
    ("green", "سبز", (66, 138, 84)),
    ("blue", "آبی", (58, 98, 176)),
    ("yellow", "زرد", (226, 184, 58)),
    ("purple", "بنفش", (118, 72, 148)),
    ("orange", "نارنجی", (226, 128, 48)),
]
SKIES: dict[str, tuple[tuple[int, int, int], Pair]] = {
    "day": ((190, 226, 242), ("The sky is clear and blue.", "آسمان صاف و آبی است.")),
    "dusk": (
        (244, 178, 130),
        ("It is dusk and the sky is orange.", "غروب است و آسمان نارنجی است."),
    ),
    "night": (
        (36, 50, 74),
        ("It is night, under a crescent moon.", "شب است و هلال ماه در آسمان است."),
    ),
    "smog": (
        (186, 168, 136),
        ("The sky is brown with smog.", "آسمان قهوه‌ای و پر از دود است."),
    ),
}
BUBBLES: dict[str, Pair] = {
    "?!": ("a question mark and an exclamation mark", "یک علامت سؤال و یک علامت تعجب"),
    "!!!": ("three exclamation marks", "سه علامت تعجب"),
    "...": ("three dots", "سه نقطه"),
    "#@%!": ("a string of angry symbols", "رشته‌ای از نشانه‌های خشم"),
}
PROPS: dict[str, Pair] = {
    "tap": (
        "a dry tap on a wall, one drop falling into an empty bucket",
        "شیر آبی خشک روی دیوار که تنها یک قطره از آن در سطلی خالی می‌چکد",
    ),
    "bulb": (
        "a dead light bulb hanging from a wire",
        "لامپی خاموش که از سیمی آویزان است",
    ),
    "cart": (
        "a shopping cart holding one loaf of bread under a huge price tag",
        "چرخ خریدی با تنها یک قرص نان و برچسب قیمتی بزرگ",
    ),
    "padlock": (
        "a laptop whose screen is shut by a giant padlock",
        "لپ‌تاپی که صفحه‌اش با قفلی بزرگ بسته شده است",
    ),
    "newspaper": (
        "a newspaper with every line blacked out",
        "روزنامه‌ای که همه سطرهایش سیاه شده است",
    ),
    "cloud": (
        "a heavy cloud of smog, wearing a face mask",
        "ابری سنگین از دود، با ماسکی بر صورت",
    ),
    "house": (
        "a tiny house and a key bigger than the house",
        "خانه‌ای کوچک و کلیدی بزرگ‌تر از خود خانه",
    ),
    "pill": (
        "an empty medicine bottle lying next to one last pill",
        "قوطی خالی دارو که کنار آخرین قرص افتاده است",
    ),
    "megaphone": ("a megaphone raised to the sky", "بلندگویی دستی رو به آسمان"),
    "sun": (
        "a blazing sun and a thermometer at its very top",
        "خورشیدی سوزان و دماسنجی که به بالاترین درجه رسیده است",
    ),
    "factory": (
        "a factory with a cold chimney and a chained gate",
        "کارخانه‌ای با دودکش سرد و دری که با زنجیر بسته شده است",
    ),
    "bus": ("a crowded bus with no room left", "اتوبوسی که جای خالی ندارد"),
    "wallet": (
        "an open, empty wallet with a moth flying out",
        "کیف پولی باز و خالی که بیدی از آن بیرون می‌پرد",
    ),
    "suitcase": (
        "a packed suitcase on a long trail of forms",
        "چمدانی بسته روی طوماری بلند از فرم‌ها",
    ),
    "book": (
        "a big book whose pages are cut by scissors",
        "کتابی بزرگ که قیچی صفحه‌هایش را می‌بُرد",
    ),
}


@dataclass(frozen=True)
class Scene:
    motif: str
    sky: str
    skyline: bool
    woman: bool
    colour: int
    official: bool
    bubble: str
    signature: str


def choose_scene(rng: random.Random, motif: str, signature: str) -> Scene:
    """A scene for `motif`; sky and people vary with the random stream."""
    sky = {"cloud": "smog", "sun": "day"}.get(motif) or rng.choice(
        ["day", "day", "dusk", "night"]
    )
    return Scene(
        motif=motif if motif in PROPS else "newspaper",
        sky=sky,
        skyline=rng.random() < 0.6,
        woman=rng.random() < 0.5,
        colour=rng.randrange(len(COLOURS)),
        official=motif != "megaphone" and rng.random() < 0.5,
        bubble=rng.choice(sorted(BUBBLES)),
        signature=signature,
    )


def describe(scene: Scene) -> Pair:
    """Alt text for the drawing, in English and Persian."""
    en_colour, fa_colour, _rgb = COLOURS[scene.colour]
    if scene.woman:
        who = (f"A woman in a {en_colour} headscarf", f"زنی با روسری {fa_colour}")
        speaker = ("the woman", "زن")
    else:
        article = "an" if en_colour[0] in "aeiou" else "a"
        who = (f"A man in {article} {en_colour} shirt", f"مردی با پیراهن {fa_colour}")
        speaker = ("the man", "مرد")
    prop = PROPS[scene.motif]
    en = [f"{who[0]} stands beside {prop[0]}."]
    fa = [f"{who[1]} کنار {prop[1]} ایستاده است."]
    if scene.official:
        en.append("A grinning official in a suit speaks at a podium.")
        fa.append("مسئولی خندان با کت و شلوار پشت تریبون سخن می‌گوید.")
        speaker = ("the official", "مسئول")
    bubble = BUBBLES[scene.bubble]
    en.append(f"The speech bubble of {speaker[0]} holds {bubble[0]}.")
    fa.append(f"در حباب گفت‌وگوی {speaker[1]} {bubble[1]} دیده می‌شود.")
    en.append(SKIES[scene.sky][1][0])
    fa.append(SKIES[scene.sky][1][1])
    return " ".join(en), " ".join(fa)


def render_png(scene: Scene) -> bytes:
    """The cartoon as PNG bytes."""
    image = Image.new("RGB", (W, H), PAPER)
    d = ImageDraw.Draw(image)
    sky_rgb = SKIES[scene.sky][0]
    d.rectangle([0, 0, W, GROUND], fill=sky_rgb)
    if scene.sky == "night":
        d.ellipse([40, 40, 120, 120], fill=(244, 236, 196))
        d.ellipse([62, 30, 142, 110], fill=sky_rgb)
        for x, y in ((120, 60), (300, 110), (520, 50), (680, 140), (420, 180)):
            d.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(244, 236, 196))
    if scene.skyline:
        _skyline(d, scene)
    d.rectangle([0, GROUND, W, H], fill=(214, 204, 182))
    d.line([0, GROUND, W, GROUND], fill=INK, width=4)
    PROP_DRAWERS[scene.motif](d)
    head = _person(d, 420, scene)
    mouth = head
    if scene.official:
        mouth = _official(d, 740)
    _bubble(d, mouth, scene.bubble)
    font = ImageFont.load_default(size=22)
    d.text((W - 24, H - 20), scene.signature, fill=INK, font=font, anchor="rs")
    d.rectangle([0, 0, W - 1, H - 1], outline=INK, width=8)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _skyline(d: ImageDraw.ImageDraw, scene: Scene) -> None:
    shade = tuple(max(0, c - 50) for c in SKIES[scene.sky][0])
    lit = (250, 220, 120) if scene.sky == "night" else (230, 236, 240)
    x = 0
    for height in (190, 260, 150, 300, 220, 170, 280, 200, 240):
        d.rectangle([x, GROUND - height, x + 100, GROUND], fill=shade)
        for wy in range(GROUND - height + 20, GROUND - 30, 40):
            for wx in (x + 18, x + 58):
                d.rectangle([wx, wy, wx + 22, wy + 18], fill=lit)
        x += 108


def _person(d: ImageDraw.ImageDraw, x: int, scene: Scene) -> tuple[int, int]:
    """A big-headed citizen; returns where the speech bubble should point."""
    colour = COLOURS[scene.colour][2]
    d.line([x - 22, GROUND - 100, x - 30, GROUND], fill=INK, width=14)
    d.line([x + 22, GROUND - 100, x + 30, GROUND], fill=INK, width=14)
    body = (60, 60, 70) if scene.woman else colour
    d.rounded_rectangle(
        [x - 50, GROUND - 235, x + 50, GROUND - 90], 28, fill=body, outline=INK, width=4
    )
    d.line([x - 45, GROUND - 210, x - 100, GROUND - 140], fill=INK, width=12)
    d.line([x + 45, GROUND - 210, x + 95, GROUND - 280], fill=INK, width=12)
    cx, cy, r = x, GROUND - 300, 62
    if scene.woman:
        d.ellipse([cx - r - 14, cy - r - 14, cx + r + 14, cy + r + 24], fill=colour)
        d.polygon([(cx - 55, cy + 45), (cx + 55, cy + 45), (cx, cy + 100)], fill=colour)
    d.ellipse(
        [cx - r, cy - r, cx + r, cy + r], fill=(232, 190, 150), outline=INK, width=4
    )
    if not scene.woman:
        d.chord([cx - r, cy - r, cx + r, cy + r], 190, 350, fill=INK)
    for ex in (cx - 22, cx + 22):
        d.ellipse(
            [ex - 11, cy - 12, ex + 11, cy + 9], fill="white", outline=INK, width=3
        )
        d.ellipse([ex - 4, cy - 4, ex + 4, cy + 4], fill=INK)
    if scene.motif == "cloud":
        d.rounded_rectangle(
            [cx - 36, cy + 18, cx + 36, cy + 50], 8, fill="white", outline=INK, width=3
        )
    else:
        d.arc([cx - 25, cy + 22, cx + 25, cy + 54], 200, 340, fill=INK, width=5)
    return cx + 30, cy - r


def _official(d: ImageDraw.ImageDraw, x: int) -> tuple[int, int]:
    """A grinning official in a suit behind a podium with a microphone."""
    suit = (52, 54, 64)
    d.rounded_rectangle(
        [x - 58, GROUND - 250, x + 58, GROUND - 110],
        20,
        fill=suit,
        outline=INK,
        width=4,
    )
    d.polygon(
        [(x - 9, GROUND - 250), (x + 9, GROUND - 250), (x, GROUND - 170)],
        fill=(190, 40, 40),
    )
    cx, cy, r = x, GROUND - 305, 60
    d.ellipse(
        [cx - r, cy - r, cx + r, cy + r], fill=(236, 200, 164), outline=INK, width=4
    )
    d.arc([cx - r, cy - r - 8, cx + r, cy + r - 16], 200, 340, fill=INK, width=8)
    for ex in (cx - 22, cx + 22):
        d.ellipse([ex - 15, cy - 16, ex + 15, cy + 10], outline=INK, width=4)
    d.line([cx - 7, cy - 4, cx + 7, cy - 4], fill=INK, width=3)
    d.chord(
        [cx - 36, cy + 8, cx + 36, cy + 48], 0, 180, fill="white", outline=INK, width=4
    )
    d.polygon(
        [
            (x - 105, GROUND - 160),
            (x + 105, GROUND - 160),
            (x + 80, GROUND),
            (x - 80, GROUND),
        ],
        fill=(134, 92, 58),
        outline=INK,
    )
    d.line([x - 60, GROUND - 160, x - 35, GROUND - 215], fill=INK, width=5)
    d.ellipse([x - 45, GROUND - 230, x - 25, GROUND - 208], fill=INK)
    return cx - 30, cy - r


def _bubble(d: ImageDraw.ImageDraw, mouth: tuple[int, int], text: str) -> None:
    mx, my = mouth
    left = min(max(mx - 150, 30), W - 330)
    d.polygon([(mx - 12, 108), (mx + 28, 108), (mx, my - 6)], fill="white", outline=INK)
    d.ellipse([left, 18, left + 300, 122], fill="white", outline=INK, width=5)
    d.line([mx - 9, 112, mx + 25, 112], fill="white", width=8)
    font = ImageFont.load_default(size=56)
    d.text((left + 150, 70), text, fill=INK, font=font, anchor="mm")


def _tap(d):
    d.rectangle([60, 200, 90, GROUND], fill=(150, 150, 150), outline=INK, width=3)
    d.rectangle([90, 230, 190, 260], fill=(170, 170, 170), outline=INK, width=3)
    d.rectangle([170, 260, 190, 290], fill=(170, 170, 170), outline=INK, width=3)
    d.ellipse([172, 320, 188, 342], fill=(80, 150, 220), outline=INK)
    d.polygon(
        [(130, 420), (230, 420), (215, GROUND), (145, GROUND)],
        fill=(120, 130, 150),
        outline=INK,
    )


def _bulb(d):
    d.line([200, 0, 200, 200], fill=INK, width=4)
    d.rectangle([185, 200, 215, 235], fill=(120, 120, 120), outline=INK, width=3)
    d.ellipse([150, 230, 250, 330], fill=(200, 200, 196), outline=INK, width=4)
    d.line([180, 260, 200, 290, 220, 265], fill=INK, width=3)


def _cart(d):
    d.line(
        [60, 380, 100, 380, 130, 480, 280, 480, 300, 400, 110, 400], fill=INK, width=6
    )
    d.ellipse([140, 485, 170, 515], fill=INK)
    d.ellipse([250, 485, 280, 515], fill=INK)
    d.ellipse([180, 440, 230, 470], fill=(200, 150, 80), outline=INK, width=3)
    d.polygon(
        [(150, 180), (300, 180), (330, 240), (300, 300), (150, 300)],
        fill=(250, 250, 240),
        outline=INK,
    )
    d.ellipse([290, 232, 306, 248], fill=INK)
    font = ImageFont.load_default(size=40)
    d.text((225, 240), "000000", fill=(180, 30, 30), font=font, anchor="mm")
    d.line([300, 240, 300, 380], fill=INK, width=2)


def _padlock(d):
    d.rectangle([60, 330, 300, 470], fill=(60, 70, 90), outline=INK, width=5)
    d.polygon(
        [(40, 470), (320, 470), (340, 500), (20, 500)],
        fill=(120, 120, 130),
        outline=INK,
    )
    d.arc([135, 300, 225, 390], 180, 360, fill=(200, 170, 60), width=14)
    d.rectangle([120, 345, 240, 440], fill=(220, 180, 60), outline=INK, width=4)
    d.ellipse([170, 375, 190, 395], fill=INK)


def _newspaper(d):
    d.rectangle([470, 180, 640, 330], fill=(245, 245, 240), outline=INK, width=4)
    for y in range(200, 320, 20):
        d.rectangle([485, y, 625, y + 10], fill=INK)


def _cloud(d):
    for box in (
        [20, 40, 160, 150],
        [100, 20, 260, 160],
        [190, 50, 320, 150],
        [50, 90, 290, 200],
    ):
        d.ellipse(box, fill=(110, 100, 90), outline=INK, width=3)


def _house(d):
    d.rectangle([60, 440, 150, GROUND], fill=(230, 210, 170), outline=INK, width=3)
    d.polygon([(50, 440), (105, 395), (160, 440)], fill=(170, 60, 50), outline=INK)
    d.ellipse([170, 250, 270, 350], outline=(200, 170, 60), width=18)
    d.rectangle([255, 290, 330, 312], fill=(200, 170, 60))
    d.rectangle([300, 312, 315, 335], fill=(200, 170, 60))


def _pill(d):
    d.rounded_rectangle(
        [60, 450, 220, 510], 12, fill=(230, 140, 60), outline=INK, width=4
    )
    d.rectangle([220, 455, 250, 505], fill="white", outline=INK, width=4)
    d.ellipse([280, 490, 310, 510], fill="white", outline=INK, width=3)


def _megaphone(d):
    d.polygon([(505, 250), (600, 180), (620, 300)], fill=(220, 60, 50), outline=INK)
    d.rectangle([490, 245, 515, 275], fill=INK)


def _sun(d):
    for step in range(12):
        angle = step * math.pi / 6
        d.line(
            [
                120 + 90 * math.cos(angle),
                110 + 90 * math.sin(angle),
                120 + 130 * math.cos(angle),
                110 + 130 * math.sin(angle),
            ],
            fill=(240, 150, 30),
            width=8,
        )
    d.ellipse([40, 30, 200, 190], fill=(250, 200, 40), outline=INK, width=4)
    d.rounded_rectangle([190, 300, 230, 500], 20, fill="white", outline=INK, width=4)
    d.rectangle([203, 310, 217, 480], fill=(220, 40, 40))
    d.ellipse([190, 470, 230, 510], fill=(220, 40, 40), outline=INK, width=3)


def _factory(d):
    d.rectangle([40, 360, 280, GROUND], fill=(150, 110, 90), outline=INK, width=4)
    d.polygon(
        [
            (40, 360),
            (100, 320),
            (100, 360),
            (160, 320),
            (160, 360),
            (220, 320),
            (220, 360),
        ],
        fill=(120, 90, 70),
        outline=INK,
    )
    d.rectangle([230, 220, 265, 360], fill=(120, 90, 70), outline=INK, width=3)
    d.rectangle([120, 430, 200, GROUND], fill=(90, 70, 60), outline=INK, width=3)
    d.line([120, 430, 200, GROUND], fill=(150, 150, 150), width=6)
    d.line([200, 430, 120, GROUND], fill=(150, 150, 150), width=6)


def _bus(d):
    d.rounded_rectangle(
        [20, 330, 300, 490], 20, fill=(220, 170, 40), outline=INK, width=4
    )
    for x in range(40, 280, 60):
        d.rectangle([x, 350, x + 45, 400], fill=(200, 226, 240), outline=INK, width=3)
        d.ellipse([x + 12, 360, x + 32, 380], fill=INK)
    d.ellipse([50, 470, 100, 520], fill=INK)
    d.ellipse([220, 470, 270, 520], fill=INK)


def _wallet(d):
    d.rectangle([80, 420, 260, 500], fill=(120, 80, 50), outline=INK, width=4)
    d.polygon([(80, 420), (170, 380), (260, 420)], fill=(140, 95, 60), outline=INK)
    for x, y in ((200, 300), (240, 250)):
        d.polygon(
            [(x, y), (x - 25, y - 20), (x - 20, y + 10)],
            fill=(180, 170, 150),
            outline=INK,
        )
        d.polygon(
            [(x, y), (x + 25, y - 20), (x + 20, y + 10)],
            fill=(180, 170, 150),
            outline=INK,
        )


def _suitcase(d):
    d.polygon(
        [(20, GROUND), (300, GROUND), (280, 470), (40, 470)], fill="white", outline=INK
    )
    for y in range(480, GROUND, 12):
        d.line([50, y, 270, y], fill=(160, 160, 160), width=2)
    d.rounded_rectangle(
        [80, 360, 250, 470], 14, fill=(120, 60, 40), outline=INK, width=4
    )
    d.arc([135, 330, 195, 380], 180, 360, fill=INK, width=6)
    d.ellipse([100, 380, 140, 420], fill=(80, 160, 120))


def _book(d):
    d.polygon(
        [(40, 440), (170, 420), (300, 440), (300, 500), (170, 480), (40, 500)],
        fill="white",
        outline=INK,
    )
    d.line([170, 420, 170, 480], fill=INK, width=3)
    d.ellipse([190, 330, 230, 370], outline=INK, width=6)
    d.ellipse([240, 330, 280, 370], outline=INK, width=6)
    d.line([215, 365, 150, 440], fill=(150, 150, 160), width=8)
    d.line([255, 365, 190, 445], fill=(150, 150, 160), width=8)


PROP_DRAWERS = {
    "tap": _tap,
    "bulb": _bulb,
    "cart": _cart,
    "padlock": _padlock,
    "newspaper": _newspaper,
    "cloud": _cloud,
    "house": _house,
    "pill": _pill,
    "megaphone": _megaphone,
    "sun": _sun,
    "factory": _factory,
    "bus": _bus,
    "wallet": _wallet,
    "suitcase": _suitcase,
    "book": _book,
}

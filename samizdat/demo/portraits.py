"""Drawn head-and-shoulders portraits for the demo newsroom, with Pillow.

The same person always gets the same picture: every choice comes from a
random stream seeded with the person's slug."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

SIZE = 320
INK = (34, 30, 28)
BACKGROUNDS = [(214, 228, 236), (236, 222, 204), (220, 236, 214), (236, 214, 222)]
CLOTHES = [(58, 70, 96), (120, 60, 50), (60, 100, 80), (90, 90, 96), (140, 110, 60)]
SKINS = [(236, 200, 166), (220, 178, 140), (196, 150, 112)]
HAIR = [(40, 32, 28), (90, 60, 40), (150, 150, 150)]
SCARVES = [(120, 40, 60), (40, 80, 120), (70, 110, 70), (150, 100, 40)]


def render_portrait(slug: str, style: str) -> bytes:
    """A 320x320 PNG portrait; `style` is short, long, scarf, bald or curly."""
    rng = random.Random(f"portrait:{slug}")
    image = Image.new("RGB", (SIZE, SIZE), rng.choice(BACKGROUNDS))
    d = ImageDraw.Draw(image)
    skin, hair = rng.choice(SKINS), rng.choice(HAIR)
    cx, cy, r = SIZE // 2, 140, 70
    if style == "long":
        d.rounded_rectangle(
            [cx - r - 12, cy - r - 10, cx + r + 12, cy + 110], 60, fill=hair
        )
    if style == "scarf":
        scarf = rng.choice(SCARVES)
        d.ellipse([cx - r - 20, cy - r - 22, cx + r + 20, cy + r + 40], fill=scarf)
        d.polygon([(cx - 90, cy + 40), (cx + 90, cy + 40), (cx, cy + 150)], fill=scarf)
    d.ellipse([40, 250, SIZE - 40, 420], fill=rng.choice(CLOTHES), outline=INK, width=3)
    d.rectangle([cx - 22, cy + 50, cx + 22, 262], fill=skin)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=skin, outline=INK, width=3)
    if style in ("short", "long"):
        d.chord([cx - r, cy - r, cx + r, cy + r], 196, 344, fill=hair)
    elif style == "curly":
        for dx in range(-60, 61, 24):
            d.ellipse([cx + dx - 20, cy - r - 16, cx + dx + 20, cy - r + 24], fill=hair)
    elif style == "bald":
        d.chord([cx - r, cy - r, cx + r, cy + r], 45, 135, fill=hair)
    for ex in (cx - 25, cx + 25):
        d.ellipse([ex - 6, cy - 8, ex + 6, cy + 4], fill=INK)
    if rng.random() < 0.4:
        for ex in (cx - 25, cx + 25):
            d.ellipse([ex - 18, cy - 18, ex + 18, cy + 14], outline=INK, width=3)
        d.line([cx - 7, cy - 4, cx + 7, cy - 4], fill=INK, width=3)
    d.arc([cx - 24, cy + 14, cx + 24, cy + 42], 20, 160, fill=INK, width=4)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

"""AVIF renditions are encoded at the project's speed unless a caller names one."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from PIL import Image, ImageDraw

from samizdat.core.images import use_avif_speed


def picture() -> Image.Image:
    image = Image.new("RGB", (320, 180), (126, 178, 214))
    draw = ImageDraw.Draw(image)
    for x in range(0, 320, 24):
        draw.rectangle((x, 60 + x % 70, x + 18, 180), fill=(40 + x % 120, 50, 80))
    draw.ellipse((30, 20, 80, 70), fill=(250, 206, 150))
    return image


def avif(**options) -> bytes:
    out = io.BytesIO()
    picture().save(out, "AVIF", quality=55, **options)
    return out.getvalue()


def test_it_encodes_at_the_configured_speed_by_default():
    assert settings.SAMIZDAT_AVIF_SPEED == 8
    at_default = avif()
    assert at_default == avif(speed=8)
    assert at_default != avif(speed=6)


def test_it_keeps_a_speed_the_caller_names():
    assert avif(speed=4) != avif(speed=8)


def test_it_follows_a_new_speed_and_refuses_one_out_of_range():
    try:
        use_avif_speed(9)
        assert avif() == avif(speed=9)
    finally:
        use_avif_speed(settings.SAMIZDAT_AVIF_SPEED)
    assert avif() == avif(speed=8)
    with pytest.raises(ValueError):
        use_avif_speed(11)


def test_wagtail_renditions_use_it(tmp_path, settings, db):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = tmp_path
    source = io.BytesIO()
    picture().save(source, "PNG")
    image = get_image_model().objects.create(
        title="sky", file=ImageFile(source, name="sky.png")
    )
    rendition = image.get_rendition("width-320|format-avif")
    with rendition.file.open("rb") as f:
        made = f.read()
    assert made[4:12] == b"ftypavif"
    assert Image.open(io.BytesIO(made)).size == (320, 180)
    assert made == avif(speed=8)

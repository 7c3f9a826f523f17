"""How fast pictures are encoded as AVIF.

Wagtail passes only a quality to Willow, and Willow only that to Pillow's
AVIF encoder, which then encodes at its default speed (6 on libavif's 0-10
scale, 10 the fastest). At that speed an 800-px rendition took about half a
second on one core, and every first view of a page with pictures waited for
it. `use_avif_speed()` wraps Pillow's registered AVIF writer so that every
save without an explicit `speed` gets the project's (`SAMIZDAT_AVIF_SPEED`);
a caller that names a speed keeps it."""

from __future__ import annotations

from typing import IO, Any

from PIL import AvifImagePlugin, Image

AVIF = AvifImagePlugin.AvifImageFile.format
# Pillow's own writer, registered when its AVIF plugin was imported above.
_ORIGINAL = Image.SAVE[AVIF]


def use_avif_speed(speed: int) -> None:
    """Make `speed` the default of every AVIF encoding in this process."""
    if not 0 <= speed <= 10:
        raise ValueError(f"AVIF speed must be 0-10, not {speed}")

    def save(im: Image.Image, fp: IO[bytes], filename: str | bytes) -> Any:
        im.encoderinfo.setdefault("speed", speed)
        return _ORIGINAL(im, fp, filename)

    Image.register_save(AVIF, save)

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image as PILImage

EXPORTS = Path(__file__).parent / "exports"


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A copy of wp-content/uploads: two photos, one of them twice under
    another name (the same bytes), and no file for attachment 304."""
    root = tmp_path / "uploads"
    (root / "2025" / "03").mkdir(parents=True)
    riverbed = _jpeg((150, 110, 60))
    (root / "2025/03/riverbed.jpg").write_bytes(riverbed)
    (root / "2025/03/riverbed-copy.jpg").write_bytes(riverbed)
    (root / "2025/03/protest.jpg").write_bytes(_jpeg((20, 20, 80)))
    return root

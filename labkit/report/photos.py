"""Photos of flipcharts and tablecloths made ready for the restitution: turned the right way up,
scaled down and compressed so that the whole document stays under ~15 MB.

A phone's photo is 3–8 MB and stored sideways with an EXIF "orientation" tag that Word and
LibreOffice ignore; the report shows it upright (`ImageOps.exif_transpose`), at most
`MAX_SIDE_PX` on its long side (≈ 300 dpi over the 14 cm it is printed at) and as a JPEG within
its share of `TOTAL_BUDGET`. Logos are kept as they are (small, often with transparency).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_SIDE_PX = 1800
MIN_SIDE_PX = 700
TOTAL_BUDGET = 12 * 1024 * 1024
"""Bytes for all the photos of one report (the text, charts and styles take the rest of 15 MB)."""
MAX_PHOTO_BYTES = 1_500_000
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff")


@dataclass(frozen=True)
class PreparedPhoto:
    data: bytes
    mime: str
    """image/jpeg or image/png."""
    width: int
    height: int


def photo_budget(count: int) -> int:
    """Bytes one photo may take when a report holds `count` of them."""
    return min(MAX_PHOTO_BYTES, TOTAL_BUDGET // max(count, 1))


def prepare_photo(path: Path, budget: int = MAX_PHOTO_BYTES) -> PreparedPhoto:
    """The photo at `path`, upright, scaled and compressed within `budget` bytes.

    Raises OSError (unreadable file) or PIL's UnidentifiedImageError (not a picture).
    """
    from PIL import Image, ImageOps

    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    side = min(MAX_SIDE_PX, max(image.size))
    quality = 82
    while True:
        scaled = image.copy()
        scaled.thumbnail((side, side), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        scaled.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        data = buffer.getvalue()
        if len(data) <= budget or side <= MIN_SIDE_PX:
            if len(data) > budget:
                logger.info("photo %s stays at %d bytes (budget %d)", path.name, len(data), budget)
            return PreparedPhoto(data, "image/jpeg", scaled.width, scaled.height)
        side = max(MIN_SIDE_PX, int(side * 0.8))
        quality = max(65, quality - 5)


def is_picture(path: Path) -> bool:
    """Whether `path` names a picture file the report can show."""
    return path.suffix.lower() in PICTURE_SUFFIXES


def logo_width_cm(data: bytes, max_width_cm: float = 5.0, max_height_cm: float = 2.4) -> float:
    """The printed width of a logo that fits a `max_width_cm` × `max_height_cm` box."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    if not width or not height:
        return max_width_cm
    return min(max_width_cm, max_height_cm * width / height)

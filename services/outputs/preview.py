"""A page as a picture for people (the console): rendered small, turned upright, as PNG.

Boxes in a result refer to the upright page (`PageQuality.rotation_degrees`), so the
preview turns the page the same way the engine did before drawing them.
"""

from __future__ import annotations

import io

from PIL import Image

from services.intake.document import open_document
from services.intake.errors import IntakeError
from services.intake.limits import IntakeLimits

PREVIEW_DPI = 100
PREVIEW_MAX_EDGE = 1600  # pixels of the longer edge (an image page is scaled down to it)
RIGHT_ANGLES = (0, 90, 180, 270)


class NoSuchPageError(IntakeError):
    """The page number is outside the document."""


def page_preview_png(
    content: bytes, page_number: int, rotation_degrees: int = 0, limits: IntakeLimits | None = None
) -> bytes:
    """Page `page_number` (1-based) as PNG, turned clockwise by `rotation_degrees` (0, 90, 180, 270)."""
    if rotation_degrees not in RIGHT_ANGLES:
        raise ValueError(f"rotation must be one of {RIGHT_ANGLES}, got {rotation_degrees}")
    with open_document(content, limits) as document:
        if document.page_count == 0:
            raise IntakeError("this document has no pages to show (an e-invoice XML)")
        if not 1 <= page_number <= document.page_count:
            raise NoSuchPageError(f"page {page_number} is not in the document (pages 1 to {document.page_count})")
        image = document.render(page_number - 1, dpi=PREVIEW_DPI)
    image.thumbnail((PREVIEW_MAX_EDGE, PREVIEW_MAX_EDGE), Image.Resampling.LANCZOS)
    if rotation_degrees:
        image = image.rotate(-rotation_degrees, expand=True)  # PIL turns counter-clockwise
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()

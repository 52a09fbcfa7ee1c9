"""A page image made ready for any OCR engine, and the report of what was done to it.

`prepare_page` is the one place where a page as delivered becomes a page an
engine can read: decoded (EXIF orientation applied, fax pixels made square:
`LoadedDocument.render`), a fax softened (`soften_fax`), a phone photo
flattened (`photo.flatten`), and turned upright (`orientation.upright`). Engines add their own clean-up after
it (Tesseract: contrast and deskew) and report with `quality_report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.capture import CaptureFacts
from services.intake.document import LoadedDocument
from services.intake.orientation import Orientation, upright
from services.intake.photo import flatten

A4_SHORT_EDGE_INCHES = 8.27
MIN_GUESSED_DPI = 72.0
# Below this page confidence (0..1) the page's text is flagged as not to be trusted.
UNRELIABLE_BELOW = 0.5
LOW_DPI = 150
FAX_SOFTEN_RADIUS = 0.8  # pixels of the square-pixel fax page
INK_BLANK = 0.001  # share of dark pixels below which a page counts as blank
INK_BLACK = 0.6  # share above which it is a black (or inverted) page


@dataclass
class PreparedPage:
    image: Image.Image
    dpi: float
    capture: CaptureFacts
    orientation: Orientation
    warnings: list[str] = field(default_factory=list)


def page_dpi(image: Image.Image, capture: CaptureFacts, rendered_dpi: int | None) -> float:
    """The page's resolution: as rendered (PDF), as the file says, or the image's short edge as A4."""
    if rendered_dpi:
        return float(rendered_dpi)
    if capture.dpi:
        return float(capture.dpi)
    # A thumbnail or a 1x1 image is no A4 page at 0.1 dpi: never assume less than MIN_GUESSED_DPI.
    return max(MIN_GUESSED_DPI, min(image.size) / A4_SHORT_EDGE_INCHES)


def widen_fax_strokes(image: Image.Image) -> Image.Image:
    """A fax page whose dark strokes are one pixel wider to the right (a 1 x 2 minimum filter).

    Thresholding at the fax machine breaks thin strokes at 204 dpi: the bars of `E` and the stem of
    `1` fall apart, and Tesseract reads `EUR` as `KUR` and `DE1` as `DEL`. Widening rows only keeps
    the lines apart (at 98 dpi a row is a quarter of a letter's height). Measured in
    `benchmarks/bench_capture.py` (docs/BENCHMARKS.md, issue 15 section).
    """
    grey = np.asarray(image.convert("L"))
    out = grey.copy()
    out[:, 1:] = np.minimum(grey[:, 1:], grey[:, :-1])
    widened = Image.fromarray(out, "L")
    widened.info = dict(image.info)
    return widened


def soften_fax(image: Image.Image) -> Image.Image:
    """A bilevel fax page with its staircase edges and pinholes softened into grey strokes.

    Measured (4 dataset invoices as G4 faxes, tesseract engine, fields and word recall against the
    text layer): 204 x 98 dpi 16 -> 18 of 25 fields, 72.2 -> 79.0 % words; 204 x 196 dpi 24 -> 24,
    92.4 -> 95.1 %. A morphological closing (13-14 fields) and a median filter (words fell to
    41-51 %) made it worse.

    Tried again on 204 x 98 dpi faxes of 34 invoices (26 tuning families and 8 dataset invoices, 360
    fields; session 15): as here 314 fields, 82.4 % words; stronger blur (1.2 px: 302), a taller blur
    than wide (0.8 x 1.2 px: 296; 0.8 x 1.6: 274; 0.8 x 0.5: 308), weaker (0.5 px: 304; none: 298), no
    stroke widening (298), bicubic (316) or nearest (310) square pixels, Tesseract's upscaling to 400
    instead of 300 dpi (315): none better beyond noise. What is left are characters lost at 98 rows per inch.
    """
    return image.filter(ImageFilter.GaussianBlur(FAX_SOFTEN_RADIUS))


def prepare_page(
    document: LoadedDocument, index: int, dpi: int, *, tessdata: str | None = None
) -> PreparedPage:
    """Page `index` decoded (PDF pages at `dpi`), a photo flattened, and turned upright."""
    rendered_dpi = dpi if document.pdf is not None else None
    image = document.render(index, dpi)
    capture = document.capture(index, dpi)
    warnings: list[str] = []
    if capture.kind == pb.CAPTURE_KIND_PHOTO:
        image, note = flatten(image)
        if note:
            warnings.append(note)
    elif capture.kind == pb.CAPTURE_KIND_FAX:
        image = soften_fax(widen_fax_strokes(image))
    page_resolution = page_dpi(image, capture, rendered_dpi)
    image, orientation = upright(image, page_resolution, tessdata)
    return PreparedPage(image, page_resolution, capture, orientation, warnings)


def ink_share(image: Image.Image) -> float:
    """Share of dark pixels on the page (on a thumbnail): ~0 for a blank page, ~1 for a black one."""
    small = image.convert("L")
    small.thumbnail((400, 400))
    return float((np.asarray(small) < 128).mean()) if small.width and small.height else 0.0


def quality_report(
    prepared: PreparedPage, *, skew_degrees: float, confidence: float, words: int, ink: float | None = None
) -> pb.PageQuality:
    """The page's `PageQuality`: what was turned, its resolution and capture, and whether to trust it."""
    quality = pb.PageQuality(
        rotation_degrees=prepared.orientation.degrees,
        orientation_method=prepared.orientation.method,
        orientation_confidence=prepared.orientation.confidence,
        skew_degrees=skew_degrees,
        estimated_dpi=prepared.capture.dpi or prepared.dpi,
        capture=prepared.capture.kind,
        exif_orientation=prepared.capture.exif_orientation,
    )
    quality.warnings.extend(prepared.warnings)
    unreliable = False
    if ink is not None and ink < INK_BLANK:
        quality.warnings.append("the page is blank")
        unreliable = True
    elif ink is not None and ink > INK_BLACK:
        quality.warnings.append("the page is almost entirely black (an inverted or failed scan?)")
        unreliable = True
    elif words == 0:
        quality.warnings.append("no text was recognised on the page")
        unreliable = True
    elif confidence < UNRELIABLE_BELOW:
        quality.warnings.append(
            f"the recognition confidence is low ({confidence:.0%}): check the text against the page"
        )
        unreliable = True
    if quality.estimated_dpi and quality.estimated_dpi < LOW_DPI:
        quality.warnings.append(f"the resolution is low ({quality.estimated_dpi:.0f} dpi)")
    quality.unreliable = unreliable
    return quality

"""How a page image was captured (scan, phone photo, fax), read from the file, not guessed from pixels.

- **Fax**: a TIFF frame compressed with CCITT G3/G4, or a bilevel frame whose
  horizontal and vertical resolutions differ (204 x 98 "normal", 204 x 196
  "fine"); in a PDF, an embedded page image with the CCITTFax filter. Its
  pixels are made square (`square_pixels`) when the page is decoded, so every
  engine sees the letters in their true proportions.
- **Photo**: a JPEG whose EXIF names a camera (make or model). The resolution
  a camera writes (72 dpi) says nothing about the sheet, so it is not
  reported; engines estimate it from the page instead.
- **Scan**: everything else that is an image.

The resolution reported is the one that holds after `square_pixels` (the
horizontal one of a fax).
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf
from PIL import Image

from ocrmesh.v1 import ocr_pb2 as pb

EXIF_ORIENTATION = 0x0112
EXIF_MAKE = 0x010F
EXIF_MODEL = 0x0110
FAX_COMPRESSIONS = frozenset({"group3", "group4", "tiff_ccitt"})
# A resolution stamp below this is not a real one (0, 1, or a screen's 72 on a phone photo).
MIN_TRUSTED_DPI = 60


@dataclass(frozen=True)
class CaptureFacts:
    """What the file says about one page: its capture kind, resolution and EXIF orientation."""

    kind: int = pb.CAPTURE_KIND_UNSPECIFIED
    dpi: float | None = None
    exif_orientation: int = 0


def _resolution(frame: Image.Image) -> tuple[float, float] | None:
    meta = frame.info.get("dpi")
    if not meta or len(meta) != 2:
        return None
    try:
        x, y = float(meta[0]), float(meta[1])
    except (TypeError, ValueError):
        return None
    return (x, y) if x >= MIN_TRUSTED_DPI and y >= MIN_TRUSTED_DPI else None


def image_facts(frame: Image.Image) -> CaptureFacts:
    """The capture facts of a decoded (not yet transposed) image frame."""
    try:
        exif = frame.getexif()
    except Exception:  # noqa: BLE001  # a broken EXIF block (any error) is no reason to lose the page
        exif = Image.Exif()
    raw_orientation = exif.get(EXIF_ORIENTATION, 0)
    orientation = raw_orientation if isinstance(raw_orientation, int) and 1 <= raw_orientation <= 8 else 0
    resolution = _resolution(frame)
    compression = str(frame.info.get("compression", ""))
    anisotropic = resolution is not None and abs(resolution[0] - resolution[1]) > 0.05 * resolution[0]
    if compression in FAX_COMPRESSIONS or (frame.mode == "1" and anisotropic):
        return CaptureFacts(pb.CAPTURE_KIND_FAX, resolution[0] if resolution else None, orientation)
    if frame.format == "JPEG" and (exif.get(EXIF_MAKE) or exif.get(EXIF_MODEL)):
        return CaptureFacts(pb.CAPTURE_KIND_PHOTO, None, orientation)
    return CaptureFacts(pb.CAPTURE_KIND_SCAN, resolution[0] if resolution else None, orientation)


def _square_size(frame: Image.Image) -> tuple[int, int] | None:
    """The size of `frame` with square pixels, or None when its pixels are square already."""
    resolution = _resolution(frame)
    if resolution is None:
        return None
    x, y = resolution
    if abs(x - y) <= 0.05 * x:
        return None
    if x > y:
        return frame.width, max(1, round(frame.height * x / y))
    return max(1, round(frame.width * y / x)), frame.height


def displayed_size(frame: Image.Image) -> tuple[int, int]:
    """The size of a stored frame as `LoadedDocument.render` returns it: EXIF-turned, pixels square."""
    width, height = _square_size(frame) or frame.size
    if image_facts(frame).exif_orientation in (5, 6, 7, 8):  # the transposing orientations
        width, height = height, width
    return width, height


def square_pixels(frame: Image.Image) -> Image.Image:
    """`frame` stretched so its pixels are square (a fax at 204 x 98 dpi gets twice the rows)."""
    size = _square_size(frame)
    if size is None:
        return frame
    x = max(_resolution(frame) or (0.0, 0.0))
    if frame.mode == "1":
        frame = frame.convert("L")
    out = frame.resize(size, Image.Resampling.LANCZOS)  # bench_capture fax-normal, tuning families: +1 pt over bilinear
    out.info = {**frame.info, "dpi": (x, x)}
    return out


def pdf_page_facts(page: pymupdf.Page, dpi: int) -> CaptureFacts:
    """A PDF page rendered at `dpi`: a fax when its one page-filling image is CCITT-compressed, else a scan."""
    try:
        images = page.get_images(full=True)
    except Exception:  # noqa: BLE001  # MuPDF raises plain RuntimeError/ValueError on damaged pages
        return CaptureFacts(pb.CAPTURE_KIND_SCAN, float(dpi))
    if len(images) == 1:
        xref, _smask, width, _height, bpc, _cs, _alt, _name, decode = images[0][:9]
        page_inches = page.rect.width / 72.0
        native = width / page_inches if page_inches > 0 else 0.0
        if "CCITT" in str(decode) or (bpc == 1 and 190 <= native <= 210):
            return CaptureFacts(pb.CAPTURE_KIND_FAX, round(native, 1) or float(dpi))
        if native >= MIN_TRUSTED_DPI and xref:
            return CaptureFacts(pb.CAPTURE_KIND_SCAN, round(native, 1))
    return CaptureFacts(pb.CAPTURE_KIND_SCAN, float(dpi))

"""A phone photo of a sheet made to look like a scan: perspective rectified, light evened out.

Only pages whose file says they are camera photos (`capture.CaptureFacts`)
come here, so a scan never pays for it. With OpenCV:

1. The sheet is found by its four straight edges around the print
   (`sheet.sheet_corners`: in shade, beside another sheet, folded), else as
   the largest bright quadrilateral (Otsu threshold on a 1000-pixel
   thumbnail, outer contours, polygon approximation) covering 20-97 % of the
   frame. It is warped to a rectangle with the sheet's own edge lengths (no
   reduction in resolution).
2. Uneven light is divided out: the background is the page blurred after
   closing (dark strokes removed), at a tenth of the size; each pixel is
   divided by it, so paper becomes white wherever the lamp was.

Without OpenCV the photo is passed on unchanged (greyscale).
"""

from __future__ import annotations

import numpy as np
import structlog
from PIL import Image, ImageOps

from services.intake.curl import straighten_lines
from services.intake.sheet import Thumbnail, clockwise, sheet_corners, thumbnail

log = structlog.get_logger(__name__)

MIN_SHEET = 0.2
MAX_SHEET = 0.97
AGREE = 0.02  # share of the frame within which two sheet outlines are the same sheet


def flatten(image: Image.Image) -> tuple[Image.Image, str]:
    """`image` rectified and evened out (greyscale), and a note for the page report ("" if none)."""
    try:
        import cv2
    except ImportError:  # pragma: no cover - the venv has opencv-python-headless
        return ImageOps.grayscale(image), "photo not rectified (OpenCV is not installed)"
    grey = np.asarray(ImageOps.grayscale(image))
    note = ""
    quad = _sheet(cv2, grey)
    if quad is not None:
        grey = _warp(cv2, grey, quad)
    else:
        note = "photo: the sheet's edges were not found; perspective not corrected"
    grey = _even_light(cv2, grey)
    grey, curl = straighten_lines(cv2, grey)
    log.info(
        "photo_flattened",
        rectified=quad is not None,
        curl_pixels=round(curl, 1),
        width=grey.shape[1],
        height=grey.shape[0],
    )
    return Image.fromarray(grey, "L"), note


def _sheet(cv2, grey: np.ndarray) -> np.ndarray | None:  # type: ignore[no-untyped-def]
    """The sheet's corners: the bright quadrilateral where the edges around the print agree with it (it
    lies on the paper's side of the border), else the edges' (`sheet_corners`: in shade, beside another
    sheet, folded), else the bright one alone (no print, or no four edges)."""
    thumb = thumbnail(cv2, grey)
    by_edges = sheet_corners(cv2, grey, thumb)
    by_brightness = _sheet_quadrilateral(cv2, grey, thumb)
    if by_edges is None:
        return by_brightness
    if by_brightness is not None and np.abs(by_brightness - by_edges).max() <= AGREE * max(grey.shape):
        return by_brightness
    return by_edges


def _sheet_quadrilateral(cv2, grey: np.ndarray, thumb: Thumbnail | None = None) -> np.ndarray | None:  # type: ignore[no-untyped-def]
    """The largest bright quadrilateral of `grey` (its thumbnail `thumb` when made already), or None."""
    thumb = thumb or thumbnail(cv2, grey)
    small, blurred, scale = thumb.small, thumb.blurred, thumb.scale
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))  # text holes closed
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    contour = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(contour) / float(small.shape[0] * small.shape[1])
    if not MIN_SHEET <= share <= MAX_SHEET:
        return None
    hull = cv2.convexHull(contour)
    approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(approx) != 4:
        return None
    return clockwise(approx.reshape(4, 2).astype(np.float32) / scale)


def _warp(cv2, grey: np.ndarray, quad: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    tl, tr, br, bl = quad
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad, target)
    return cv2.warpPerspective(grey, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)


def _even_light(cv2, grey: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    small = cv2.resize(grey, None, fx=0.1, fy=0.1, interpolation=cv2.INTER_AREA)
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    background = cv2.GaussianBlur(background, (0, 0), 3)
    background = cv2.resize(background, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(grey, np.maximum(background, 1), scale=255)
    return flat

"""Turn a page upright before OCR: 0, 90, 180 or 270 degrees.

Shared by every engine that recognises page images (`tesseract`, and the
`surya` backend's OCR path), so a page delivered upside down or sideways is
read the same way by all of them. EXIF orientation is not handled here: intake
applies it when it decodes an image (`LoadedDocument.render`).

1. **Upright check** (every page; about a tenth of a page's recognition): the
   band of the page with the most ink, about an eighth of its height, is read
   as one block. When its words are word-like and read with confidence
   (`UPRIGHT_CONFIDENCE`), the page is upright and nothing else runs.
2. **OSD**: otherwise Tesseract's orientation detection (`osd.traineddata`)
   on the whole page; its answer is taken when its confidence is at least
   `CONFIDENT`.
3. **Readings compared**: when OSD is unsure too (few characters, odd fonts,
   tables of digits, a fax at 98 dpi), the candidates (OSD's answer, the
   opposite, and upright) are read on a band across the middle of the page
   and the reading that looks most like text wins (`_reading_score`): word
   confidence weighted by characters, counting only words made of letters or
   of digits.

So an upright page costs the check alone, and a turned one the check and one
OSD pass (plus the readings when OSD is unsure).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # must be set before libtesseract loads

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import structlog
import tesserocr
from PIL import Image, ImageOps

log = structlog.get_logger(__name__)

TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    r"C:\Program Files\Tesseract-OCR\tessdata",
)
# The upright check passes when at least this share of the characters read in the ink band (and
# UPRIGHT_MIN_CHARS of them) are in word-like words read at GOOD_WORD confidence or better.
# Measured: upright invoice, statute and fax pages 0.77-0.99, the same pages turned 0-0.17.
UPRIGHT_CONFIDENCE = 0.6
UPRIGHT_MIN_CHARS = 40
GOOD_WORD = 60
CHECK_BAND = 0.125
CHECK_DPI = 200  # the band is read at most at this resolution
# OSD's orientation confidence at which its answer is taken without reading the candidates.
# Measured on degraded 200 dpi invoice, statute and fax pages: clear pages scored 7-20; a fax at
# 98 dpi 2.3 (right, but too close to call).
CONFIDENT = 5.0
OSD_DPI = 300  # pages finer than this are scaled down for OSD (its confidence drops at 150 dpi)
# The band read per candidate when OSD is unsure: this share of the page height around the middle.
BAND = 0.4
_WORDLIKE = re.compile(r"^[\"'(\[]?(?:[^\W\d_]{2,}|\d[\d.,/:-]*)[\"').,;:!?\]]?$")


def find_tessdata() -> str:
    """A tessdata directory holding `deu.traineddata`: TESSDATA_PREFIX, else the usual places; "" if none."""
    env = os.environ.get("TESSDATA_PREFIX")
    for candidate in (env, *TESSDATA_CANDIDATES):
        if candidate and (Path(candidate) / "deu.traineddata").is_file():
            return candidate
    return ""


@dataclass(frozen=True)
class Orientation:
    """What was found: `degrees` clockwise to turn the page upright, and how that was decided."""

    degrees: int = 0
    method: str = "none"  # "check", "osd", "osd+ocr", "none" (no text to judge by, or no OSD data)
    confidence: float = 0.0


class _Apis(threading.local):
    osd: tesserocr.PyTessBaseAPI | None = None
    reader: tesserocr.PyTessBaseAPI | None = None
    path: str = ""


_apis = _Apis()


def _osd_api(tessdata: str) -> tesserocr.PyTessBaseAPI | None:
    if not (Path(tessdata) / "osd.traineddata").is_file():
        return None
    if _apis.osd is None or _apis.path != tessdata:
        _apis.osd = tesserocr.PyTessBaseAPI(path=tessdata, lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        _apis.reader = None
        _apis.path = tessdata
    return _apis.osd


def _reader_api(tessdata: str) -> tesserocr.PyTessBaseAPI:
    if _apis.reader is None:
        _apis.reader = tesserocr.PyTessBaseAPI(
            path=tessdata, lang="deu", psm=tesserocr.PSM.SINGLE_BLOCK, oem=tesserocr.OEM.LSTM_ONLY
        )
    return _apis.reader


def turn(image: Image.Image, degrees: int) -> Image.Image:
    """`image` turned clockwise by `degrees` (a multiple of 90)."""
    degrees %= 360
    if degrees == 0:
        return image
    return image.rotate(-degrees, expand=True)


def detect_orientation(grey: Image.Image, dpi: float, tessdata: str | None = None) -> Orientation:
    """How far to turn `grey` (a page at `dpi`) clockwise so its text stands upright."""
    tessdata = tessdata if tessdata is not None else find_tessdata()
    api = _osd_api(tessdata) if tessdata else None
    if api is None or grey.width < 32 or grey.height < 32:
        return Orientation()
    small = grey if grey.mode == "L" else ImageOps.grayscale(grey)
    checked = _upright_check(small, dpi, tessdata)
    if checked >= UPRIGHT_CONFIDENCE:
        return Orientation(0, "check", checked)
    scale = min(1.0, OSD_DPI / dpi) if dpi > 0 else 1.0
    if scale < 0.95:
        small = small.resize((max(1, round(small.width * scale)), max(1, round(small.height * scale))))
    api.SetImage(small)
    api.SetSourceResolution(round(dpi * scale))
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:  # too few characters to judge
        found = None
    finally:
        api.Clear()
    if not found:
        return Orientation()
    # OSD's orient_deg is how far the text is turned counter-clockwise; turning it back is clockwise.
    degrees = (360 - int(found["orient_deg"])) % 360
    confidence = float(found["orient_conf"])
    if confidence >= CONFIDENT:
        return Orientation(degrees, "osd", confidence)
    candidates = list(dict.fromkeys([degrees, (degrees + 180) % 360, 0]))
    scores = {d: _reading_score(_band(turn(small, d)), tessdata, dpi * scale) for d in candidates}
    best = max(candidates, key=lambda d: scores[d])
    log.info(
        "orientation_by_reading",
        osd_degrees=degrees,
        osd_confidence=round(confidence, 2),
        scores={str(d): round(s, 3) for d, s in scores.items()},
        chosen=best,
    )
    if scores[best] <= 0:
        return Orientation(0, "none", confidence)
    return Orientation(best, "osd+ocr", confidence)


def _upright_check(grey: Image.Image, dpi: float, tessdata: str) -> float:
    """Share of the characters read in the page's inkiest band, as it stands, that are in confident
    word-like words (0 when there are too few of them)."""
    thumb = grey.copy()
    thumb.thumbnail((300, 300))
    rows = (np.asarray(thumb) < 128).sum(axis=1).astype(np.float64)
    height = max(1, round(len(rows) * CHECK_BAND))
    if rows.sum() == 0 or len(rows) <= height:
        return 0.0
    window = np.convolve(rows, np.ones(height), mode="valid")
    top = int(np.argmax(window))
    bottom = top + height
    # Widen to the gaps between lines so no line is cut in half.
    gap = rows.max() * 0.02
    while top > 0 and rows[top] > gap and top > bottom - 2 * height:
        top -= 1
    while bottom < len(rows) - 1 and rows[bottom] > gap and bottom < top + 2 * height:
        bottom += 1
    scale = grey.height / len(rows)
    band = grey.crop((0, round(top * scale), grey.width, round((bottom + 1) * scale)))
    if dpi > CHECK_DPI:  # fewer pixels, same verdict
        factor = CHECK_DPI / dpi
        band = band.resize((max(1, round(band.width * factor)), max(1, round(band.height * factor))))
        dpi = CHECK_DPI
    words = _read(band, tessdata, dpi, tesserocr.PSM.SINGLE_BLOCK)
    good = sum(len(w) for w, c in words if c >= GOOD_WORD and _WORDLIKE.match(w))
    if good < UPRIGHT_MIN_CHARS:
        return 0.0
    return good / sum(len(w) for w, _ in words)


def _read(image: Image.Image, tessdata: str, dpi: float, psm: int) -> list[tuple[str, float]]:
    """Words and confidences (0..100) of `image` read with German at page segmentation `psm`."""
    api = _reader_api(tessdata)
    api.SetPageSegMode(psm)
    api.SetImage(image)
    api.SetSourceResolution(round(dpi))
    try:
        api.Recognize()
        return [(w, c) for w, c in api.MapWordConfidences() if w.strip()]
    finally:
        api.Clear()


def _band(image: Image.Image) -> Image.Image:
    top = round(image.height * (0.5 - BAND / 2))
    return image.crop((0, top, image.width, top + round(image.height * BAND)))


def _reading_score(image: Image.Image, tessdata: str, dpi: float) -> float:
    """How much a reading of `image` looks like text: confident characters in word-like words."""
    words = _read(image, tessdata, dpi, tesserocr.PSM.AUTO)
    return sum(len(w) * c / 100.0 for w, c in words if _WORDLIKE.match(w))


def upright(image: Image.Image, dpi: float, tessdata: str | None = None) -> tuple[Image.Image, Orientation]:
    """`image` turned upright, and what was done."""
    found = detect_orientation(image, dpi, tessdata)
    return turn(image, found.degrees), found

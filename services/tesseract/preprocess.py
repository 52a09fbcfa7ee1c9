"""Image clean-up before Tesseract, applied only where it helps.

- Greyscale and a contrast stretch (1 % cut-off) always: on degraded 200 dpi
  scans of the dataset this raised word recall by about a point at no cost.
  The dark cut-off is never more than a quarter of the page's ink: on a page
  that is mostly paper (a last page with the totals only: 0.6 % ink) a 1 %
  cut-off falls in the paper's noise, which the stretch then turns into 14 %
  dark speckle, and Tesseract read nothing at all.
- Upscaling of low-resolution images to ~300 dpi: Tesseract's LSTM models
  read x-heights of 20-30 px best; 150-200 dpi scans are too small.
- Deskew (projection profile) always: word recall alone hardly moves, but
  on skewed scans Tesseract's layout analysis chains a side column ("Rechnungsnr.:
  B-56686" next to the address block) into the neighbouring column's lines and
  garbles both; deskewed, invoice number and date on degraded synthetic scans went
  from about 91 to 96-97 of 100 (benchmarks/bench_fields.py).
- FULL mode adds a median denoise, which *lowered* recall on the dataset scans
  and costs time; kept for noisy photos. benchmarks/bench_engines.py measures
  every mode (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from ocrmesh.v1 import ocr_pb2 as pb

TARGET_DPI = 300
UPSCALE_BELOW_DPI = 250
MAX_UPSCALED_PIXELS = 40_000_000  # an A4 page at 300 dpi is 8.7 MP
CONTRAST_CUTOFF_PERCENT = 1.0
INK_LEVEL = 128  # grey values below are ink


def estimate_skew(grey: Image.Image, max_degrees: float = 3.0, step: float = 0.25) -> float:
    """Skew angle in degrees by maximising the variance of row projections."""
    small = grey.copy()
    small.thumbnail((1000, 1000))
    ink = np.asarray(small, dtype=np.uint8) < 128
    if ink.mean() < 0.002:
        return 0.0
    best_angle, best_score = 0.0, -1.0
    img = Image.fromarray((ink * 255).astype(np.uint8))
    for angle in np.arange(-max_degrees, max_degrees + step / 2, step):
        rotated = np.asarray(img.rotate(float(angle), resample=Image.Resampling.NEAREST, fillcolor=0))
        profile = rotated.sum(axis=1, dtype=np.int64)
        score = float(np.var(profile))
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle


def stretch_contrast(grey: Image.Image) -> Image.Image:
    """Autocontrast with a 1 % cut-off at the light end and at most a quarter of the ink at the dark end."""
    sample = grey.copy()
    sample.thumbnail((1000, 1000))
    ink_percent = float((np.asarray(sample) < INK_LEVEL).mean()) * 100
    dark = min(CONTRAST_CUTOFF_PERCENT, ink_percent / 4)
    return ImageOps.autocontrast(grey, cutoff=(dark, CONTRAST_CUTOFF_PERCENT))


def preprocess(image: Image.Image, mode: int, dpi: float) -> tuple[Image.Image, float, float]:
    """Return the image for Tesseract, the scale factor applied and the skew removed (degrees).

    `dpi` is the page's resolution (`services.intake.pageprep.page_dpi`).
    """
    if mode == pb.PREPROCESSING_NONE:
        return image, 1.0, 0.0
    grey = image if image.mode == "L" else ImageOps.grayscale(image)
    scale = 1.0
    if dpi < UPSCALE_BELOW_DPI:
        # Never beyond MAX_UPSCALED_PIXELS, whatever resolution the file claims.
        scale = max(
            1.0, min(TARGET_DPI / dpi, (MAX_UPSCALED_PIXELS / max(1, grey.width * grey.height)) ** 0.5)
        )
        if scale > 1.0:
            size = (round(grey.width * scale), round(grey.height * scale))
            grey = grey.resize(size, Image.Resampling.LANCZOS)
    grey = stretch_contrast(grey)
    if mode == pb.PREPROCESSING_FULL:
        grey = grey.filter(ImageFilter.MedianFilter(3))
    angle = estimate_skew(grey)
    if abs(angle) >= 0.25:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    else:
        angle = 0.0
    return grey, scale, angle

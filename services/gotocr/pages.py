"""Choose GOT's mode per page from cheap measurements of the page image.

- Multi-crop when the text would be too small at GOT's input size: GOT scales
  every page (or crop) to a fixed square (1024 px for the released model); a
  text line shorter than `min_line_px` after that scaling is hard to read, so
  the page is cut into tiles (`crop_to_patches`) instead.
- Formatted output ("OCR with format": markdown/LaTeX, tables) when the page
  has ruling lines that look like a table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

# Analysis runs on a copy at most this tall (speed; line heights are scaled back).
_ANALYSIS_HEIGHT = 1600


@dataclass(frozen=True)
class PageStats:
    height: int
    # Median height of text lines in pixels of the full-size page (0 = no text found).
    line_height: float
    # Share of dark pixels.
    ink: float
    # Horizontal rules: unbroken lines across at least 40 % of the page width.
    rules: int


def measure(image: Image.Image) -> PageStats:
    gray = image.convert("L")
    scale = min(1.0, _ANALYSIS_HEIGHT / gray.height)
    if scale < 1.0:
        gray = gray.resize((max(1, round(gray.width * scale)), _ANALYSIS_HEIGHT))
    dark = np.asarray(gray) < 128
    row_share = dark.mean(axis=1)
    # A rule is a row with one unbroken dark run across 40 % of the width (text rows have gaps).
    rule_rows = np.zeros(len(row_share), dtype=bool)
    for y in np.flatnonzero(row_share >= 0.4):
        rule_rows[y] = max(_run_lengths(dark[y]), default=0) >= 0.4 * dark.shape[1]
    rules = _runs(rule_rows)
    text_rows = (row_share > 0.003) & ~rule_rows
    heights = [length for length in _run_lengths(text_rows) if length >= 2]
    line_height = float(np.median(heights)) / scale if heights else 0.0
    return PageStats(image.height, line_height, float(dark.mean()), rules)


def _run_lengths(mask: np.ndarray) -> list[int]:
    padded = np.concatenate(([0], mask.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return [int(b - a) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _runs(mask: np.ndarray) -> int:
    return len(_run_lengths(mask))


def choose_mode(
    stats: PageStats, *, mode: str, crop: str, input_size: int = 1024, min_line_px: float = 14.0, min_rules: int = 3
) -> str:
    """One of "plain", "format", "crop", "crop+format" (see the module docstring)."""
    formatted = mode == "format" or (mode == "auto" and stats.rules >= min_rules)
    if crop == "always":
        cropped = True
    elif crop == "never" or stats.line_height == 0:
        cropped = False
    else:
        cropped = stats.line_height * input_size / stats.height < min_line_px and stats.height > input_size
    if cropped:
        return "crop+format" if formatted else "crop"
    return "format" if formatted else "plain"

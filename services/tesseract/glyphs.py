"""The printed glyphs under Tesseract's symbols: what the checks of single characters look at.

Tesseract's decoder names each symbol with a box that is only roughly where its glyph is. The ink
itself (Tesseract's own binarisation of the page) tells where glyphs are and how wide: a glyph is a
connected component of ink. `ghosts.py` (one glyph read as two characters) and `round_glyphs.py`
(a zero read as the letter O, and the other way round) judge a word by the glyphs under its symbols.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import tesserocr

PixelBox = tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels

# A glyph counts as under a box with this share of its width inside the box's x-range.
GLYPH_IN = 0.3
# A connected component smaller than this share of the word's height squared is a speck, not a glyph.
SPECK_SHARE = 0.02


@dataclass(frozen=True)
class Symbol:
    text: str
    box: PixelBox


def word_symbols(api: tesserocr.PyTessBaseAPI, boxes: set[PixelBox]) -> dict[PixelBox, list[Symbol]]:
    """The symbols of the words of `api`'s current result whose pixel boxes are `boxes`, by box, left to
    right (only those words are walked symbol by symbol: the walk costs more than the page's words)."""
    iterator = api.GetIterator()
    if iterator is None:
        return {}
    RIL = tesserocr.RIL
    words: dict[PixelBox, list[Symbol]] = {}
    more = True
    while more:
        word_box = iterator.BoundingBox(RIL.WORD)
        if word_box is None or tuple(word_box) not in boxes:
            more = iterator.Next(RIL.WORD)
            continue
        symbols = words.setdefault(tuple(word_box), [])  # type: ignore[arg-type]
        while True:  # the word's symbols, up to the next word's start
            symbol_box = iterator.BoundingBox(RIL.SYMBOL)
            try:
                text = iterator.GetUTF8Text(RIL.SYMBOL)
            except RuntimeError:  # "No text returned"
                text = ""
            if symbol_box and text.strip():
                symbols.append(Symbol(text, tuple(symbol_box)))  # type: ignore[arg-type]
            more = iterator.Next(RIL.SYMBOL)
            if not more or iterator.IsAtBeginningOf(RIL.WORD):
                break
    return words


def page_ink(api: tesserocr.PyTessBaseAPI, width: int, height: int) -> np.ndarray | None:
    """Tesseract's binarisation of the page (True = ink), or None where it has none of this size (boxes
    and ink would not line up)."""
    thresholded = api.GetThresholdedImage()
    if thresholded is None:
        return None
    ink = np.asarray(thresholded) == 0
    return ink if ink.shape == (height, width) else None


def glyph_extents(ink: np.ndarray, box: PixelBox) -> list[tuple[int, int]]:
    """x-extents (page pixels) of the glyphs under `box`: connected components of its rows with at least
    GLYPH_IN of their width inside its x-range, specks left out; left to right."""
    x0, y0, x1, y1 = box
    height = y1 - y0
    if x1 <= x0 or height <= 0:
        return []
    left = max(0, x0 - height)  # whole glyphs: a component may reach out of the symbols' boxes
    band = ink[max(0, y0) : y1, left : x1 + height].astype(np.uint8)
    if not band.size:
        return []
    count, _labels, stats, _centroids = cv2.connectedComponentsWithStats(band, connectivity=8)
    out = []
    for k in range(1, count):
        start = left + int(stats[k][cv2.CC_STAT_LEFT])
        end = start + int(stats[k][cv2.CC_STAT_WIDTH])
        inside = min(end, x1) - max(start, x0)
        if stats[k][cv2.CC_STAT_AREA] >= SPECK_SHARE * height * height and inside >= GLYPH_IN * (end - start):
            out.append((start, end))
    return sorted(out)

"""One printed glyph read twice as two look-alike characters ("RE019230" read "REO019230").

Tesseract's LSTM decoder sometimes emits two characters for one glyph where two readings of it
compete (a zero as `O` and `0`, a one as `I` and `1`). No dictionary or checksum can undo that in an
invoice number. The page itself can: where two adjacent symbols of a word are a digit and a letter
it is read for, and their boxes lie on one another, the ink under the pair is counted; one glyph
(one connected component of Tesseract's own binarisation) under two symbols is a ghost, and the
symbol whose box fits that glyph is kept. Genuine pairs ("Modell X1I") stand side by side as two
glyphs and stay as read; two glyphs touching at fax resolution ("EUR/100" read "EUR/10O") make one
component as wide as two, and stay too.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import structlog
import tesserocr

log = structlog.get_logger(__name__)

PixelBox = tuple[int, int, int, int]

# A digit and the letters the decoder reads for it; a word holding a digit beside one of its letters is
# looked at. (Two letters side by side, "Do", "Il", are left alone: at fax resolution they often touch.)
LOOK_ALIKES = {"0": "OoQ", "1": "Il|"}
_PAIRS = frozenset((d, c) for d, letters in LOOK_ALIKES.items() for c in letters) | frozenset(
    (c, d) for d, letters in LOOK_ALIKES.items() for c in letters
)
# The two symbols' boxes overlap by at least this share of the narrower one: two readings of one place.
OVERLAP_SHARE = 0.5
# ... and the one glyph under them is no wider than this many times the word's other symbols (median):
# two glyphs touching at fax resolution ("100" read "10O") are wider.
GLYPH_WIDTH_MAX = 1.4
# A glyph counts as under the pair with this share of its width inside the pair's boxes; the one glyph must
# cover this share of them (the decoder's boxes are approximate: a second glyph may stick out of them).
GLYPH_IN = 0.3
GLYPH_COVER = 0.6
# A connected component smaller than this share of the word's height squared is a speck, not a glyph.
SPECK_SHARE = 0.02


@dataclass(frozen=True)
class _Symbol:
    text: str
    box: PixelBox


def has_suspect_pair(text: str) -> bool:
    """Whether `text` holds two different look-alike characters side by side (cheap pre-check)."""
    return any(pair in _PAIRS for pair in zip(text, text[1:]))


def ghost_free_words(
    api: tesserocr.PyTessBaseAPI, width: int, height: int, boxes: set[PixelBox]
) -> dict[PixelBox, tuple[str, str]]:
    """Of the words of `api`'s current result (`width` x `height` pixels) whose pixel boxes are `boxes` (those
    `has_suspect_pair` flagged), the ones that hold a ghost, by box: (the word as its symbols read, the word with
    the ghost dropped). The caller changes a word only where its text is the first (a word the walk saw
    otherwise, or two words of one box, are left alone). Only those words are walked symbol by symbol."""
    iterator = api.GetIterator()
    if iterator is None:
        return {}
    RIL = tesserocr.RIL
    words: dict[PixelBox, list[_Symbol]] = {}
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
                symbols.append(_Symbol(text, tuple(symbol_box)))  # type: ignore[arg-type]
            more = iterator.Next(RIL.SYMBOL)
            if not more or iterator.IsAtBeginningOf(RIL.WORD):
                break
    suspects = {box: symbols for box, symbols in words.items() if _suspect_at(symbols)}
    if not suspects:
        return {}
    thresholded = api.GetThresholdedImage()
    if thresholded is None:
        return {}
    ink = np.asarray(thresholded) == 0  # Tesseract's binarisation, True = ink
    if ink.shape != (height, width):
        return {}  # boxes and ink would not line up
    fixed: dict[PixelBox, tuple[str, str]] = {}
    for box, symbols in suspects.items():
        kept = _without_ghosts(symbols, box, ink)
        if len(kept) < len(symbols):
            fixed[box] = ("".join(s.text for s in symbols), "".join(s.text for s in kept))
            log.info("ghost_symbol_dropped", dropped=len(symbols) - len(kept))
    return fixed


def _suspect_at(symbols: list[_Symbol]) -> list[int]:
    return [i for i in range(len(symbols) - 1) if (symbols[i].text, symbols[i + 1].text) in _PAIRS]


def _without_ghosts(symbols: list[_Symbol], word: PixelBox, ink: np.ndarray) -> list[_Symbol]:
    drop: set[int] = set()
    for i in _suspect_at(symbols):
        if i in drop or i + 1 in drop:
            continue
        a, b = symbols[i], symbols[i + 1]
        narrower = min(a.box[2] - a.box[0], b.box[2] - b.box[0])
        if narrower <= 0 or min(a.box[2], b.box[2]) - max(a.box[0], b.box[0]) < OVERLAP_SHARE * narrower:
            continue  # side by side: two places, two glyphs
        x0, x1 = min(a.box[0], b.box[0]), max(a.box[2], b.box[2])
        glyphs = _glyphs(ink, (x0, word[1], x1, word[3]))
        if len(glyphs) != 1 or glyphs[0][1] - glyphs[0][0] < GLYPH_COVER * (x1 - x0):
            continue  # two glyphs (a genuine pair), none to judge by, or one that leaves room for another
        g0, g1 = glyphs[0]
        others = sorted(s.box[2] - s.box[0] for k, s in enumerate(symbols) if k not in (i, i + 1))
        if len(others) < 2 or g1 - g0 > GLYPH_WIDTH_MAX * others[len(others) // 2]:
            continue  # no measure of one glyph, or two glyphs touching
        drop.add(i if _fit(b.box, g0, g1) >= _fit(a.box, g0, g1) else i + 1)
    return [s for k, s in enumerate(symbols) if k not in drop]


def _glyphs(ink: np.ndarray, box: PixelBox) -> list[tuple[int, int]]:
    """x-extents (page pixels) of the glyphs under `box`: connected components of its rows with at least
    GLYPH_IN of their width inside its x-range."""
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
    return out


def _fit(box: PixelBox, g0: int, g1: int) -> float:
    """How well a symbol's box covers the glyph's extent (intersection over union in x)."""
    inter = max(0, min(box[2], g1) - max(box[0], g0))
    union = max(box[2], g1) - min(box[0], g0)
    return inter / union if union > 0 else 0.0

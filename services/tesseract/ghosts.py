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

from itertools import pairwise

import numpy as np

from services.tesseract.glyphs import PixelBox, Symbol, glyph_extents

# A digit and the letters the decoder reads for it; a word holding a digit beside one of its letters is
# looked at. (Two letters side by side, "Do", "Il", are left alone: at fax resolution they often touch.)
LOOK_ALIKES = {"0": "OoQ", "1": "Il|"}
_PAIRS = frozenset((d, c) for d, letters in LOOK_ALIKES.items() for c in letters) | frozenset(
    (c, d) for d, letters in LOOK_ALIKES.items() for c in letters
)
# The two symbols' boxes overlap by at least this share of the narrower one: two readings of one place.
OVERLAP_SHARE = 0.5
# ... and the one glyph under them is no wider than this many times the word's other symbols' boxes
# (median, letters' too): two glyphs touching at fax resolution ("100" read "10O") are about twice as
# wide, one O up to 1.65 times a digit (which of O and 0 it is, round_glyphs.py tells by its width).
GLYPH_WIDTH_MAX = 1.7
# Round look-alikes: a glyph too big to vanish in the binarisation. One of them narrower than this many
# times the word's other symbols with no glyph of its own is read over the gap between two glyphs.
ROUND = frozenset("0" + LOOK_ALIKES["0"])
NARROW_GHOST = 0.75
# The one glyph must cover this share of the pair's boxes (the decoder's boxes are approximate: a second
# glyph may stick out of them; a glyph counts as under them with GLYPH_IN of its width inside).
GLYPH_COVER = 0.6


def has_suspect_pair(text: str) -> bool:
    """Whether `text` holds two different look-alike characters side by side (cheap pre-check)."""
    return any(pair in _PAIRS for pair in pairwise(text))


def without_ghosts(symbols: list[Symbol], word: PixelBox, ink: np.ndarray) -> list[Symbol]:
    """`symbols` (one word, left to right), the ghost of each look-alike pair read from one glyph dropped."""
    drop: set[int] = set()
    for i in _suspect_at(symbols):
        if i in drop or i + 1 in drop:
            continue
        a, b = symbols[i], symbols[i + 1]
        narrower = min(a.box[2] - a.box[0], b.box[2] - b.box[0])
        if narrower <= 0:
            continue
        if min(a.box[2], b.box[2]) - max(a.box[0], b.box[0]) < OVERLAP_SHARE * narrower:
            # Side by side: two places, two glyphs; unless one of them is a narrow round look-alike over the
            # gap between two glyphs with no glyph of its own ("DSWO0674936": the "O" between "W" and "0").
            empty = _over_a_gap(symbols, i, word, ink)
            if empty is not None:
                drop.add(empty)
            continue
        x0, x1 = min(a.box[0], b.box[0]), max(a.box[2], b.box[2])
        glyphs = glyph_extents(ink, (x0, word[1], x1, word[3]))
        if len(glyphs) != 1 or glyphs[0][1] - glyphs[0][0] < GLYPH_COVER * (x1 - x0):
            continue  # two glyphs (a genuine pair), none to judge by, or one that leaves room for another
        g0, g1 = glyphs[0]
        typical = _typical_width(symbols, i)
        if typical is None or g1 - g0 > GLYPH_WIDTH_MAX * typical:
            continue  # no measure of one glyph, or two glyphs touching
        drop.add(i if _fit(b.box, g0, g1) >= _fit(a.box, g0, g1) else i + 1)
    return [s for k, s in enumerate(symbols) if k not in drop]


def _over_a_gap(symbols: list[Symbol], i: int, word: PixelBox, ink: np.ndarray) -> int | None:
    """Of the pair at i, i + 1, the round look-alike (0, O, o, Q) narrower than NARROW_GHOST times the
    word's other symbols that has no glyph under its box while the other has one; else None."""
    typical = _typical_width(symbols, i)
    if typical is None:
        return None
    for ghost, kept in ((i, i + 1), (i + 1, i)):
        g, k = symbols[ghost], symbols[kept]
        if g.text not in ROUND or g.box[2] - g.box[0] >= NARROW_GHOST * typical:
            continue
        if not glyph_extents(ink, (g.box[0], word[1], g.box[2], word[3])) and glyph_extents(
            ink, (k.box[0], word[1], k.box[2], word[3])
        ):
            return ghost
    return None


def _typical_width(symbols: list[Symbol], i: int) -> int | None:
    """The (upper) median box width of the word's symbols other than the pair at i, i + 1; None with fewer
    than two."""
    others = sorted(s.box[2] - s.box[0] for k, s in enumerate(symbols) if k not in (i, i + 1))
    return others[len(others) // 2] if len(others) >= 2 else None


def _suspect_at(symbols: list[Symbol]) -> list[int]:
    return [i for i in range(len(symbols) - 1) if (symbols[i].text, symbols[i + 1].text) in _PAIRS]


def _fit(box: PixelBox, g0: int, g1: int) -> float:
    """How well a symbol's box covers the glyph's extent (intersection over union in x)."""
    inter = max(0, min(box[2], g1) - max(box[0], g0))
    union = max(box[2], g1) - min(box[0], g0)
    return inter / union if union > 0 else 0.0

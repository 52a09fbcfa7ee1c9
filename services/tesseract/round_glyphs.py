"""A zero read as the letter O, or an O read as a zero, in a word of letters and digits ("DR025896").

Between a letter prefix and digits the decoder's language model guesses: on office scans of codes in
eleven typefaces it read about one round glyph in twenty the other way round. The glyph's own width
decides it. Digits share one width in nearly every typeface and a zero is as wide as the others; a
capital O is far wider (in the proportional faces measured 1.22-1.65 times the word's digits, a zero
0.92-1.20). So, measured against the median width of the same word's other digits (same typeface,
same size, same scan):

- a symbol read `0` beside a letter whose glyph is at least LETTER_MIN times as wide is the letter O;
- a symbol read `O` beside a digit whose glyph is at most ZERO_MAX times as wide is a zero, where the
  face is proportional. In a monospaced face (Liberation Mono, Courier New) an O is barely wider than
  a zero (1.02-1.11), so a narrow O there proves nothing and the reading stands. Monospaced glyphs sit
  one pitch apart: two letters of the word whose centres lie a pitch apart unlike the digits' show a
  proportional face; a letter one digit pitch from its neighbour (within MONO_PITCH) may be
  monospaced, and then nothing else counts; otherwise a word of its line whose letters' pitches differ
  widely ("Rechnungsnummer": "mm" against "ec") shows the face (a label and its value are mostly set
  in one face; where the value is monospaced, its own letters say so first).

A glyph counts only where it is the symbol's own: one connected component under the symbol's box that
reaches into neither neighbour's box (a zero touching a "1" at fax resolution is one wider blob).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from services.tesseract.glyphs import PixelBox, Symbol, glyph_extents

# Width of the round glyph over the median width of the word's other digits (not "1": narrow).
LETTER_MIN = 1.26
ZERO_MAX = 1.15
# The word's other digits measured, at least.
MIN_DIGITS = 3
# Two letters side by side whose centres lie further than this share from the digits' pitch apart: a
# proportional typeface (in monospaced ones every pitch was within 0.06 of the digits').
PROPORTIONAL_PITCH = 0.12
# A letter whose centre lies within this share of the digits' pitch from its neighbour's: maybe monospaced.
MONO_PITCH = 0.06
# A word of the line whose widest pitch between two of its letters is this many times its narrowest
# (at least MIN_PITCHES of them measured): a proportional typeface.
LINE_PITCH_SPREAD = 1.25
MIN_PITCHES = 3
# A word of the line with this many letters may show the typeface.
TYPEFACE_LETTERS = 4
# A glyph is a symbol's own where it covers at most this share of a neighbour symbol's box.
NEIGHBOUR_SHARE = 0.5
_DIGITS = frozenset("0123456789")
_WIDTH_DIGITS = _DIGITS - {"1"}

Glyph = tuple[int, int]  # x-extent in page pixels


def may_hold_round_glyph(text: str) -> bool:
    """Whether `text` may hold a zero read as O or an O read as a zero (cheap pre-check): an O beside a
    digit, or a zero beside a letter, and enough digits to measure it by."""
    if sum(c in _WIDTH_DIGITS for c in text) < MIN_DIGITS:
        return False
    return any(_suspect(a, b) or _suspect(b, a) for a, b in pairwise(text))


def shows_typeface(text: str) -> bool:
    """Whether a word of a checked word's line has letters enough to show its typeface's pitches."""
    return sum(c.isalpha() for c in text) >= TYPEFACE_LETTERS


def _suspect(char: str, neighbour: str) -> bool:
    return (char == "O" and neighbour in _DIGITS) or (char == "0" and neighbour.isalpha())


def read_round_glyphs(
    symbols: list[Symbol], word: PixelBox, ink: np.ndarray, line: Sequence[tuple[list[Symbol], PixelBox]] = ()
) -> list[Symbol]:
    """`symbols` (one word, left to right) with each suspect round glyph read by its width; `line` the
    symbols and boxes of words of its line that may show the typeface (`shows_typeface`)."""
    suspects = [
        i
        for i, s in enumerate(symbols)
        if (i > 0 and _suspect(s.text, symbols[i - 1].text))
        or (i + 1 < len(symbols) and _suspect(s.text, symbols[i + 1].text))
    ]
    if not suspects:
        return symbols
    glyphs = _own_glyphs(symbols, word, ink)
    out = list(symbols)
    proportional: bool | None = None  # the face, once asked
    for i in suspects:
        glyph = glyphs[i]
        others = [
            g[1] - g[0]
            for k, (s, g) in enumerate(zip(symbols, glyphs, strict=True))
            if k != i and g is not None and s.text in _WIDTH_DIGITS
        ]
        if glyph is None or len(others) < MIN_DIGITS:
            continue
        ratio = (glyph[1] - glyph[0]) / statistics.median(others)
        text = symbols[i].text
        if text == "0" and ratio >= LETTER_MIN:
            out[i] = Symbol("O", symbols[i].box)
        elif text == "O" and ratio <= ZERO_MAX:
            if proportional is None:
                proportional = _proportional_face(symbols, glyphs, set(suspects), line, ink)
            if proportional:
                out[i] = Symbol("0", symbols[i].box)
    return out


def _own_glyphs(symbols: Sequence[Symbol], word: PixelBox, ink: np.ndarray) -> list[Glyph | None]:
    """Per symbol, the one glyph under its box that is its own, or None: no glyph, several (a broken
    glyph, an "i" and its dot), or one reaching into a neighbour's box (two glyphs touching)."""
    glyphs: list[Glyph | None] = []
    for k, symbol in enumerate(symbols):
        found = glyph_extents(ink, (symbol.box[0], word[1], symbol.box[2], word[3]))
        glyph = found[0] if len(found) == 1 else None
        if glyph is not None and any(
            _covers(glyph, symbols[n].box) for n in (k - 1, k + 1) if 0 <= n < len(symbols)
        ):
            glyph = None
        glyphs.append(glyph)
    return glyphs


def _covers(glyph: Glyph, box: PixelBox) -> bool:
    width = box[2] - box[0]
    return width > 0 and min(glyph[1], box[2]) - max(glyph[0], box[0]) > NEIGHBOUR_SHARE * width


def _proportional_face(
    symbols: list[Symbol],
    glyphs: list[Glyph | None],
    suspects: set[int],
    line: Sequence[tuple[list[Symbol], PixelBox]],
    ink: np.ndarray,
) -> bool:
    """Whether the word is set in a proportional face: by its own letters' pitches against its digits',
    else, where no letter of it sits one digit pitch from its neighbour, by its line's words."""
    centres = [None if g is None else (g[0] + g[1]) / 2 for g in glyphs]
    digit_pitches = [
        b - a
        for k in range(len(symbols) - 1)
        if k not in suspects and k + 1 not in suspects
        and symbols[k].text in _WIDTH_DIGITS and symbols[k + 1].text in _WIDTH_DIGITS
        and (a := centres[k]) is not None and (b := centres[k + 1]) is not None
    ]  # fmt: skip
    if len(digit_pitches) < 2:
        return False
    pitch = statistics.median(digit_pitches)
    if pitch <= 0:
        return False
    maybe_mono = False
    for k in range(len(symbols) - 1):
        a, b = centres[k], centres[k + 1]
        if a is None or b is None:
            continue
        letters = [j for j in (k, k + 1) if j not in suspects and symbols[j].text.isalpha()]
        if not letters:
            continue  # a suspect and a digit: one digit pitch apart in any face, if the suspect is a zero
        deviation = abs((b - a) / pitch - 1)
        if len(letters) == 2 and deviation >= PROPORTIONAL_PITCH:
            return True  # two letters unlike the digits
        if deviation <= MONO_PITCH:
            maybe_mono = True  # a letter one digit pitch from its neighbour
    return not maybe_mono and _proportional_line(line, ink)


def _proportional_line(line: Sequence[tuple[list[Symbol], PixelBox]], ink: np.ndarray) -> bool:
    """Whether a word of the line has letters whose pitches differ widely (monospaced ones do not)."""
    for symbols, box in line:
        glyphs = _own_glyphs(symbols, box, ink)
        pitches = [
            (b[0] + b[1] - a[0] - a[1]) / 2
            for s, t, a, b in zip(symbols, symbols[1:], glyphs, glyphs[1:], strict=False)
            if s.text.isalpha() and t.text.isalpha() and a is not None and b is not None
        ]
        if (
            len(pitches) >= MIN_PITCHES
            and min(pitches) > 0
            and max(pitches) >= LINE_PITCH_SPREAD * min(pitches)
        ):
            return True
    return False

"""A zero read as the letter O, or an O read as a zero, in a word of letters and digits ("DR025896").

Between a letter prefix and digits the decoder's language model guesses: on office scans of codes in
eleven typefaces it read about one round glyph in twenty the other way round. The glyph's own width
decides it. Digits share one width in nearly every typeface and a zero is as wide as the others; a
capital O is far wider (in the proportional faces measured 1.22-1.65 times the word's digits, a zero
0.92-1.20). So, measured against the median width of the same word's other digits (same typeface,
same size, same scan):

- a symbol read `0` beside a letter whose glyph is at least LETTER_MIN times as wide is the letter O;
- a symbol read `O` beside a digit whose glyph is at most ZERO_MAX times as wide is a zero, where the
  word or its line shows a proportional typeface. In a monospaced face (Liberation Mono, Courier New)
  an O is barely wider than a zero (1.02-1.11), so a narrow O there proves nothing and the reading
  stands. Monospaced glyphs sit one pitch apart: two letters of the word whose centres lie a pitch apart
  unlike the digits', or a word of the line whose letters' pitches differ widely ("Rechnungsnummer":
  "mm" against "ec"), show a proportional face; without either the reading stands.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

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
# A word of the line whose widest pitch between two of its letters is this many times its narrowest
# (at least MIN_PITCHES of them measured): a proportional typeface.
LINE_PITCH_SPREAD = 1.25
MIN_PITCHES = 3
# A word of the line with this many letters may show the typeface.
TYPEFACE_LETTERS = 4
_DIGITS = frozenset("0123456789")
_WIDTH_DIGITS = _DIGITS - {"1"}


def may_hold_round_glyph(text: str) -> bool:
    """Whether `text` may hold a zero read as O or an O read as a zero (cheap pre-check): an O beside a
    digit, or a zero beside a letter, and enough digits to measure it by."""
    if sum(c in _WIDTH_DIGITS for c in text) < MIN_DIGITS:
        return False
    return any(_suspect(a, b) or _suspect(b, a) for a, b in zip(text, text[1:]))


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
        elif text == "O" and ratio <= ZERO_MAX and (
            _proportional(symbols, glyphs, set(suspects)) or _proportional_line(line, ink)
        ):
            out[i] = Symbol("0", symbols[i].box)
    return out


def _own_glyphs(symbols: Sequence[Symbol], word: PixelBox, ink: np.ndarray) -> list[tuple[int, int] | None]:
    """Per symbol, the one glyph under its box that is its own, or None: no glyph, several (a broken
    glyph, an "i" and its dot), or one it shares with a neighbour (two glyphs touching)."""
    glyphs: list[tuple[int, int] | None] = []
    for symbol in symbols:
        found = glyph_extents(ink, (symbol.box[0], word[1], symbol.box[2], word[3]))
        glyphs.append(found[0] if len(found) == 1 else None)
    shared = {k for k in range(len(glyphs) - 1) if glyphs[k] is not None and glyphs[k] == glyphs[k + 1]}
    return [None if k in shared or k - 1 in shared else g for k, g in enumerate(glyphs)]


def _proportional(symbols: list[Symbol], glyphs: list[tuple[int, int] | None], suspects: set[int]) -> bool:
    """Whether two letters side by side (neither a suspect) lie a pitch apart unlike the digits' pitch."""
    centres = [None if g is None else (g[0] + g[1]) / 2 for g in glyphs]
    digit_pitches = [
        b - a
        for k in range(len(symbols) - 1)
        if k not in suspects and k + 1 not in suspects
        and symbols[k].text in _WIDTH_DIGITS and symbols[k + 1].text in _WIDTH_DIGITS
        and (a := centres[k]) is not None and (b := centres[k + 1]) is not None
    ]
    if len(digit_pitches) < 2:
        return False
    pitch = statistics.median(digit_pitches)
    for k in range(len(symbols) - 1):
        if k in suspects or k + 1 in suspects or not (symbols[k].text.isalpha() and symbols[k + 1].text.isalpha()):
            continue
        a, b = centres[k], centres[k + 1]
        if a is not None and b is not None and abs((b - a) / pitch - 1) >= PROPORTIONAL_PITCH:
            return True
    return False


def _proportional_line(line: Sequence[tuple[list[Symbol], PixelBox]], ink: np.ndarray) -> bool:
    """Whether a word of the line has letters whose pitches differ widely (monospaced ones do not)."""
    for symbols, box in line:
        glyphs = _own_glyphs(symbols, box, ink)
        pitches = [
            (b[0] + b[1] - a[0] - a[1]) / 2
            for s, t, a, b in zip(symbols, symbols[1:], glyphs, glyphs[1:])
            if s.text.isalpha() and t.text.isalpha() and a is not None and b is not None
        ]
        if len(pitches) >= MIN_PITCHES and max(pitches) >= LINE_PITCH_SPREAD * min(pitches):
            return True
    return False

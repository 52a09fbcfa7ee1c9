"""Tesseract: one glyph read as two look-alike characters is one character again (services/tesseract/ghosts.py).

Real Tesseract on a real fax of a generated invoice (a tuning family, faxed as benchmarks/bench_capture.py
does), and on ink drawn with numpy for the decision itself.
"""

from __future__ import annotations

import re

import numpy as np
import pymupdf
import pytest

from benchmarks.synth.capture import capture
from benchmarks.synth.families import generate_family
from services.intake.document import open_document
from services.scaffold.engine import PageOptions
from services.tesseract import reading
from services.tesseract.engine import TesseractEngine, TesseractSettings
from services.tesseract.ghosts import has_suspect_pair, without_ghosts
from services.tesseract.glyphs import Symbol

# A tuning family (benchmarks/synth/families.py) whose invoice number "RE019230", faxed at 204 x 98 dpi,
# Tesseract reads "REO019230" in its reference block: the zero as O and as 0.
FAMILY, SEED, NUMBER = "hausverwaltung_weg", 1500641165, "RE019230"


@pytest.fixture(scope="module")
def engine() -> TesseractEngine:
    engine = TesseractEngine(TesseractSettings())
    engine.load()
    return engine


def _read(engine: TesseractEngine, content: bytes) -> str:
    with open_document(content) as document:
        return engine.process_page(document, 0, PageOptions(dpi=300)).text


@pytest.fixture(scope="module")
def fax() -> bytes:
    invoice = generate_family(FAMILY, SEED)
    assert invoice.truth["rechnungsnummer"] == NUMBER
    return capture(invoice.pdf, "fax-normal", seed=SEED).content


def test_a_zero_read_as_o_and_0_is_one_zero_again(engine: TesseractEngine, fax: bytes) -> None:
    text = _read(engine, fax)
    assert f"{NUMBER[:2]}O{NUMBER[2:]}" not in text
    assert NUMBER in text


def test_without_the_ink_check_the_ghost_stays(
    engine: TesseractEngine, fax: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case is real: with the check off, the fax's invoice number keeps its ghost."""
    monkeypatch.setattr(reading, "checked_words", lambda api, width, height, boxes: {})
    assert f"{NUMBER[:2]}O{NUMBER[2:]}" in _read(engine, fax)


def test_genuine_look_alike_pairs_are_read_as_printed(engine: TesseractEngine) -> None:
    """A letter printed beside a digit it looks like ("Modell X1I") is two glyphs: nothing is dropped (which of
    I and l Tesseract reads in Helvetica, where they are one shape, is its own affair)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 120), "Modell X1I", fontsize=14, fontname="helv")
    page.insert_text((72, 160), "Modell R1I", fontsize=11, fontname="cour")
    assert has_suspect_pair("X1I") and has_suspect_pair("R1I")
    text = _read(engine, doc.tobytes())
    assert re.search(r"\bX1[Il]\b", text) and re.search(r"\bR1[Il]\b", text), text


# ------------------------------------------------------------------ the decision, on drawn ink

H = 30


def _ink(*glyphs: tuple[int, int]) -> np.ndarray:
    """A word row with one ring-shaped glyph per (x0, x1)."""
    ink = np.zeros((60, 400), dtype=bool)
    for x0, x1 in glyphs:
        ink[10 : 10 + H, x0:x1] = True
        ink[14 : 6 + H, x0 + 4 : x1 - 4] = False
    return ink


def test_one_glyph_under_two_look_alikes_keeps_the_symbol_that_fits_it() -> None:
    # "RE" then one zero (glyph 120-144) read as O (box 117-133) and 0 (box 120-144), then "1".
    ink = _ink((60, 80), (90, 110), (120, 144), (154, 170))
    word = (60, 10, 170, 10 + H)
    symbols = [
        Symbol("R", (60, 10, 80, 40)),
        Symbol("E", (90, 10, 110, 40)),
        Symbol("O", (117, 10, 133, 40)),
        Symbol("0", (120, 10, 144, 40)),
        Symbol("1", (154, 10, 170, 40)),
    ]
    assert "".join(s.text for s in without_ghosts(symbols, word, ink)) == "RE01"


def test_two_glyphs_under_a_look_alike_pair_are_both_kept() -> None:
    # The decoder's boxes lie on one another (100-130, 110-144), but two glyphs are printed there.
    ink = _ink((20, 40), (60, 80), (90, 114), (120, 144))
    word = (20, 10, 144, 10 + H)
    symbols = [
        Symbol("A", (20, 10, 40, 40)),
        Symbol("B", (60, 10, 80, 40)),
        Symbol("O", (100, 10, 130, 40)),
        Symbol("0", (110, 10, 144, 40)),
    ]
    assert "".join(s.text for s in without_ghosts(symbols, word, ink)) == "ABO0"


def test_a_look_alike_pair_side_by_side_is_not_looked_at() -> None:
    # One glyph-wide blob (100-128) under two boxes that only touch (96-112, 112-130): two places, so not a ghost,
    # whatever the ink shows (two glyphs touching).
    ink = _ink((20, 40), (60, 80), (100, 128))
    word = (20, 10, 130, 10 + H)
    symbols = [
        Symbol("A", (20, 10, 40, 40)),
        Symbol("1", (60, 10, 80, 40)),
        Symbol("0", (96, 10, 112, 40)),
        Symbol("O", (112, 10, 130, 40)),
    ]
    assert "".join(s.text for s in without_ghosts(symbols, word, ink)) == "A10O"


def test_two_touching_glyphs_under_overlapping_boxes_are_both_kept() -> None:
    # "EUR/100" faxed: the two zeros touch (one component, 90-134), the decoder read "0O" on overlapping boxes.
    ink = _ink((0, 20), (30, 50), (60, 80), (90, 134))
    word = (0, 10, 134, 10 + H)
    symbols = [
        Symbol("U", (0, 10, 20, 40)),
        Symbol("R", (30, 10, 50, 40)),
        Symbol("1", (60, 10, 80, 40)),
        Symbol("0", (90, 10, 120, 40)),
        Symbol("O", (100, 10, 134, 40)),
    ]
    assert "".join(s.text for s in without_ghosts(symbols, word, ink)) == "UR10O"

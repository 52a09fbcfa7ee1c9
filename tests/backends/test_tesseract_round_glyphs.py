"""Tesseract: a zero read as O, or an O read as a zero, beside letters is read by its width
(services/tesseract/round_glyphs.py), and a crop's reading does not guess it again (reread.py).

Real Tesseract on office scans of invoice numbers (drawn here, in the faces an invoice uses: not the
layout families of benchmarks/synth), and on ink drawn with numpy for each rule.
"""

from __future__ import annotations

import numpy as np
import pymupdf
import pytest

from benchmarks.synth.degrade import render_scanned_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.scaffold.engine import PageOptions
from services.tesseract import round_glyphs, word_checks
from services.tesseract.engine import TesseractEngine, TesseractSettings
from services.tesseract.ghosts import without_ghosts
from services.tesseract.glyphs import Symbol
from services.tesseract.reread import _guesses_round_glyphs_again
from services.tesseract.round_glyphs import may_hold_round_glyph, read_round_glyphs

DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
LIBERATION_MONO = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"
# Numbers with a zero after the letters, and two with a genuine O.
PROPORTIONAL_NUMBERS = [
    "ME035537", "AVB0583563", "WD080680", "DMG020618", "GB090541", "EW0108088",
    "DB0186352", "KO879173", "VO547489", "SEWO380695", "BO36036", "RGO68288",
]  # fmt: skip
MONO_NUMBERS = [
    "MRO54225", "SO276277", "VO97764", "EBO634160", "KO879173", "VO547489",
    "SEWO380695", "RGO68288", "DDGO68908", "SEO38836", "AGDO04114", "VERO64870",
]  # fmt: skip
SIZES = (9, 12, 10, 14, 11)
SCAN_SEED = 8


@pytest.fixture(scope="module")
def engine() -> TesseractEngine:
    engine = TesseractEngine(TesseractSettings())
    engine.load()
    return engine


def _scan(font: str, numbers: list[str]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 70.0
    for k, number in enumerate(numbers):
        size = SIZES[k % len(SIZES)]
        page.insert_text((60, y), f"Rechnungsnummer: {number}", fontsize=size, fontname="F", fontfile=font)
        y += size * 2.4
    return render_scanned_pdf(doc.tobytes(), seed=SCAN_SEED, dpi=300, rotation_deg=0.8)


def _numbers(engine: TesseractEngine, scan: bytes) -> list[str]:
    with open_document(scan) as document:
        page = engine.process_page(document, 0, PageOptions())
    return [line.text.split()[-1] for line in page.lines if "nummer" in line.text]


@pytest.fixture(scope="module")
def proportional_scan() -> bytes:
    return _scan(DEJAVU_BOLD, PROPORTIONAL_NUMBERS)


@pytest.fixture(scope="module")
def mono_scan() -> bytes:
    return _scan(LIBERATION_MONO, MONO_NUMBERS)


def test_zeros_and_os_beside_letters_are_read_by_their_width(engine: TesseractEngine, proportional_scan: bytes) -> None:
    assert _numbers(engine, proportional_scan) == PROPORTIONAL_NUMBERS


def test_without_the_width_check_the_decoder_guesses(
    engine: TesseractEngine, proportional_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case is real: with the check off, the same scan gives zeros as O and an O as a zero."""
    monkeypatch.setattr(word_checks, "read_round_glyphs", lambda symbols, word, ink, line=(): symbols)
    read = _numbers(engine, proportional_scan)
    assert "MEO35537" in read and "K0879173" in read


def test_in_a_monospaced_face_a_narrow_o_stays_as_read(
    engine: TesseractEngine, mono_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Liberation Mono's O is barely wider than its zero: the check leaves the decoder's reading (Os it
    read as O stay O), where without the typeface test they would become zeros."""
    read = _numbers(engine, mono_scan)
    assert "MRO54225" in read and "VERO64870" in read
    monkeypatch.setattr(round_glyphs, "_proportional", lambda *args: True)
    assert "MR054225" in _numbers(engine, mono_scan)


# ------------------------------------------------------------------ the decision, on drawn ink

H = 30
TOP = 10


def _ink(glyphs: list[tuple[int, int]]) -> np.ndarray:
    """A word row with one ring-shaped glyph per (x0, x1)."""
    ink = np.zeros((60, 600), dtype=bool)
    for x0, x1 in glyphs:
        ink[TOP : TOP + H, x0:x1] = True
        ink[TOP + 4 : TOP + H - 4, x0 + 4 : x1 - 4] = False
    return ink


def _word(text: str, widths: list[int], gap: int = 6) -> tuple[list[Symbol], tuple[int, int, int, int], np.ndarray]:
    """Symbols of `text`, glyph k `widths[k]` wide, `gap` apart; the word's box and its ink."""
    x, symbols, glyphs = 10, [], []
    for char, width in zip(text, widths, strict=True):
        glyphs.append((x, x + width))
        symbols.append(Symbol(char, (x, TOP, x + width, TOP + H)))
        x += width + gap
    return symbols, (10, TOP, x, TOP + H), _ink(glyphs)


def _read(symbols: list[Symbol], word: tuple[int, int, int, int], ink: np.ndarray, line=()) -> str:
    return "".join(s.text for s in read_round_glyphs(symbols, word, ink, line))


# A proportional face: letters wider than digits (and unlike each other), digits 20 wide.
def test_an_o_as_narrow_as_the_digits_is_a_zero() -> None:
    assert _read(*_word("WRO73683", [34, 26, 21, 20, 20, 20, 20, 20])) == "WR073683"


def test_an_o_wider_than_the_digits_stays_an_o() -> None:
    assert _read(*_word("WRO73683", [34, 26, 29, 20, 20, 20, 20, 20])) == "WRO73683"


def test_a_zero_wider_than_the_digits_beside_a_letter_is_an_o() -> None:
    assert _read(*_word("K0879173", [26, 28, 20, 20, 20, 20, 20, 20])) == "KO879173"


def test_a_zero_as_wide_as_the_digits_stays_a_zero() -> None:
    assert _read(*_word("K0879173", [26, 21, 20, 20, 20, 20, 20, 20])) == "K0879173"


def test_too_few_digits_to_measure_by_leave_the_word_alone() -> None:
    assert not may_hold_round_glyph("KO12")
    assert _read(*_word("KWO12", [26, 34, 21, 20, 20])) == "KWO12"


def test_letters_one_pitch_apart_like_the_digits_leave_a_narrow_o_as_read() -> None:
    """Monospaced: every glyph 20 wide in a cell of 26; no evidence the face is proportional."""
    assert _read(*_word("MRO54225", [20] * 8)) == "MRO54225"


def test_a_line_word_of_uneven_pitches_shows_a_proportional_face() -> None:
    """A single letter before the O shows no pitch of letters; the label on its line does."""
    symbols, word, ink = _word("VO97764", [24, 21, 20, 20, 20, 20, 20])
    assert _read(symbols, word, ink) == "VO97764"  # no evidence in the word itself
    letters, _, _ = _word("Rechnung", [18, 14, 14, 14, 14, 14, 14, 8])  # "ch" 20 apart, "ng" 17
    shifted = [Symbol(s.text, (s.box[0] + 300, s.box[1], s.box[2] + 300, s.box[3])) for s in letters]
    line_ink = ink | _ink([(s.box[0], s.box[2]) for s in shifted])
    label = (shifted, (shifted[0].box[0], TOP, shifted[-1].box[2], TOP + H))
    assert _read(symbols, word, line_ink, [label]) == "V097764"


def test_a_round_ghost_over_the_gap_between_two_glyphs_is_dropped() -> None:
    """"DSW0674936" read "DSWO0674936": a narrow O box over the end of the W and the start of the 0, with
    no glyph of its own."""
    widths = [30, 24, 46, 24, 24, 24, 24, 24, 24, 24]
    symbols, word, ink = _word("DSW0674936", widths)
    w, zero = symbols[2], symbols[3]
    ghost = Symbol("O", (w.box[2] - 5, TOP, zero.box[0] + 6, TOP + H))  # 17 wide, the digits 24
    read = [*symbols[:3], ghost, *symbols[3:]]
    assert "".join(s.text for s in without_ghosts(read, word, ink)) == "DSW0674936"


def test_a_crop_that_only_guesses_zeros_and_os_again_is_not_taken() -> None:
    checked = pb.Word(text="DR025896", original_text="DRO25896")
    assert _guesses_round_glyphs_again(checked, [pb.Word(text="DRO25896")])
    assert not _guesses_round_glyphs_again(checked, [pb.Word(text="DR025898")])  # reads something else
    assert not _guesses_round_glyphs_again(pb.Word(text="DRO25896"), [pb.Word(text="DR025896")])  # unchecked

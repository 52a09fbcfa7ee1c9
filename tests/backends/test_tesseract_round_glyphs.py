"""Tesseract: a zero read as O, or an O read as a zero, beside letters is read by its width
(services/tesseract/round_glyphs.py), and a crop's reading does not guess it again (reread.py).

Real Tesseract on office scans of invoice numbers (drawn here, in the faces an invoice uses: not the
layout families of benchmarks/synth), and on ink drawn with numpy for each rule.
"""

from __future__ import annotations

import numpy as np
import pymupdf
import pytest
import tesserocr
from PIL import Image

from benchmarks.synth.degrade import render_scanned_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.intake.orientation import find_tessdata
from services.scaffold.engine import PageOptions
from services.tesseract import reread, round_glyphs, word_checks
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


def test_zeros_and_os_beside_letters_are_read_by_their_width(
    engine: TesseractEngine, proportional_scan: bytes
) -> None:
    """Every number right but one: "AVB0583563" stays as the decoder read it, since in DejaVu Sans its
    letters A, V, B stand one digit pitch apart as a monospaced face's would, and there a narrow O may be
    an O. A changed word keeps what the decoder read."""
    expected = [("AVBO583563" if n == "AVB0583563" else n) for n in PROPORTIONAL_NUMBERS]
    with open_document(proportional_scan) as document:
        page = engine.process_page(document, 0, PageOptions())
    assert [line.text.split()[-1] for line in page.lines if "nummer" in line.text] == expected
    changed = {w.original_text: w.text for line in page.lines for w in line.words if w.original_text}
    assert changed.get("MEO35537") == "ME035537" and changed.get("K0879173") == "KO879173"


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
    monkeypatch.setattr(round_glyphs, "_proportional_face", lambda *args: True)
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


def _word(
    text: str, widths: list[int], gap: int = 6
) -> tuple[list[Symbol], tuple[int, int, int, int], np.ndarray]:
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
    assert _read(*_word("WRO73683", [34, 26, 22, 20, 20, 20, 20, 20])) == "WR073683"  # 1.10 times


def test_an_o_wider_than_the_digits_stays_an_o() -> None:
    assert _read(*_word("WRO73683", [34, 26, 24, 20, 20, 20, 20, 20])) == "WRO73683"  # 1.20: neither


def test_a_zero_wider_than_the_digits_beside_a_letter_is_an_o() -> None:
    assert _read(*_word("K0879173", [34, 26, 20, 20, 20, 20, 20, 20])) == "KO879173"  # 1.30 times


def test_a_zero_as_wide_as_the_digits_stays_a_zero() -> None:
    assert _read(*_word("K0879173", [34, 24, 20, 20, 20, 20, 20, 20])) == "K0879173"  # 1.20: neither


def test_a_zero_touching_its_neighbour_is_not_measured() -> None:
    """ "DR0125896" at fax resolution: the zero touches the "1"; their one blob is wider than a digit but no
    O: it reaches into the "1"'s box, so it is nobody's own glyph and the zero stays."""
    symbols, word, ink = _word("DR0125896", [28, 26, 20, 8, 20, 20, 20, 20, 20], gap=6)
    zero, one = symbols[2], symbols[3]
    ink[TOP : TOP + H, zero.box[2] : one.box[0]] = True  # the gap between them inked: one blob
    assert _read(symbols, word, ink) == "DR0125896"


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


def test_a_value_in_a_monospaced_face_beside_a_proportional_label_stays_as_read() -> None:
    """A form in a proportional face, its value printed by another program in a monospaced one: the label's
    uneven pitches say nothing of the value, whose own letters stand one digit pitch apart."""
    symbols, word, ink = _word("MRO54225", [20] * 8)
    letters, _, _ = _word("Rechnung", [18, 14, 14, 14, 14, 14, 14, 8])
    shifted = [Symbol(s.text, (s.box[0] + 300, s.box[1], s.box[2] + 300, s.box[3])) for s in letters]
    line_ink = ink | _ink([(s.box[0], s.box[2]) for s in shifted])
    label = (shifted, (shifted[0].box[0], TOP, shifted[-1].box[2], TOP + H))
    assert _read(symbols, word, line_ink, [label]) == "MRO54225"


def test_one_o_wide_glyph_under_two_overlapping_symbols_is_one_character() -> None:
    """ "VO057566" read "VO0057566": one glyph half again as wide as the digits (the O) under the boxes of
    "O" and "0"; one symbol stays, and the width reads it (an O)."""
    symbols, word, ink = _word("VO57566", [26, 30, 20, 20, 20, 20, 20])
    o = symbols[1]
    ghost = Symbol("0", (o.box[0] + 12, TOP, o.box[2] - 2, TOP + H))
    read = [*symbols[:2], ghost, *symbols[2:]]
    kept = without_ghosts(read, word, ink)
    assert "".join(s.text for s in read_round_glyphs(kept, word, ink)) == "VO57566"


def test_a_round_ghost_over_the_gap_between_two_glyphs_is_dropped() -> None:
    """ "DSW0674936" read "DSWO0674936": a narrow O box over the end of the W and the start of the 0, with
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
    # A ghost dropped is not the width check's decision: a crop may still read a zero the check left.
    assert not _guesses_round_glyphs_again(
        pb.Word(text="REO19230", original_text="REO019230"), [pb.Word(text="RE019230")]
    )
    # Another O than the one decided.
    assert not _guesses_round_glyphs_again(
        pb.Word(text="DR02589O", original_text="DRO2589O"), [pb.Word(text="DR025890")]
    )


def test_the_low_confidence_re_read_keeps_the_checked_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """reread_low_confidence reads a weak word's crop again; a crop that only swaps back the zero the
    check read (with more confidence) does not replace it, a crop that reads more does."""
    page = pb.PageResult()
    line = page.lines.add(text="Rechnung DR025896")
    line.words.add(text="Rechnung", confidence=0.95, box=pb.BoundingBox(x0=0.1, y0=0.1, x1=0.3, y1=0.13))
    line.words.add(
        text="DR025896",
        original_text="DRO25896",
        confidence=0.5,
        box=pb.BoundingBox(x0=0.35, y0=0.1, x1=0.6, y1=0.13),
    )
    image = Image.new("L", (1000, 1000), 255)
    crops = {"text": "DRO25896"}

    def read_crop(api, image, box, blank=None):  # type: ignore[no-untyped-def]
        crop = pb.TextLine(text=crops["text"], confidence=0.9)
        crop.words.add(
            text=crops["text"], confidence=0.9, box=pb.BoundingBox(x0=0.35, y0=0.1, x1=0.6, y1=0.13)
        )
        return [crop]

    monkeypatch.setattr(reread, "_read_crop", read_crop)
    with tesserocr.PyTessBaseAPI(path=find_tessdata(), lang="deu") as api:
        reread.reread_low_confidence(api, image, page, tesserocr.PSM.AUTO)
        assert [w.text for w in page.lines[0].words] == ["Rechnung", "DR025896"]
        crops["text"] = "DR025898"  # the crop reads a digit differently: taken, as any better reading is
        reread.reread_low_confidence(api, image, page, tesserocr.PSM.AUTO)
    assert "DR025898" in [w.text for ln in page.lines for w in ln.words]

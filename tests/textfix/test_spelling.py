"""Dictionary spelling correction: what it repairs, and that it never breaks a correct word."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from benchmarks.synth.invoice_gen import generate_corpus
from ocrmesh.v1 import ocr_pb2 as pb
from services.textfix.pages import correct_page_spelling, german_corrector
from services.textfix.spelling import CORRECT_BELOW, SpellingCorrector, is_name_line

LOW = 0.3
HIGH = 0.95


@pytest.fixture(scope="module")
def corrector() -> SpellingCorrector:
    found = german_corrector()
    assert found is not None, "hunspell-de-de is installed by make setup"
    return found


@pytest.mark.parametrize(
    ("read", "confidence", "expected"),
    [
        # nouns read in lower case, at any confidence (Tesseract on a small capital Z/W)
        ("zählpunkt:", HIGH, "Zählpunkt:"),
        ("währung", HIGH, "Währung"),
        ("zähler-Nr.:", HIGH, "Zähler-Nr.:"),
        # OCR confusions in low-confidence words
        ("Rechnunq", LOW, "Rechnung"),
        ("Gesamtbetraq", LOW, "Gesamtbetrag"),
        ("Zwischensurnme", LOW, "Zwischensumme"),
        ("Bankverbinduug", LOW, "Bankverbindung"),
        ("StraBe", LOW, "Straße"),
        ("Grüfse", LOW, None),  # no single confusion explains it: left alone
    ],
)
def test_repairs(corrector: SpellingCorrector, read: str, confidence: float, expected: str | None) -> None:
    assert corrector.correct(read, confidence) == expected


def test_confident_words_keep_their_letters(corrector: SpellingCorrector) -> None:
    assert corrector.correct("Rechnunq", HIGH) is None
    assert corrector.correct("Rechnunq", CORRECT_BELOW) is None


@pytest.mark.parametrize(
    "word",
    ["1.234,56", "12,50€", "RE-2018-54666", "DE123456789", "DE89370400440532013000", "05.03.2018", "GmbH",
     "USt-IdNr.", "Std.", "kg", "inkl.", "zzgl.", "Nr.", "EUR", "COBADEFFXXX", "services", "flat", "apples,"],
)  # fmt: skip
def test_numbers_identifiers_abbreviations_and_english_are_never_touched(corrector: SpellingCorrector, word: str) -> None:
    assert corrector.correct(word, 0.0) is None


def test_names_on_name_lines_keep_their_spelling(corrector: SpellingCorrector) -> None:
    for line in ("Herrn Thomas Hauser", "Hauser Bau GmbH", "Hauserweg 12", "79098 Hauser"):
        assert is_name_line(line)
        assert corrector.correct("Hauser", LOW, names_possible=True) is None
    assert not is_name_line("Rechnungsbetrag 1.234,56 EUR")


def test_the_tail_of_a_hyphenated_word_stays_lower_case(corrector: SpellingCorrector) -> None:
    assert corrector.correct("betrag", HIGH, continues_word=True) is None
    assert corrector.correct("betrag", HIGH) == "Betrag"


def _text_layer_lines(pdfs: list[bytes]) -> list[list[str]]:
    pages = []
    for content in pdfs:
        with pymupdf.open(stream=content, filetype="pdf") as doc:
            pages.extend(page.get_text().split("\n") for page in doc)
    return pages


def test_never_turns_a_correct_word_into_a_wrong_one(corrector: SpellingCorrector, dataset_dir: Path) -> None:
    """Every word of the dataset's and of generated invoices' text layers, as if read with no confidence at all."""
    pdfs = [p.read_bytes() for p in sorted(dataset_dir.glob("*.pdf"))] + [inv.pdf for inv in generate_corpus(30, 0)]
    changed = []
    words = 0
    for lines in _text_layer_lines(pdfs):
        previous = ""
        for line in lines:
            names = is_name_line(line)
            for k, word in enumerate(line.split()):
                words += 1
                fixed = corrector.correct(word, 0.0, names_possible=names, continues_word=k == 0 and previous.endswith("-"))
                if fixed is not None:
                    changed.append((word, fixed, line))
            previous = line or previous
    assert words > 20_000
    assert changed == []


def _scanned_page(*lines: list[tuple[str, float]]) -> pb.PageResult:
    page = pb.PageResult(kind=pb.PAGE_KIND_SCANNED)
    for words in lines:
        line = page.lines.add(text=" ".join(t for t, _ in words))
        for text, confidence in words:
            line.words.add(text=text, confidence=confidence)
    page.text = "\n".join(line.text for line in page.lines)
    return page


def test_page_words_lines_and_text_are_corrected_together() -> None:
    page = _scanned_page(
        [("Herrn", HIGH), ("Thomas", HIGH), ("Hauser", LOW)],
        [("zählpunkt:", HIGH), ("DE0001346484", HIGH)],
        [("Gesamtbetraq", LOW), ("1.234,56", LOW), ("EUR", HIGH)],
    )
    assert correct_page_spelling(page, "de") == 2
    assert page.text == "Herrn Thomas Hauser\nZählpunkt: DE0001346484\nGesamtbetrag 1.234,56 EUR"
    assert [line.text for line in page.lines][1:] == ["Zählpunkt: DE0001346484", "Gesamtbetrag 1.234,56 EUR"]
    word = page.lines[1].words[0]
    assert (word.text, word.original_text) == ("Zählpunkt:", "zählpunkt:")
    assert page.lines[0].words[2].original_text == ""


def test_born_digital_and_foreign_language_pages_are_left_alone() -> None:
    digital = _scanned_page([("zählpunkt:", HIGH)])
    digital.kind = pb.PAGE_KIND_BORN_DIGITAL
    assert correct_page_spelling(digital, "de") == 0 and digital.text == "zählpunkt:"
    english = _scanned_page([("Rechnunq", LOW)])
    assert correct_page_spelling(english, "en") == 0 and english.text == "Rechnunq"


def test_a_word_under_a_hyphenated_column_header_stays_lower_case() -> None:
    """Tesseract joins table headers across columns: "Positions-" above "betrag" is one word, not a noun to fix."""
    page = _scanned_page([("Art-Nr-Kunde", HIGH), ("Positions-", HIGH)], [("Art-Nr-Lief.", HIGH), ("betrag", HIGH)])
    page.lines[0].words[1].box.CopyFrom(pb.BoundingBox(x0=0.80, y0=0.30, x1=0.90, y1=0.32))
    page.lines[1].words[1].box.CopyFrom(pb.BoundingBox(x0=0.81, y0=0.325, x1=0.88, y1=0.345))
    assert correct_page_spelling(page, "de") == 0
    page.lines[1].words[1].box.CopyFrom(pb.BoundingBox(x0=0.30, y0=0.325, x1=0.38, y1=0.345))
    assert correct_page_spelling(page, "de") == 1 and "Betrag" in page.text

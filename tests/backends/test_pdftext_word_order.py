"""pdftext's word order is PyMuPDF's `sort=True` order, word for word, computed faster (`sorted_words`)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from benchmarks.synth.producers import redrawn
from services.pdftext.textlayer import _shown_textpage, sorted_words
from tests.gateway.conftest import DATASET

PDFS = sorted(DATASET.glob("*.pdf"))


@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_words_come_in_pymupdfs_sorted_order(path: Path) -> None:
    pdf = path.read_bytes()
    for variant in (pdf, redrawn(pdf, rotate=90), redrawn(pdf, overprint=0.35)):
        with pymupdf.open(stream=variant, filetype="pdf") as doc:
            for page in doc:
                textpage = _shown_textpage(page)
                expected = page.get_text("words", sort=True, textpage=textpage)
                assert sorted_words(textpage.extractWORDS()) == expected


def test_empty_boxes_and_near_lines_sort_as_pymupdf_does() -> None:
    """Words a hair apart in height, on one line and on two, and a word of no width (MuPDF's Rect union
    leaves an empty box out)."""
    doc = pymupdf.open()
    page = doc.new_page()
    for x, y, text in [(300, 100, "rechts"), (72, 102.5, "links"), (72, 106, "tiefer"), (200, 103, "Mitte")]:
        page.insert_text((x, y), text, fontsize=10)
    page.insert_text((150, 101), "\u200b", fontsize=10)
    textpage = page.get_textpage()
    assert sorted_words(textpage.extractWORDS()) == page.get_text("words", sort=True, textpage=textpage)

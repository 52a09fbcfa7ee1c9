"""A scanned page that is mostly paper (a last page with the totals only) is read, not lost to the contrast stretch."""

from __future__ import annotations

import numpy as np
import pymupdf
import pytest
from PIL import Image

from benchmarks.synth.degrade import render_scanned_pdf
from services.intake.document import open_document
from services.registry import create_engine
from services.scaffold.engine import PageOptions
from services.tesseract.preprocess import stretch_contrast

TOTALS = ("Belegsummen:", "Positionssumme 202,70", "Bruttosumme 215,07", "Zahlbetrag 165,07")


def _last_page_scan() -> bytes:
    with pymupdf.open() as doc:
        page = doc.new_page()
        for number, line in enumerate(TOTALS):
            page.insert_text((60, 70 + 18 * number), line, fontsize=10, fontname="helv")
        return render_scanned_pdf(doc.tobytes(), seed=7, dpi=300, rotation_deg=1.2)


def test_the_stretch_leaves_paper_noise_paper_on_a_page_with_little_ink() -> None:
    with open_document(_last_page_scan()) as document:
        grey = document.render(0, 300).convert("L")
    before = float((np.asarray(grey) < 128).mean())
    after = float((np.asarray(stretch_contrast(grey)) < 128).mean())
    assert before < 0.01  # a few lines on a whole page
    assert after < 2 * before + 0.002, f"the stretch made {after:.1%} of the page dark (was {before:.1%})"


@pytest.fixture(scope="module")
def tesseract():  # type: ignore[no-untyped-def]
    engine = create_engine("tesseract")
    engine.load()
    yield engine
    engine.unload()


def test_tesseract_reads_the_totals_of_a_page_that_is_mostly_paper(tesseract) -> None:  # type: ignore[no-untyped-def]
    with open_document(_last_page_scan()) as document:
        page = tesseract.process_page(document, 0, PageOptions())
    assert "no text was recognised on the page" not in page.quality.warnings
    for value in ("202,70", "215,07", "165,07"):
        assert value in page.text


def test_a_page_of_ordinary_ink_is_stretched_as_before() -> None:
    rng = np.random.default_rng(3)
    pixels = np.full((400, 400), 235, np.uint8) + rng.integers(0, 10, (400, 400), dtype=np.uint8)
    pixels[50:350:10, 40:360] = 40  # 3 % ink in lines
    grey = Image.fromarray(pixels)
    from PIL import ImageOps

    assert np.array_equal(np.asarray(stretch_contrast(grey)), np.asarray(ImageOps.autocontrast(grey, cutoff=1)))

"""A French page is read with the French model only where it is installed (`tesseract-ocr-fra`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synth.degrade import render_scanned_pdf
from benchmarks.synth.families import generate_family
from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.intake.orientation import find_tessdata
from services.scaffold.engine import PageOptions
from services.tesseract.engine import TesseractEngine, TesseractSettings

SEED = 1355669408  # "Atelier Mécanique Girard", read "M&canique" by the German model


def _french_scan() -> bytes:
    return render_scanned_pdf(generate_family("francais", SEED).pdf, seed=SEED, dpi=300)


def _french_page_read_with(tessdata: str) -> pb.PageResult:
    """The French scan's page as a tesseract engine over `tessdata` reads it."""
    engine = TesseractEngine(TesseractSettings(tessdata=tessdata))
    engine.load()
    try:
        with open_document(_french_scan()) as document:
            return engine.process_page(document, 0, PageOptions(dpi=300))
    finally:
        engine.unload()


def test_without_the_french_model_the_page_is_read_once_in_the_requested_language(tmp_path: Path) -> None:
    """A machine with only German and English data (Windows without the French pack): no error, no second reading."""
    installed = Path(find_tessdata())
    for name in ("deu.traineddata", "eng.traineddata", "osd.traineddata"):
        if not (installed / name).is_file():
            pytest.skip(f"{name} is not installed")
        (tmp_path / name).symlink_to(installed / name)
    page = _french_page_read_with(str(tmp_path))
    assert page.quality.language == "de"
    assert "Girard" in page.text


def test_with_the_french_model_the_page_is_read_in_french() -> None:
    page = _french_page_read_with(find_tessdata())
    assert page.quality.language == "fr"
    assert "Atelier Mécanique Girard" in page.text

"""Backend `surya` offline: the real Docling pipeline and Surya code on tiny random models.

With random layout weights the layout regions and reading order are noise,
so these tests check what does not depend on them: born-digital text kept
exactly, full-page OCR on scans, boxes, confidences, tables off, streaming,
start-up errors. With the Tesseract OCR option the recognised text is real
and every umlaut word must come out exactly.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from benchmarks.synth.degrade import render_page_png, render_scanned_pdf
from benchmarks.synth.umlaut_page import UMLAUT_WORDS, umlaut_test_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from services.models.spec import MissingModelError
from tests import documents
from tests.surya.tiny_models import FAVOURED_CHAR

NO_FIELDS = pb.ProcessOptions(extract_fields=False)
REPO = Path(__file__).resolve().parents[2]


def _words(page: pb.PageResult) -> set[str]:
    return {re.sub(r"^[^\wÄÖÜäöüß]+|[^\wÄÖÜäöüß]+$", "", t) for t in page.text.split()}


def _missing(page: pb.PageResult) -> list[str]:
    found = _words(page)
    return [w for w in UMLAUT_WORDS if w not in found]


def _check_geometry(page: pb.PageResult) -> None:
    assert page.lines, "no lines"
    for line in page.lines:
        b = line.box
        assert 0.0 <= b.x0 < b.x1 <= 1.0 and 0.0 <= b.y0 < b.y1 <= 1.0, line
        assert 0.0 <= line.confidence <= 1.0
    # Every line is in the page text exactly once, in line order.
    assert page.text.replace("\n\n", "\n").split("\n") == [line.text for line in page.lines]
    assert 0.0 <= page.confidence <= 1.0


@pytest.fixture(scope="module")
def umlaut_pdf() -> bytes:
    return umlaut_test_pdf()


# ---------------------------------------------------------------- Tesseract option: exact text


async def test_tesseract_option_keeps_born_digital_text(start_server, tiny_engine, umlaut_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    server = await start_server(tiny_engine(ocr_engine="tesseract"))
    outcome = await server.client.process(build_request(umlaut_pdf, options=NO_FIELDS), timeout=120)
    page = outcome.pages[0]
    assert page.backend == "surya" and page.kind == pb.PAGE_KIND_BORN_DIGITAL
    assert _missing(page) == []
    assert page.confidence == pytest.approx(1.0)  # the text layer, not OCR
    # TableFormer is off with the tiny models: the one table is finish_page's table of aligned text (the items).
    assert page.markdown and "tableformer" not in page.model_id
    assert [t.cells[0].text for t in page.tables] == ["Pos. Bezeichnung"]
    assert page.width == pytest.approx(595, abs=1) and page.height == pytest.approx(842, abs=1)
    _check_geometry(page)


async def test_tesseract_option_reads_every_umlaut_word_on_degraded_scan(start_server, tiny_engine, umlaut_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    server = await start_server(tiny_engine(ocr_engine="tesseract"))
    scan = render_scanned_pdf(umlaut_pdf, seed=1, dpi=200)
    outcome = await server.client.process(build_request(scan, filename="scan.pdf", options=NO_FIELDS), timeout=120)
    page = outcome.pages[0]
    assert page.kind == pb.PAGE_KIND_SCANNED
    assert _missing(page) == []
    assert 0.5 < page.confidence < 1.0
    _check_geometry(page)


# ---------------------------------------------------------------- Surya: plumbing


async def test_surya_reads_scan_as_full_page_and_keeps_digital_text(start_server, tiny_engine, umlaut_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    server = await start_server(tiny_engine())
    description = await server.client.describe()
    assert description.name == "surya" and description.capabilities.layout and not description.capabilities.gpu

    digital = (await server.client.process(build_request(umlaut_pdf, options=NO_FIELDS), timeout=120)).pages[0]
    assert digital.kind == pb.PAGE_KIND_BORN_DIGITAL and _missing(digital) == []

    scan = render_scanned_pdf(umlaut_pdf, seed=1, dpi=200)
    page = (await server.client.process(build_request(scan, options=NO_FIELDS), timeout=120)).pages[0]
    assert page.kind == pb.PAGE_KIND_SCANNED
    _check_geometry(page)
    # The tiny detector finds one box over the whole page; the tiny recogniser writes "ÄÄÄ...".
    assert len(page.lines) == 1
    line = page.lines[0]
    assert line.box.x0 < 0.05 and line.box.y0 < 0.05 and line.box.x1 > 0.95 and line.box.y1 > 0.95
    assert line.text and set(line.text) == {FAVOURED_CHAR}


async def test_surya_reads_images(start_server, tiny_engine, umlaut_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    server = await start_server(tiny_engine())
    png = render_page_png(umlaut_pdf, 0, 150)
    page = (await server.client.process(build_request(png, filename="brief.png", options=NO_FIELDS), timeout=120)).pages[0]
    assert page.kind == pb.PAGE_KIND_SCANNED
    with Image.open(io.BytesIO(png)) as image:
        assert (page.width, page.height) == image.size  # pixels for images
    assert set(page.lines[0].text) == {FAVOURED_CHAR}


async def test_surya_streams_pages_in_order_with_one_pipeline(start_server, tiny_engine) -> None:  # type: ignore[no-untyped-def]
    engine = tiny_engine(ocr_engine="tesseract")
    server = await start_server(engine, workers=2)
    converter = engine._converter
    events = [e async for e in server.client.stream(build_request(documents.numbered_pdf(4), options=NO_FIELDS), timeout=120)]
    pages = [e.page for e in events if e.HasField("page")]
    assert [p.page_number for p in pages] == [1, 2, 3, 4]
    for p in pages:
        assert f"Seite {p.page_number} von 4" in p.text and p.page_count == 4
    assert events[-1].HasField("document")
    assert engine._converter is converter  # built once in load(), reused for every page


# ---------------------------------------------------------------- start-up and isolation


def test_missing_weights_name_the_download_command(tmp_path: Path) -> None:
    from services.surya_docling.engine import SuryaDoclingEngine

    engine = SuryaDoclingEngine.from_settings({"models_dir": tmp_path})
    with pytest.raises(MissingModelError, match=r"ocrmesh models download surya"):
        engine.load()


def test_tesseract_option_needs_no_surya_weights(tiny_models_dir: Path, tmp_path: Path) -> None:
    from services.surya_docling.engine import SuryaDoclingSettings

    settings = SuryaDoclingSettings(models_dir=tmp_path, ocr_engine="tesseract", tables=False)
    assert [spec.name for spec, _ in settings.required_models()] == ["docling-project--docling-layout-heron"]


def test_models_are_declared_in_docling_and_surya_layout() -> None:
    from services.surya_docling.models import MODELS

    names = {m.name for m in MODELS}
    assert {"docling-project--docling-layout-heron", "docling-project--docling-models"} <= names
    assert all(m.backend == "surya" for m in MODELS) and len(names) == 4


def test_registry_does_not_import_torch_for_tesseract() -> None:
    code = (
        "import sys\n"
        "from services.registry import create_engine\n"
        "create_engine('tesseract')\n"
        "assert 'torch' not in sys.modules and 'docling' not in sys.modules, 'heavy import'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=60)

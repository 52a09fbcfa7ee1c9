"""Pages as they really arrive, read end to end by the tesseract backend (issue 15).

A dataset invoice delivered upside down, sideways, photographed and faxed (benchmarks/synth/capture.py)
comes back with its invoice number and IBAN, and the page report says what was turned and how the
page was captured; a scanned contract keeps its `§` headings.
"""

from __future__ import annotations

import re

import pytest

from bench_service.datasets import ZUGFERD_AWV
from benchmarks.synth.capture import Capture, capture, statute_pdf
from benchmarks.synth.degrade import render_scanned_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request

INVOICE = ZUGFERD_AWV / "EN16931_zugferd_2p0_EN16931_AbweichenderZahlungsempf.pdf"
NUMBER = "471102"
IBAN = "DE12123456781234567890"
TIMEOUT = 600  # generous: other work shares the machine


async def _read(server, made: Capture) -> list[pb.PageResult]:  # type: ignore[no-untyped-def]
    options = pb.ProcessOptions(extract_fields=False)
    outcome = await server.client.process(
        build_request(made.content, filename=made.filename, options=options), timeout=TIMEOUT
    )
    return sorted(outcome.pages, key=lambda p: p.page_number)


def _compact(pages: list[pb.PageResult]) -> str:
    return re.sub(r"\s+", "", "\n".join(p.text for p in pages))


@pytest.mark.parametrize(
    ("kind", "rotation", "kind_of_capture", "pages"),
    [
        ("upside-down", 180, pb.CAPTURE_KIND_SCAN, 2),
        ("sideways", 270, pb.CAPTURE_KIND_SCAN, 1),
        ("photo", 0, pb.CAPTURE_KIND_PHOTO, 1),
        ("photo-hard", 0, pb.CAPTURE_KIND_PHOTO, 1),  # shade, another sheet, a fold: found by its edges
        ("fax-fine", 0, pb.CAPTURE_KIND_FAX, 2),
        ("fax-normal", 0, pb.CAPTURE_KIND_FAX, 2),
    ],
)
async def test_each_capture_is_read(
    tesseract_server, kind: str, rotation: int, kind_of_capture: int, pages: int
) -> None:  # type: ignore[no-untyped-def]
    made = capture(INVOICE.read_bytes(), kind, seed=3)
    read = await _read(tesseract_server, made)
    assert len(read) == pages
    assert NUMBER in _compact(read), kind
    if pages == 2:  # the IBAN stands on the second page
        assert IBAN in _compact(read), kind
    for page in read:
        assert page.HasField("quality")
        assert page.quality.rotation_degrees == rotation, (kind, page.quality)
        assert page.quality.capture == kind_of_capture, kind
        assert not page.quality.unreliable, (kind, list(page.quality.warnings))
    if kind == "photo":
        assert read[0].quality.exif_orientation == 6
        assert read[0].width < read[0].height  # EXIF turned the stored landscape frame upright
    if kind.startswith("fax"):
        assert read[0].quality.estimated_dpi == pytest.approx(204, abs=1)


async def test_an_upright_scan_is_checked_not_turned(tesseract_server) -> None:  # type: ignore[no-untyped-def]
    made = capture(INVOICE.read_bytes(), "upright", seed=3)
    read = await _read(tesseract_server, made)
    assert NUMBER in _compact(read)
    assert [p.quality.rotation_degrees for p in read] == [0, 0]
    assert all(p.quality.capture == pb.CAPTURE_KIND_SCAN for p in read)


async def test_section_signs_survive_a_scanned_contract(tesseract_server) -> None:  # type: ignore[no-untyped-def]
    statute = statute_pdf(2, seed=5)
    scan = Capture("statute", render_scanned_pdf(statute.pdf, seed=5, dpi=200), "pdf")
    read = await _read(tesseract_server, scan)
    expected = [h for page in statute.headings for h in page]
    found = [
        f"§ {m.group(1)}" for page in read for line in page.lines if (m := re.match(r"^§ (\d+)\b", line.text))
    ]
    assert found == expected
    text = "\n".join(p.text for p in read)
    assert "§ 5" in text
    # Amounts and postcodes that start with 8 stay as they are.
    if "8 500,00" in statute.text:
        assert "8 500,00" in text and "§ 500,00" not in text
    assert "§0331" not in text and "§ 0331" not in text

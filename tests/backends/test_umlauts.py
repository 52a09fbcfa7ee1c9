"""Umlauts, zero tolerance, on every engine that runs here.

The page is a German letter rendered at 300 dpi, and the same page as a
degraded 200 dpi office scan (grey, slight rotation, noise, JPEG). Every word
of UMLAUT_WORDS must come out exactly: "Grüße" must never become "Gre".
"""

from __future__ import annotations

import re

import pytest

from benchmarks.synth.degrade import render_page_png, render_scanned_pdf
from benchmarks.synth.umlaut_page import UMLAUT_WORDS, umlaut_test_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request

NO_FIELDS = pb.ProcessOptions(extract_fields=False)


def _words(pages: list[pb.PageResult]) -> set[str]:
    words: set[str] = set()
    for page in pages:
        for token in page.text.split():
            words.add(re.sub(r"^[^\wÄÖÜäöüß]+|[^\wÄÖÜäöüß]+$", "", token))
    return words


def _missing(pages: list[pb.PageResult]) -> list[str]:
    found = _words(pages)
    return [w for w in UMLAUT_WORDS if w not in found]


@pytest.fixture(scope="module")
def umlaut_pdf() -> bytes:
    return umlaut_test_pdf()


async def test_pdftext_reads_every_umlaut_word(pdftext_server, umlaut_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    outcome = await pdftext_server.client.process(build_request(umlaut_pdf, options=NO_FIELDS), timeout=30)
    assert _missing(outcome.pages) == []


async def test_tesseract_reads_every_umlaut_word_at_300_dpi(tesseract_server, umlaut_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    png = render_page_png(umlaut_pdf, 0, 300)
    outcome = await tesseract_server.client.process(build_request(png, filename="brief.png", options=NO_FIELDS), timeout=60)
    assert _missing(outcome.pages) == []


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_tesseract_reads_every_umlaut_word_on_degraded_scan(tesseract_server, umlaut_pdf: bytes, seed: int) -> None:  # type: ignore[no-untyped-def]
    scan = render_scanned_pdf(umlaut_pdf, seed=seed, dpi=200)
    outcome = await tesseract_server.client.process(build_request(scan, filename="scan.pdf", options=NO_FIELDS), timeout=60)
    assert outcome.pages[0].kind == pb.PAGE_KIND_SCANNED
    assert _missing(outcome.pages) == []

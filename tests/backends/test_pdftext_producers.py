"""Born-digital pages as other PDF producers write them give the fields of the plain page.

Real invoices come from many programs: some store a portrait page landscape and show it upright
with /Rotate, some simulate bold by drawing a string twice a fraction of a point apart, some set
digit groups apart with a thin space or print a non-breaking hyphen in an invoice number. Each
variant here is built from the same page and must read as that page does. Each test failed
before the text layer read pages as shown, merged overprinted words, and the extractor took
typeset spaces and hyphens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from benchmarks.synth.producers import redrawn
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from services.invoice.extract import extract_fields
from services.pdftext.textlayer import read_page
from tests.invoice.synth import values

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pages(pdf: bytes) -> list[pb.PageResult]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [p for i in range(doc.page_count) if (p := read_page(doc, i)) is not None]


def _words(pages: list[pb.PageResult]) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    return [
        (p.page_number, w.text, (w.box.x0, w.box.y0, w.box.x1, w.box.y1))
        for p in pages
        for line in p.lines
        for w in line.words
    ]


@pytest.fixture(scope="module")
def plain_pdf(einfach_pdf: bytes) -> bytes:
    return redrawn(einfach_pdf)


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_page_shown_turned_reads_as_shown(plain_pdf: bytes, rotate: int) -> None:
    """Stored turned and shown upright: the same words in the same places, lines and fields as the plain page."""
    plain, turned = _pages(plain_pdf), _pages(redrawn(plain_pdf, rotate=rotate))
    assert [p.width for p in turned] == [p.width for p in plain]
    assert sorted(line.text for p in turned for line in p.lines) == sorted(line.text for p in plain for line in p.lines)
    by_place = sorted(_words(plain), key=lambda w: (w[0], w[1], w[2]))
    for (page, text, box), (page_t, text_t, box_t) in zip(
        by_place, sorted(_words(turned), key=lambda w: (w[0], w[1], w[2])), strict=True
    ):
        assert (page_t, text_t) == (page, text)
        assert max(abs(a - b) for a, b in zip(box, box_t, strict=True)) < 0.002, (text, box, box_t)
    fields = values(extract_fields(turned))
    assert fields == values(extract_fields(plain))
    assert fields["betrag_brutto"] == "529.87" and fields["rechnungsnummer"] == "471102"


def test_overprinted_text_reads_once(plain_pdf: bytes) -> None:
    """Simulated bold: every string drawn twice, 0.35 pt apart, gives each word once and the plain page's fields."""
    plain, bold = _pages(plain_pdf), _pages(redrawn(plain_pdf, overprint=0.35))
    assert [(p, t) for p, t, _ in _words(bold)] == [(p, t) for p, t, _ in _words(plain)]
    assert values(extract_fields(bold)) == values(extract_fields(plain))


def test_repeated_words_apart_are_kept() -> None:
    """Only a copy over the word itself is dropped: the same word one line or one column away stays."""
    doc = pymupdf.open()
    page = doc.new_page()
    for y in (100, 114):
        for x in (72, 300):
            page.insert_text((x, y), "19 % 12,00", fontsize=11)
    texts = [w.text for line in _pages(doc.tobytes())[0].lines for w in line.words]
    assert texts.count("12,00") == 4 and texts.count("%") == 4


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu Sans is installed by setup (fonts-dejavu-core)")
def test_typeset_spaces_and_hyphens() -> None:
    """Digit groups set apart by a thin or figure space, and an invoice number with a non-breaking hyphen."""
    doc = pymupdf.open()
    page = doc.new_page()
    rows = [
        "Rechnungsnummer: 2024\u2011117",
        "Rechnungsdatum: 04.12.2026",
        "Nettobetrag 1\u2007234,56\u00a0€",
        "MwSt. 19\u00a0% 234,57\u00a0€",
        "Gesamtbetrag 1\u2009469,13\u00a0EUR",
    ]
    for i, row in enumerate(rows):
        page.insert_text((72, 100 + 20 * i), row, fontfile=str(DEJAVU), fontname="F0", fontsize=11)
    fields = values(extract_fields(_pages(doc.tobytes())))
    assert fields["rechnungsnummer"] == "2024-117"
    assert (fields["betrag_netto"], fields["mwst"], fields["betrag_brutto"]) == ("1234.56", "234.57", "1469.13")


Variant = Callable[[bytes], bytes]


@pytest.mark.parametrize(
    "variant",
    [lambda pdf: redrawn(pdf, rotate=90), lambda pdf: redrawn(pdf, overprint=0.35)],
    ids=["shown-turned", "overprinted"],
)
async def test_pdftext_server_gives_the_plain_fields(pdftext_server, plain_pdf: bytes, variant: Variant) -> None:  # type: ignore[no-untyped-def]
    """Through the pdftext backend's gRPC stream, as the router calls it."""
    plain = await pdftext_server.client.process(build_request(plain_pdf), timeout=60)
    other = await pdftext_server.client.process(build_request(variant(plain_pdf)), timeout=60)
    assert values(other.document.fields) == values(plain.document.fields)
    assert values(other.document.fields)["betrag_brutto"] == "529.87"

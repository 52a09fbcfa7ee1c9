"""A scan carrying an earlier OCR's invisible text is read again by our OCR, not taken as born digital.

Scanners' "searchable PDF", OCRmyPDF and Acrobat lay their reading under the page image as
invisible text (render mode 3). Trusting that reading takes its misreads as the document's
characters. Each scan here carries a deliberately wrong layer (every 5 read as 6), so a field
taken from it is visibly wrong. Each test failed while any usable text layer made a page born
digital.
"""

from __future__ import annotations

import io
from pathlib import Path

import grpc
import pymupdf
import pytest
import tesserocr
from PIL import Image

from benchmarks.synth.producers import scan_with_ocr_layer
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from services.intake.ocrlayer import earlier_ocr_layer
from services.intake.orientation import find_tessdata
from services.pdftext.textlayer import read_page
from tests.conftest import PATIENCE


def test_a_scan_under_invisible_text_is_not_born_digital(einfach_pdf: bytes) -> None:
    with pymupdf.open(stream=scan_with_ocr_layer(einfach_pdf), filetype="pdf") as doc:
        assert earlier_ocr_layer(doc[0])
        assert read_page(doc, 0) is None


def test_a_scan_under_invisible_text_shown_turned_is_not_born_digital(einfach_pdf: bytes) -> None:
    with pymupdf.open(stream=scan_with_ocr_layer(einfach_pdf), filetype="pdf") as doc:
        doc[0].set_rotation(90)
        assert read_page(doc, 0) is None


def test_visible_text_on_a_full_page_image_stays_born_digital(einfach_pdf: bytes) -> None:
    """A letterhead or form drawn as one page image with the text set over it: the text is the document's."""
    with pymupdf.open(stream=scan_with_ocr_layer(einfach_pdf, visible_text=True), filetype="pdf") as doc:
        assert not earlier_ocr_layer(doc[0])
        page = read_page(doc, 0)
        assert page is not None and page.kind == pb.PAGE_KIND_BORN_DIGITAL


def test_some_invisible_text_on_a_born_digital_page_keeps_it_born_digital(einfach_pdf: bytes) -> None:
    """Hidden marks (a tracking code, an accessibility label) do not make a born-digital page a scan."""
    with pymupdf.open(stream=einfach_pdf, filetype="pdf") as doc:
        doc[0].insert_text((72, 20), "Beleg-ID 4f1c-99a0", fontsize=6, render_mode=3)
        assert not earlier_ocr_layer(doc[0])
        page = read_page(doc, 0)
        assert page is not None and page.kind == pb.PAGE_KIND_BORN_DIGITAL


async def test_pdftext_server_declines_the_earlier_ocr(pdftext_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    """The router sends such a page on to OCR, as it does any scan pdftext declines."""
    options = pb.ProcessOptions(extract_fields=False)
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await pdftext_server.client.process(
            build_request(scan_with_ocr_layer(einfach_pdf), options=options), timeout=PATIENCE
        )
    assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert "earlier OCR" in err.value.details()


def _in_strips(scan: bytes, strips: int = 8) -> bytes:
    """The first page's image cut into horizontal strips, as some scanners store a page."""
    with pymupdf.open(stream=scan, filetype="pdf") as doc:
        page = doc[0]
        image = Image.open(io.BytesIO(page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")))
        for xref, *_ in page.get_images(full=True):
            page.delete_image(xref)
        rows, height = image.height // strips, page.rect.height / strips
        for k in range(strips):
            strip = io.BytesIO()
            image.crop((0, k * rows, image.width, (k + 1) * rows)).save(strip, "PNG")
            band = pymupdf.Rect(0, k * height, page.rect.width, (k + 1) * height)
            page.insert_image(band, stream=strip.getvalue())
        return doc.tobytes()


def test_a_scan_stored_in_strips_under_invisible_text_is_not_born_digital(einfach_pdf: bytes) -> None:
    with pymupdf.open(stream=_in_strips(scan_with_ocr_layer(einfach_pdf)), filetype="pdf") as doc:
        assert sum(image[2] > 1 for image in doc[0].get_images()) == 8  # (the old one a 1x1 placeholder)
        assert read_page(doc, 0) is None


def test_a_scanned_till_receipt_under_invisible_text_is_not_born_digital() -> None:
    """80 x 150 mm at 200 dpi: 0.74 million pixels, a scan all the same."""
    receipt = pymupdf.open()
    page = receipt.new_page(width=227, height=425)
    for row, text in enumerate(
        ["Bäckerei Sonnenschein", "Brötchen 6 x 0,45", "Summe EUR 2,70", "MwSt. 7 % 0,18"]
    ):
        page.insert_text((12, 30 + 18 * row), text, fontsize=9)
    with pymupdf.open(stream=scan_with_ocr_layer(receipt.tobytes()), filetype="pdf") as doc:
        assert read_page(doc, 0) is None


def test_tesseracts_own_searchable_pdf_is_a_scan(einfach_pdf: bytes, tmp_path: Path) -> None:
    """A real producer's layer: Tesseract's PDF renderer (GlyphLessFont under the page image), as
    scanners and OCRmyPDF write it."""
    tessdata = find_tessdata()
    if not (Path(tessdata) / "pdf.ttf").is_file():
        pytest.skip("Tesseract's PDF renderer needs pdf.ttf in the tessdata directory")
    with pymupdf.open(stream=einfach_pdf, filetype="pdf") as doc:
        doc[0].get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).save(tmp_path / "page.png")
    with tesserocr.PyTessBaseAPI(path=tessdata, lang="deu") as api:
        api.SetVariable("tessedit_create_pdf", "1")
        assert api.ProcessPages(str(tmp_path / "searchable"), str(tmp_path / "page.png"))
    with pymupdf.open(tmp_path / "searchable.pdf") as doc:
        assert "Rechnung" in doc[0].get_text()  # the layer is there, and usable as text
        assert earlier_ocr_layer(doc[0])
        assert read_page(doc, 0) is None

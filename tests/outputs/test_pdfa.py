"""The searchable PDF is PDF/A-2b where its pages allow it, and never claims it where they do not
(what is checked of a claim: `pdfa_check`)."""

from __future__ import annotations

import io

import pymupdf
import pytest
from PIL import Image, ImageDraw

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.outputs.pdfa import pdfa_obstacles
from services.outputs.searchable_pdf import searchable_pdf
from tests.gateway.conftest import DATASET
from tests.invoice.synth import line, page
from tests.outputs.pdfa_check import pdfa_identification


def _scan_png() -> bytes:
    image = Image.new("RGB", (1240, 1754), "white")
    ImageDraw.Draw(image).rectangle((100, 100, 700, 140), fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _read(*lines: pb.TextLine) -> list[pb.PageResult]:
    result = page(*lines)
    result.kind = pb.PAGE_KIND_SCANNED
    return [result]


def _searchable(content: bytes, pages: list[pb.PageResult]) -> bytes:
    with open_document(content) as document:
        return searchable_pdf(document, pages)


def test_a_scanned_image_with_its_words_is_pdfa_2b() -> None:
    pdf = _searchable(_scan_png(), _read(line("Rechnung Grüße § 5 Betrag 1.234,56 €", 0.08, 0.06)))
    assert pdfa_identification(pdf) == ("2", "B")
    with pymupdf.open(stream=pdf) as doc:
        assert "Grüße § 5" in doc[0].get_text()  # the invisible words are still there


def test_a_dataset_invoice_born_digital_is_pdfa_2b_with_its_own_text_layer() -> None:
    original = (DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf").read_bytes()
    with pymupdf.open(stream=original) as doc:
        pages = [
            pb.PageResult(page_number=n + 1, kind=pb.PAGE_KIND_BORN_DIGITAL) for n in range(doc.page_count)
        ]
        text = doc[0].get_text()
    pdf = _searchable(original, pages)
    assert pdfa_identification(pdf) == ("2", "B")
    with pymupdf.open(stream=pdf) as doc:
        assert doc[0].get_text() == text


def _pdf_with(draw: str) -> bytes:
    """A one-page PDF drawn by PyMuPDF in one of the ways PDF/A forbids."""
    with pymupdf.open() as doc:
        target = doc.new_page()
        if draw == "base-14 font":
            target.insert_text((72, 72), "Rechnung", fontname="helv")  # Helvetica, not embedded
        elif draw == "embedded font":  # embedded, but PDF/A's glyph and width rules cannot be checked here
            writer = pymupdf.TextWriter(target.rect)
            writer.append((72, 72), "Rechnung", font=pymupdf.Font("tiro"))
            writer.write_text(target)
        elif draw == "cmyk fill":
            target.draw_rect(
                pymupdf.Rect(72, 72, 172, 92), color=None, fill=(0, 0, 0, 1)
            )  # four values: CMYK
        elif draw == "note":
            target.add_text_annot((72, 72), "Bitte prüfen")
        return doc.tobytes()


@pytest.mark.parametrize(
    ("draw", "obstacle"),
    [
        ("base-14 font", "a font that is not embedded"),
        ("embedded font", "fonts of a PDF that does not declare PDF/A"),
        ("cmyk fill", "CMYK colour without a CMYK output intent"),
        ("note", "annotations or form fields"),
    ],
)
def test_a_delivered_pdf_pdfa_forbids_stays_a_plain_pdf_with_its_pages_untouched(
    draw: str, obstacle: str
) -> None:
    original = _pdf_with(draw)
    with pymupdf.open(stream=original) as doc:
        assert obstacle in pdfa_obstacles(doc)
        before = doc[0].get_pixmap(dpi=50).samples
    pdf = _searchable(original, [pb.PageResult(page_number=1, kind=pb.PAGE_KIND_BORN_DIGITAL)])
    assert pdfa_identification(pdf) is None
    with pymupdf.open(stream=pdf) as doc:
        assert doc[0].get_pixmap(dpi=50).samples == before


@pytest.mark.parametrize("flags", ["", "[1 2]"], ids=["no-flags", "hostile-flags"])
def test_a_link_is_made_printable_and_does_not_stop_pdfa(flags: str) -> None:
    with pymupdf.open() as doc:
        target = doc.new_page()
        target.insert_link(
            {"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 72, 200, 90), "uri": "https://example.org"}
        )
        if flags:  # read as they stand (a copied page's links are made anew): a bad entry is no crash
            (link,) = [x for x in range(1, doc.xref_length()) if doc.xref_get_key(x, "Subtype")[1] == "/Link"]
            doc.xref_set_key(link, "F", flags)
            assert pdfa_obstacles(doc) == [] and int(doc.xref_get_key(link, "F")[1]) & 4
        original = doc.tobytes()
    pdf = _searchable(original, [pb.PageResult(page_number=1, kind=pb.PAGE_KIND_BORN_DIGITAL)])
    assert pdfa_identification(pdf) == ("2", "B")
    with pymupdf.open(stream=pdf) as doc:
        (link,) = [x for x in range(1, doc.xref_length()) if doc.xref_get_key(x, "Subtype")[1] == "/Link"]
        assert int(doc.xref_get_key(link, "F")[1]) & 4


def test_words_in_fallback_fonts_and_stray_characters_keep_the_pdfa_claim_true() -> None:
    """CJK falls back to a CID TrueType font (it gets its CIDToGIDMap); control and private-use characters,
    which no font has a glyph for, are left out of the invisible text."""
    read = line("Lieferant 東京商事 Nr\x01 4711\ue000", 0.08, 0.06)
    pdf = _searchable(_scan_png(), _read(read))
    assert pdfa_identification(pdf) == ("2", "B")
    with pymupdf.open(stream=pdf) as doc:
        text = doc[0].get_text()
        kinds = {doc.xref_get_key(x, "Subtype")[1] for x in range(1, doc.xref_length())}
    assert "東京商事" in text and "\x01" not in text and "\ue000" not in text
    assert "/CIDFontType2" in kinds

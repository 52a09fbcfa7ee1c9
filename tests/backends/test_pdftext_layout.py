"""pdftext reports each page's layout complexity (and the document's), measured as the router does."""

from __future__ import annotations

import pymupdf
import pytest
from pydantic import ValidationError

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from router_service.analysis import analyse
from router_service.rules import DEFAULT_RULES
from services.intake.document import open_document
from services.intake.layout import LAYOUT_TO_PROTO
from services.pdftext.engine import PdfTextEngine
from services.scaffold.engine import PageOptions

NO_FIELDS = pb.ProcessOptions(extract_fields=False)


def layout_pdf() -> bytes:
    """Page 1 one line of text (simple), page 2 a ruled table of 63 lines (complex), page 3 24 text blocks (medium)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Rechnung Nr. 4711 vom 5. Maerz 2018, Betrag 529,87 EUR")
    page = doc.new_page()
    page.insert_text((72, 60), "Tabelle mit vielen Linien: Positionen und Summen")
    for row in range(58):
        page.draw_line((72, 80 + row * 12), (520, 80 + row * 12))
    for x in (72, 200, 330, 450, 520):
        page.draw_line((x, 80), (x, 80 + 57 * 12))
    page = doc.new_page()
    for block in range(24):
        page.insert_text((72, 60 + block * 30), f"Block {block}: Angabe {block * 7}")
    return doc.tobytes()


def router_layouts(content: bytes) -> list[int]:
    """Each page's layout as the router's full analysis measures it."""
    with open_document(content) as document:
        analysis = analyse(document, range(document.page_count), DEFAULT_RULES.thresholds)
    return [LAYOUT_TO_PROTO[page.layout] for page in analysis.pages]


async def test_direct_call_reports_page_and_document_layout(pdftext_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    outcome = await pdftext_server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=30)
    layouts = [p.layout_complexity for p in outcome.pages]
    assert len(layouts) == 2 and pb.LAYOUT_COMPLEXITY_UNSPECIFIED not in layouts
    assert layouts == router_layouts(einfach_pdf)  # one definition: the router would say the same
    assert outcome.document.metadata.layout_complexity == max(layouts)


async def test_layout_follows_the_page(pdftext_server) -> None:  # type: ignore[no-untyped-def]
    content = layout_pdf()
    outcome = await pdftext_server.client.process(build_request(content, options=NO_FIELDS), timeout=30)
    assert [p.layout_complexity for p in outcome.pages] == [
        pb.LAYOUT_COMPLEXITY_SIMPLE,
        pb.LAYOUT_COMPLEXITY_COMPLEX,
        pb.LAYOUT_COMPLEXITY_MEDIUM,
    ]
    assert router_layouts(content) == [p.layout_complexity for p in outcome.pages]
    assert outcome.document.metadata.layout_complexity == pb.LAYOUT_COMPLEXITY_COMPLEX

    # A page range: the document's layout is that of the pages read.
    options = pb.ProcessOptions(extract_fields=False, first_page=3, last_page=3)
    outcome = await pdftext_server.client.process(build_request(content, options=options), timeout=30)
    assert outcome.document.metadata.layout_complexity == pb.LAYOUT_COMPLEXITY_MEDIUM


def test_thresholds_come_from_the_engine_settings() -> None:
    engine = PdfTextEngine.from_settings({"layout_thresholds": {"medium_text_blocks": 1}})
    with open_document(layout_pdf()) as document:
        page = engine.process_page(document, 0, PageOptions())
    assert page.layout_complexity == pb.LAYOUT_COMPLEXITY_MEDIUM
    with pytest.raises(ValidationError):
        PdfTextEngine.from_settings({"layout_thresholds": {"tables": 3}})

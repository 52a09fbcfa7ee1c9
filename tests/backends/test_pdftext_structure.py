"""pdftext makes each page's structure from the lines it has just read: the same blocks, tables and Markdown
as made from the page's message (`finish_page`'s way), and `finish_page` leaves them as they are."""

from __future__ import annotations

import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.pdftext.engine import PdfTextEngine
from services.scaffold.engine import PageOptions
from services.scaffold.finish import add_structure, finish_page
from tests.conftest import DATASET


@pytest.mark.parametrize(
    "name",
    ["EN16931_zugferd_2p0_EN16931_Einfach.pdf", "EXTENDED_zugferd_2p0_EXTENDED_Warenrechnung.pdf"],
)
def test_structure_from_the_read_lines_is_the_structure_of_the_page(name: str) -> None:
    engine = PdfTextEngine()
    with open_document((DATASET / name).read_bytes()) as document:
        for index in range(document.page_count):
            page = engine.process_page(document, index, PageOptions())
            assert page.blocks and page.markdown
            from_message = pb.PageResult()
            from_message.CopyFrom(page)
            del from_message.blocks[:]
            del from_message.tables[:]
            from_message.markdown = ""
            add_structure(from_message)
            assert from_message == page
            finish_page(page, PageOptions())
            assert from_message == page

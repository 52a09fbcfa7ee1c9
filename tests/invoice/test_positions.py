"""Line items as `positionen` (services/invoice/positions.py) on dataset invoices' text layers."""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.invoice.pipeline import build_invoice
from services.pdftext.textlayer import read_page
from tests.conftest import DATASET


def _items(name: str) -> list[pb.LineItem]:
    with open_document((DATASET / f"{name}.pdf").read_bytes()) as doc:
        assert doc.pdf is not None
        pages = [p for i in range(doc.page_count) if (p := read_page(doc.pdf, i)) is not None]
    return list(build_invoice(pages).fields.line_items)


def test_each_row_with_quantity_price_and_amount_is_a_position() -> None:
    items = _items("EXTENDED_zugferd_2p0_EXTENDED_Warenrechnung")
    first = items[0]
    assert (first.position, first.description, first.quantity, first.unit) == ("1", "Zitronensäure 100ml", "100", "Stk")
    assert (first.unit_price, first.amount, first.vat_rate, first.page) == ("1.00", "100.00", "19", 2)
    assert [i.vat_rate for i in items[:2]] == ["19", "7"]


def test_the_positions_add_up_to_netto() -> None:
    items = _items("EN16931_zugferd_2p0_EN16931_Einfach")
    assert [(i.quantity, i.unit_price, i.amount) for i in items] == [("20", "9.90", "198.00"), ("50", "5.50", "275.00")]
    assert sum(float(i.amount) for i in items) == 473.00  # the invoice's netto

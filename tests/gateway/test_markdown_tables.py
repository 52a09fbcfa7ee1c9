"""The Markdown of our dataset invoices holds their line-item tables as pipe tables (through pdftext).

Chosen: invoices whose positions are printed as a table (one row per item: quantity, unit price,
amount in columns). Each position the invoice reading finds (`text.structured.positionen`, checked
in tests/invoice/test_positions.py) must be one row of a pipe table, its amount in a cell.

pdftext fills no `PageResult.tables` and PyMuPDF's `find_tables` finds no ruled table on them (the
items are aligned text, not a grid): `services.outputs.text_tables` finds them from the words'
columns when the backend finishes the page.
"""

from __future__ import annotations

import httpx
import pytest

from tests.gateway.conftest import DATASET

PROCESS = "/api/v1/ocr/process"
TABLE_INVOICES = ("EN16931_zugferd_2p0_EN16931_Einfach", "EXTENDED_zugferd_2p0_EXTENDED_Warenrechnung")


def _german(amount: float) -> str:
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


@pytest.mark.parametrize("name", TABLE_INVOICES)
async def test_line_items_are_rows_of_a_pipe_table(pdftext_gateway: httpx.AsyncClient, name: str) -> None:
    content = (DATASET / f"{name}.pdf").read_bytes()
    result = (await pdftext_gateway.post(PROCESS, files={"file": (f"{name}.pdf", content)})).json()
    positions = result["text"]["structured"]["positionen"]
    assert positions, "the invoice reading finds the positions (tests/invoice/test_positions.py)"
    markdown = await pdftext_gateway.post(PROCESS, params={"format": "markdown"}, files={"file": ("x.pdf", content)})
    assert markdown.status_code == 200
    lines = markdown.text.splitlines()
    separators = [line for line in lines if line.startswith("|") and set(line) <= set("|-: ")]
    assert separators, "a pipe table"
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines if line.startswith("|")]
    for position in positions:
        amount = _german(position["gesamtpreis"])
        assert any(amount in cells for cells in rows), f"no table row holds {amount}"

"""Tables of aligned text (no ruling) found from the words' columns, for engines that give none (#19).

Born-digital pages come as pdftext gives them (a line per cell); scanned pages as Tesseract gives them
(a line per row, its cells apart by wide gaps).
"""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.markdown import page_markdown
from services.outputs.text_tables import text_tables
from services.scaffold.engine import PageOptions
from services.scaffold.finish import finish_page
from tests.invoice.synth import CHAR_W, LINE_H, line, page

COLUMNS = (0.08, 0.16, 0.40, 0.64, 0.74, 0.84)  # Pos, Art-Nr, Beschreibung, Menge, USt., Betrag
ITEMS = (
    ("Pos", "Art-Nr", "Beschreibung", "Menge", "USt.", "Betrag"),
    ("1", "TB100A4", "Trennblätter A4", "20 Stk", "19 %", "198,00"),
    ("2", "ARNR2", "Joghurt Banane", "50 Stk", "7 %", "275,00"),
    ("3", "GZ250", "Gelierzucker Extra", "10 Stk", "7 %", "12,40"),
)


def _born_digital(rows: list[tuple[str, ...]], top: float = 0.40) -> pb.PageResult:
    """A line per cell, as pdftext reads a text layer."""
    lines = [line(text, x, top + r * 0.03) for r, row in enumerate(rows) for text, x in zip(row, COLUMNS) if text]
    result = page(*lines)
    result.kind = pb.PAGE_KIND_BORN_DIGITAL
    return result


def _row_line(row: tuple[str, ...], y: float) -> pb.TextLine:
    """One OCR line holding a whole table row, its words where the columns put them."""
    words = []
    for text, x in zip(row, COLUMNS):
        pos = x
        for w in text.split():
            words.append(pb.Word(text=w, box=pb.BoundingBox(x0=pos, y0=y, x1=pos + len(w) * CHAR_W, y1=y + LINE_H)))
            pos += (len(w) + 1) * CHAR_W
    box = pb.BoundingBox(x0=words[0].box.x0, y0=y, x1=words[-1].box.x1, y1=y + LINE_H)
    return pb.TextLine(text=" ".join(w.text for w in words), box=box, words=words)


def test_item_table_of_a_text_layer_becomes_a_pipe_table() -> None:
    """Header and item rows in columns, an item's second line ("4012345001235" under its Art-Nr) in its cell."""
    result = _born_digital([*ITEMS[:2], ("", "4012345001235", "", "", "", ""), *ITEMS[2:]])
    tables = text_tables(result)
    assert len(tables) == 1
    table = tables[0]
    assert (table.row_count, table.column_count) == (4, 6)
    cells = {(c.row, c.column): c.text for c in table.cells}
    assert cells[(0, 5)] == "Betrag" and cells[(2, 5)] == "275,00"
    assert cells[(1, 1)] == "TB100A4 4012345001235"
    finish_page(result, PageOptions())
    markdown = result.markdown.splitlines()
    assert "| Pos | Art-Nr | Beschreibung | Menge | USt. | Betrag |" in markdown
    assert "| 3 | GZ250 | Gelierzucker Extra | 10 Stk | 7 % | 12,40 |" in markdown
    assert [b.kind for b in result.blocks].count(pb.BLOCK_KIND_TABLE) == 1


def test_ocr_rows_are_cut_into_cells_at_wide_gaps() -> None:
    """Tesseract gives a row as one line: its words are split into cells where the gap is wider than
    the line is high; words of one cell ("20 Stk") stay together."""
    result = page(*(_row_line(row, 0.40 + r * 0.03) for r, row in enumerate(ITEMS)))
    result.kind = pb.PAGE_KIND_SCANNED
    (table,) = text_tables(result)
    rows = {}
    for c in table.cells:
        rows.setdefault(c.row, {})[c.column] = c.text
    assert rows[1] == {0: "1", 1: "TB100A4", 2: "Trennblätter A4", 3: "20 Stk", 4: "19 %", 5: "198,00"}


def test_prose_addresses_and_totals_are_no_tables() -> None:
    """Paragraphs, a letterhead's two address columns and a totals block (label and amount) have no three
    cells in a row: no table, and the page's Markdown is its text."""
    result = page(
        line("Muster GmbH", 0.08, 0.05), line("Kunden AG", 0.60, 0.05),
        line("Hauptstraße 1", 0.08, 0.065), line("Ringweg 4", 0.60, 0.065),
        line("§ 3 Vergütung", 0.08, 0.20),
        line("Der Auftraggeber zahlt die vereinbarte Vergütung binnen 14 Tagen nach Rechnungsstellung.", 0.08, 0.23),
        line("Zwischensumme", 0.55, 0.60), line("473,00", 0.84, 0.60),
        line("USt. 19 %", 0.55, 0.62), line("89,87", 0.84, 0.62),
    )  # fmt: skip
    assert text_tables(result) == []
    assert "|" not in page_markdown(result)
    result.kind = pb.PAGE_KIND_SCANNED
    assert text_tables(result) == []


def test_a_lone_row_of_many_columns_is_a_table_and_a_section_line_ends_one() -> None:
    """An item table's last row alone at the top of the next page (six cells) is still a table; a line
    running across the columns ("Zahlungsbedingungen: zahlbar ...") is the text after it, not a row."""
    rows = [ITEMS[1]]
    result = _born_digital(rows)
    result.lines.append(line("Zahlungsbedingungen: zahlbar innerhalb von 30 Tagen ohne Abzug", 0.08, 0.43))
    (table,) = text_tables(result)
    assert table.row_count == 1
    assert table.box.y1 < 0.43

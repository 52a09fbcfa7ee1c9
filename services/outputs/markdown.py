"""A document's pages as Markdown: headings as `#`, tables as pipe tables, clauses as lists.

An engine that writes Markdown itself (Docling, the GPU models) is taken as it wrote it; for the
others the page's lines, in their reading order, are marked up with `structure.heading_of`, and a
table the engine found replaces the lines inside its box.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.structure import heading_of, list_item

PAGE_BREAK = "\n\n<!-- page {number} -->\n\n"


def document_markdown(pages: Sequence[pb.PageResult]) -> str:
    parts = []
    for page in pages:
        if len(pages) > 1:
            parts.append(PAGE_BREAK.format(number=page.page_number).strip("\n"))
        parts.append(page.markdown.strip() if page.markdown.strip() else page_markdown(page))
    return "\n\n".join(part for part in parts if part) + "\n"


def page_markdown(page: pb.PageResult) -> str:
    blocks: list[str] = []
    tables_written: set[int] = set()
    paragraph: list[str] = []
    last_block: int | None = None

    def flush() -> None:
        if paragraph:
            blocks.append("\n".join(paragraph))
            paragraph.clear()

    for line in page.lines:
        table = _table_holding(page, line)
        if table is not None:
            flush()
            if table not in tables_written:
                tables_written.add(table)
                blocks.append(_table_markdown(page.tables[table]))
            continue
        text = line.text.strip()
        if not text:
            continue
        heading = heading_of(text)
        if heading is not None:
            flush()
            blocks.append(f"{'#' * heading.level} {_escape(heading.text)}")
        elif list_item(text):
            flush()
            blocks.append(f"- {_escape(text)}" if not text.startswith(("-", "•", "–")) else f"- {_escape(text[1:].strip())}")
        else:
            if last_block is not None and line.block != last_block:
                flush()
            paragraph.append(_escape(text))
        last_block = line.block
    flush()
    for index, table in enumerate(page.tables):  # tables without lines of their own (Docling's cells only)
        if index not in tables_written:
            blocks.append(_table_markdown(table))
    return "\n\n".join(blocks)


def _table_holding(page: pb.PageResult, line: pb.TextLine) -> int | None:
    if not line.HasField("box"):
        return None
    cx, cy = (line.box.x0 + line.box.x1) / 2, (line.box.y0 + line.box.y1) / 2
    for index, table in enumerate(page.tables):
        box = table.box
        if table.HasField("box") and box.x0 <= cx <= box.x1 and box.y0 <= cy <= box.y1:
            return index
    return None


def _table_markdown(table: pb.Table) -> str:
    if table.markdown.strip():
        return table.markdown.strip()
    rows = max(table.row_count, max((c.row + max(1, c.row_span) for c in table.cells), default=0))
    columns = max(table.column_count, max((c.column + max(1, c.column_span) for c in table.cells), default=0))
    if not rows or not columns:
        return ""
    grid = [["" for _ in range(columns)] for _ in range(rows)]
    for cell in table.cells:
        if 0 <= cell.row < rows and 0 <= cell.column < columns:
            grid[cell.row][cell.column] = _escape(" ".join(cell.text.split())).replace("|", "\\|")
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "|".join(" --- " for _ in range(columns)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in grid[1:]]
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Text that Markdown shows as written: a leading `#`, `>` or `+` is not markup."""
    return "\\" + text if text[:1] in "#>+" else text

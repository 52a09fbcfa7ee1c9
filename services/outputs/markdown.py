"""A document's pages as Markdown: headings as `#`, tables as pipe tables, clauses as lists.

An engine that writes Markdown itself (Docling, the GPU models) is taken as it wrote it; for the
others the page's blocks (`blocks.page_blocks`: headings, clauses, paragraphs, the engine's tables
in place of the lines inside their box) are written out, the running header and footer left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.blocks import page_blocks

PAGE_BREAK = "\n\n<!-- page {number} -->\n\n"


def document_markdown(pages: Sequence[pb.PageResult]) -> str:
    parts = []
    for page in pages:
        if len(pages) > 1:
            parts.append(PAGE_BREAK.format(number=page.page_number).strip("\n"))
        parts.append(page.markdown.strip() if page.markdown.strip() else page_markdown(page))
    return "\n\n".join(part for part in parts if part) + "\n"


def page_markdown(page: pb.PageResult) -> str:
    """The page's blocks as Markdown; its running header and footer (page numbers) left out."""
    blocks = page.blocks or page_blocks(page)
    parts = [_block_markdown(page, block) for block in blocks]
    return "\n\n".join(part for part in parts if part)


def _block_markdown(page: pb.PageResult, block: pb.Block) -> str:
    if block.kind == pb.BLOCK_KIND_HEADING:
        return f"{'#' * max(1, min(6, block.level))} {_escape(block.text)}"
    if block.kind == pb.BLOCK_KIND_TABLE:
        return _table_markdown(page.tables[block.table_index]) if block.table_index < len(page.tables) else ""
    if block.kind == pb.BLOCK_KIND_LIST_ITEM:
        first, *rest = block.text.split("\n")
        item = first[1:].strip() if first.startswith(("-", "•", "–")) else first
        return "\n".join([f"- {_escape(item)}", *(f"  {_escape(line)}" for line in rest)])
    if block.kind in (pb.BLOCK_KIND_PAGE_HEADER, pb.BLOCK_KIND_PAGE_FOOTER):
        return ""
    return "\n".join(_escape(line) for line in block.text.split("\n"))


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
            grid[cell.row][cell.column] = cell.text
    return pipe_table(grid)


def pipe_table(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cell texts (the first row the header, all rows as wide) as a Markdown pipe table."""
    if not rows:
        return ""
    cells = [[_escape(" ".join(text.split())).replace("|", "\\|") for text in row] for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join(" --- " for _ in cells[0]) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Text that Markdown shows as written: a leading `#`, `>` or `+` is not markup."""
    return "\\" + text if text and text[0] in "#>+" else text

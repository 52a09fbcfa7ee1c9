"""Tables as Markdown pipe tables, and the escaping that keeps text from turning into markup.

One writer for every table: the tables of aligned text (`text_tables`), the engines' tables
given by cells, and the page's Markdown (`markdown`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ocrmesh.v1 import ocr_pb2 as pb


def table_markdown(table: pb.Table) -> str:
    """The table's own Markdown, else its cells as a pipe table."""
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
    cells = [[escape_markdown(" ".join(text.split())).replace("|", "\\|") for text in row] for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join(" --- " for _ in cells[0]) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written: a leading `#`, `>` or `+` is not markup."""
    return "\\" + text if text and text[0] in "#>+" else text

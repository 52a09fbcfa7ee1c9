"""Tables printed as aligned text (no ruling): invoice positions, VAT breakdowns, totals columns.

For pages whose engine found no table (text layers, Tesseract). A page's words are cut into
cells where the gap between two words is wider than the line is high; cells at the same height
make a visual row. A run of rows of at least MIN_COLUMNS cells each, whose cells fall into
columns shared down the run, is a table; rows of fewer cells inside the run (a description's
second line, a GTIN under the item) continue the row above in their columns. Columns are the
union of the run's cell extents (x-intervals that overlap are one column).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import attrgetter

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.page_lines import PageLine, page_lines
from services.outputs.pipe_tables import pipe_table

MIN_COLUMNS = 3
MIN_ROWS = 2  # rows of MIN_COLUMNS cells in one table (or one of MIN_COLUMNS + 2)
# A gap between words wider than this many line heights starts a new cell.
CELL_GAP = 1.2
# Rows further apart than this many line heights are not one table.
ROW_GAP = 2.5


class _Cell:
    """Words of one line between wide gaps, with their box (page-normalised)."""

    __slots__ = ("text", "x0", "y0", "x1", "y1", "cy")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.text, self.x0, self.y0, self.x1, self.y1 = text, x0, y0, x1, y1
        self.cy = (y0 + y1) / 2


_BY_HEIGHT = attrgetter("cy")
_BY_LEFT = attrgetter("x0")


class _Row:
    """Cells at one height, left to right, with the row's top, bottom and tallest cell."""

    __slots__ = ("cells", "top", "bottom", "height")

    def __init__(self, cells: list[_Cell]) -> None:
        first = cells[0]
        top, bottom, height = first.y0, first.y1, first.y1 - first.y0
        if len(cells) > 1:
            for cell in cells:
                top, bottom, height = min(top, cell.y0), max(bottom, cell.y1), max(height, cell.y1 - cell.y0)
        self.cells, self.top, self.bottom, self.height = cells, top, bottom, height

    def __len__(self) -> int:
        return len(self.cells)


def text_tables(page: pb.PageResult, lines: Sequence[PageLine] | None = None) -> list[pb.Table]:
    """The page's tables of aligned text, top to bottom, each with its Markdown; `lines` are the page's
    lines when the caller has read them already (`page_lines`)."""
    rows = _rows(_cells(page, lines))
    if not _worth_a_table(rows):
        return []  # most pages: no run to look at
    tables = []
    for run, columns in _runs(rows):
        table = _table(run, columns)
        if table is not None:
            tables.append(table)
    return tables


def _cells(page: pb.PageResult, lines: Sequence[PageLine] | None) -> list[_Cell]:
    """The lines cut at wide gaps between their words (a line's own box is its height). A text layer's
    lines are cut at column gaps by the engine already (pdftext): taken whole, their words not looked at."""
    cells: list[_Cell] = []
    if page.kind == pb.PAGE_KIND_BORN_DIGITAL:
        for text, box, _ in page_lines(page) if lines is None else lines:
            if text and box is not None:
                cells.append(_Cell(text, *box))
        return cells
    # Boxes are page-normalised: a line's height is turned into x units of the same page to compare gaps.
    aspect = (page.height / page.width) if page.width and page.height else 1.414
    for line in page.lines:
        box = line.box
        y0, y1 = box.y0, box.y1
        words = line.words
        if len(words) <= 1:
            text = line.text.strip()
            if text:
                cells.append(_Cell(text, box.x0, y0, box.x1, y1))
            continue
        spans = sorted((b.x0, b.x1, w.text) for w in words for b in (w.box,))
        gap = CELL_GAP * (y1 - y0) * aspect
        start = 0
        for k in range(1, len(spans) + 1):
            if k == len(spans) or spans[k][0] - spans[k - 1][1] > gap:
                text = " ".join(t for _, _, t in spans[start:k]).strip()
                if text:
                    cells.append(_Cell(text, spans[start][0], y0, spans[k - 1][1], y1))
                start = k
    return cells


def _rows(cells: list[_Cell]) -> list[list[_Cell]]:
    """Cells at one height, left to right; rows top to bottom."""
    groups: list[list[_Cell]] = []
    cells.sort(key=_BY_HEIGHT)
    group: list[_Cell] = []
    centre, reach = 0.0, -1.0  # of the row's first cell: its centre, and half its height
    for cell in cells:
        if abs(cell.cy - centre) <= reach:
            group.append(cell)
        else:
            group = [cell]
            groups.append(group)
            centre, reach = cell.cy, 0.5 * (cell.y1 - cell.y0)
    for group in groups:
        if len(group) > 1:  # most rows are a single cell
            group.sort(key=_BY_LEFT)
    return groups


def _runs(rows: list[list[_Cell]]) -> list[tuple[list[_Row], list[tuple[float, float]]]]:
    """Stretches of rows close to each other: a full row (MIN_COLUMNS cells or more) starts one; full rows
    whose cells fall one to a column, and thinner rows whose every cell lies inside one column (a
    description's second line, a GTIN under its item), continue it."""
    runs: list[tuple[list[_Row], list[tuple[float, float]]]] = []
    current: list[_Row] = []
    columns: list[tuple[float, float]] = []
    bottom = 0.0  # of the run's last row
    for cells in rows:
        full = len(cells) >= MIN_COLUMNS
        if not current and not full:
            continue  # most rows of a page: no table open, none to start
        row = _Row(cells)
        if current and row.top - bottom <= ROW_GAP * row.height:
            bottom = row.bottom
            widened = _merged([*columns, *((c.x0, c.x1) for c in row.cells)]) if full else columns
            if full and _one_per_column(widened, row.cells):
                current.append(row)
                columns = widened
                continue
            # A thin row continues the run when each cell lies inside one column (its text may stick out
            # a little) or between columns, touching none (a column whose head is on another line).
            overlaps = [_columns_touched(columns, c) for c in row.cells] if not full else []
            if overlaps and max(overlaps) <= 1:
                current.append(row)
                gaps = [(c.x0, c.x1) for c, n in zip(row.cells, overlaps, strict=True) if n == 0]
                columns = _merged([*columns, *gaps]) if gaps else columns
                continue
        if current:
            runs.append((current, columns))
        current, columns = ([row], _merged([(c.x0, c.x1) for c in row.cells])) if full else ([], [])
        bottom = row.bottom
    if current:
        runs.append((current, columns))
    return [(r, cols) for r, cols in runs if _worth_a_table(r)]


def _worth_a_table(run: Sequence[_Row | list[_Cell]]) -> bool:
    """Two full rows, or one of many cells (an item table's last row alone on a new page)."""
    full = [row for row in run if len(row) >= MIN_COLUMNS]
    return len(full) >= MIN_ROWS or any(len(row) >= MIN_COLUMNS + 2 for row in full)


def _merged(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """x-intervals, overlapping ones merged, left to right."""
    out: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _one_per_column(columns: list[tuple[float, float]], row: list[_Cell]) -> bool:
    return len(columns) >= MIN_COLUMNS and len({_column_of(columns, c) for c in row}) == len(row)


def _columns_touched(columns: list[tuple[float, float]], cell: _Cell) -> int:
    """How many columns the cell overlaps."""
    touched = 0
    for x0, x1 in columns:
        if x0 < cell.x1 and cell.x0 < x1:
            touched += 1
    return touched


def _column_of(columns: list[tuple[float, float]], cell: _Cell) -> int:
    """The column holding the cell's centre, else the nearest one (columns are disjoint, left to right)."""
    centre = (cell.x0 + cell.x1) / 2
    k = bisect_right(columns, (centre, float("inf"))) - 1
    if k < 0:
        return 0
    if centre <= columns[k][1] or k + 1 == len(columns):
        return k
    return k if centre - columns[k][1] <= columns[k + 1][0] - centre else k + 1


def _table(run: list[_Row], columns: list[tuple[float, float]]) -> pb.Table | None:
    """The run as a grid: each full row a table row, thinner rows added to the row above, cell by column."""
    if len(columns) < MIN_COLUMNS:
        return None  # the cells do not line up in columns
    grid: list[list[list[str]]] = []
    for row in run:
        placed = [(_column_of(columns, c), c.text) for c in row.cells]
        if len({k for k, _ in placed}) < len(placed) and len(placed) >= MIN_COLUMNS:
            return None  # two cells of one row in one column: not a grid
        if len(placed) >= MIN_COLUMNS or not grid:
            grid.append([[] for _ in columns])
        for k, text in placed:
            grid[-1][k].append(text)
    used = sorted({k for cells in grid for k, parts in enumerate(cells) if parts})
    texts = [[" ".join(cells[c]) for c in used] for cells in grid]
    table = pb.Table(row_count=len(grid), column_count=len(used), markdown=pipe_table(texts))
    add = table.cells.add  # fields set one by one: cheaper than keyword arguments in upb
    for r, row_texts in enumerate(texts):
        for k, text in enumerate(row_texts):
            if text:
                cell = add()
                cell.row, cell.column, cell.row_span, cell.column_span, cell.text = r, k, 1, 1, text
                if r == 0:
                    cell.header = True
    box = table.box
    box.x0 = min(row.cells[0].x0 for row in run)
    box.x1 = max(c.x1 for row in run for c in row.cells)
    box.y0, box.y1 = run[0].top, run[-1].bottom
    return table

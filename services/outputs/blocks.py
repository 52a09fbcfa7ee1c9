"""A page's structure as blocks in reading order: headings, paragraphs, list items, tables, and the
running header and footer kept apart (`PageResult.blocks`).

From the page's lines by rules, for engines that give no layout of their own: a line inside a
table's box belongs to that table; `structure.heading_of` and `structure.list_item` name headings
and clauses; the engine's block index groups body lines into paragraphs; a line in the top or
bottom band of the page that carries a page number ("Seite 3 von 12", "- 3 -", "3/12") is the
page's running header or footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.structure import heading_of, list_item

HEADER_BAND = 0.08  # page-normalised: the top 8 % of the page
FOOTER_BAND = 0.92  # ... and the bottom 8 %
_PAGE_NUMBER = re.compile(
    r"(?:^|\s|[-–—|·])(?:Seite|Page|Blatt|S\.)\s*\d{1,4}(?:\s*(?:von|/|of|aus)\s*\d{1,4})?(?:$|\s|[-–—|·])"
    r"|^[-–—]?\s*\d{1,4}\s*[-–—]?$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$",
    re.IGNORECASE,
)


def page_blocks(page: pb.PageResult) -> list[pb.Block]:
    """The page's blocks in reading order (its lines' order)."""
    blocks: list[pb.Block] = []
    tables_done: set[int] = set()
    open_block: pb.Block | None = None  # a paragraph or list item that may take the next line
    last_engine_block: int | None = None
    for index, line in enumerate(page.lines):
        text = " ".join(line.text.split())
        if not text:
            continue
        table = _table_holding(page, line)
        if table is not None:
            open_block = None
            if table not in tables_done:
                tables_done.add(table)
                blocks.append(_table_block(page, table))
            next(b for b in blocks if b.HasField("table_index") and b.table_index == table).line_indices.append(index)
            continue
        furniture = _running_kind(line, text)
        if furniture is not None:
            open_block = None
            blocks.append(_block(furniture, text, [index], [line]))
            continue
        heading = heading_of(text)
        if heading is not None:
            open_block = None
            blocks.append(_block(pb.BLOCK_KIND_HEADING, heading.text, [index], [line], level=heading.level))
        elif list_item(text):
            open_block = _block(pb.BLOCK_KIND_LIST_ITEM, text, [index], [line])
            blocks.append(open_block)
        elif open_block is not None and line.block == last_engine_block:
            _extend(open_block, text, index, line)
        else:
            open_block = _block(pb.BLOCK_KIND_PARAGRAPH, text, [index], [line])
            blocks.append(open_block)
        last_engine_block = line.block
    for table in range(len(page.tables)):  # tables given by cells only (no lines of their own)
        if table not in tables_done:
            blocks.append(_table_block(page, table))
    return blocks


def _running_kind(line: pb.TextLine, text: str) -> int | None:
    if not line.HasField("box") or not _PAGE_NUMBER.search(text) or len(text) > 80:
        return None
    if line.box.y1 <= HEADER_BAND:
        return pb.BLOCK_KIND_PAGE_HEADER
    if line.box.y0 >= FOOTER_BAND:
        return pb.BLOCK_KIND_PAGE_FOOTER
    return None


def _block(kind: int, text: str, indices: list[int], lines: Sequence[pb.TextLine], level: int = 0) -> pb.Block:
    block = pb.Block(kind=kind, level=level, text=text, line_indices=indices)  # type: ignore[arg-type]
    box = _union([line.box for line in lines if line.HasField("box")])
    if box is not None:
        block.box.CopyFrom(box)
    return block


def _extend(block: pb.Block, text: str, index: int, line: pb.TextLine) -> None:
    block.text += "\n" + text
    block.line_indices.append(index)
    if line.HasField("box"):
        boxes = [block.box, line.box] if block.HasField("box") else [line.box]
        block.box.CopyFrom(_union(boxes))  # type: ignore[arg-type]


def _table_block(page: pb.PageResult, table: int) -> pb.Block:
    found = page.tables[table]
    block = pb.Block(kind=pb.BLOCK_KIND_TABLE, text=found.markdown, table_index=table)
    if found.HasField("box"):
        block.box.CopyFrom(found.box)
    return block


def _table_holding(page: pb.PageResult, line: pb.TextLine) -> int | None:
    if not line.HasField("box"):
        return None
    cx, cy = (line.box.x0 + line.box.x1) / 2, (line.box.y0 + line.box.y1) / 2
    for index, table in enumerate(page.tables):
        box = table.box
        if table.HasField("box") and box.x0 <= cx <= box.x1 and box.y0 <= cy <= box.y1:
            return index
    return None


def _union(boxes: Sequence[pb.BoundingBox]) -> pb.BoundingBox | None:
    if not boxes:
        return None
    return pb.BoundingBox(
        x0=min(b.x0 for b in boxes), y0=min(b.y0 for b in boxes), x1=max(b.x1 for b in boxes), y1=max(b.y1 for b in boxes)
    )

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
from dataclasses import dataclass

from google.protobuf.internal.containers import RepeatedCompositeFieldContainer

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.page_lines import Box, PageLine, page_lines
from services.outputs.pipe_tables import table_markdown
from services.outputs.structure import MAY_START_STRUCTURE, heading_of, list_item

HEADER_BAND = 0.08  # page-normalised: the top 8 % of the page
FOOTER_BAND = 0.92  # ... and the bottom 8 %
_PAGE_NUMBER = re.compile(
    r"(?:^|\s|[-–—|·])(?:Seite|Page|Blatt|S\.)\s*\d{1,4}(?:\s*(?:von|/|of|aus)\s*\d{1,4})?(?:$|\s|[-–—|·])"
    r"|^[-–—]?\s*\d{1,4}\s*[-–—]?$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$",
    re.IGNORECASE,
)


BlockText = tuple[int, int, str]  # a block's kind, level and text (a table's text: its Markdown)


@dataclass(slots=True)
class _Draft:
    """A block while its lines are being gathered (made a pb.Block once, at the end)."""

    kind: int
    lines: list[int]
    texts: list[str]
    level: int = 0
    table: int | None = None


def page_blocks(page: pb.PageResult) -> list[pb.Block]:
    """The page's blocks in reading order (its lines' order), the page left as it is."""
    holder = pb.PageResult()
    _fill(holder.blocks, page, page_lines(page))
    return list(holder.blocks)


def page_block_texts(page: pb.PageResult) -> list[BlockText]:
    """The page's blocks as (kind, level, text), the page left as it is."""
    return _fill(pb.PageResult().blocks, page, page_lines(page))


def add_blocks(page: pb.PageResult, lines: Sequence[PageLine] | None = None) -> list[BlockText]:
    """Adds the page's blocks to `page.blocks` and gives them as (kind, level, text) too, for the Markdown
    (cheaper than reading them back); `lines` are the page's lines when the caller has read them already
    (`page_lines`)."""
    return _fill(page.blocks, page, page_lines(page) if lines is None else lines)


def _fill(
    blocks: RepeatedCompositeFieldContainer[pb.Block], page: pb.PageResult, lines: Sequence[PageLine]
) -> list[BlockText]:
    table_boxes = [
        (t.box.x0, t.box.y0, t.box.x1, t.box.y1) if t.HasField("box") else None for t in page.tables
    ]
    # The band of the page the tables cover: a line outside it is in none (most lines; an empty band: no tables).
    tables_top = min((b[1] for b in table_boxes if b is not None), default=2.0)
    tables_bottom = max((b[3] for b in table_boxes if b is not None), default=-1.0)
    drafts: list[_Draft] = []
    tables: dict[int, _Draft] = {}
    open_draft: _Draft | None = None  # a paragraph or list item that may take the next line
    last_engine_block: int | None = None
    for index, (raw, box, engine_block) in enumerate(lines):
        if not raw or raw.isspace():
            continue
        table = (
            _table_holding(table_boxes, box)
            if box is not None and tables_top <= box[3] and box[1] <= tables_bottom
            else None
        )
        if table is not None:
            open_draft = None
            if table not in tables:
                tables[table] = _Draft(pb.BLOCK_KIND_TABLE, [], [], table=table)
                drafts.append(tables[table])
            tables[table].lines.append(index)
            continue
        text = " ".join(raw.split())
        furniture = (
            _running_kind(box, text) if box is not None and not HEADER_BAND < box[3] < FOOTER_BAND else None
        )
        if furniture is not None:
            open_draft = None
            drafts.append(_Draft(furniture, [index], [text]))
            continue
        structured = text[0] in MAY_START_STRUCTURE
        heading = heading_of(text) if structured else None
        if heading is not None:
            open_draft = None
            drafts.append(_Draft(pb.BLOCK_KIND_HEADING, [index], [heading.text], level=heading.level))
        elif structured and list_item(text):
            open_draft = _Draft(pb.BLOCK_KIND_LIST_ITEM, [index], [text])
            drafts.append(open_draft)
        elif open_draft is not None and engine_block == last_engine_block:
            open_draft.lines.append(index)
            open_draft.texts.append(text)
        else:
            open_draft = _Draft(pb.BLOCK_KIND_PARAGRAPH, [index], [text])
            drafts.append(open_draft)
        last_engine_block = engine_block
    for table in range(len(table_boxes)):  # tables given by cells only (no lines of their own)
        if table not in tables:
            drafts.append(_Draft(pb.BLOCK_KIND_TABLE, [], [], table=table))
    return [_add(blocks, page, draft, lines, table_boxes) for draft in drafts]


def _running_kind(box: Box, text: str) -> int | None:
    if HEADER_BAND < box[3] and box[1] < FOOTER_BAND:  # not in a band: body text
        return None
    if len(text) > 80 or not _PAGE_NUMBER.search(text):
        return None
    return pb.BLOCK_KIND_PAGE_HEADER if box[3] <= HEADER_BAND else pb.BLOCK_KIND_PAGE_FOOTER


def _add(
    blocks: RepeatedCompositeFieldContainer[pb.Block],
    page: pb.PageResult,
    draft: _Draft,
    lines: Sequence[PageLine],
    table_boxes: list[Box | None],
) -> BlockText:
    if draft.table is not None:
        box = table_boxes[draft.table]
        text, kind, level = table_markdown(page.tables[draft.table]), pb.BLOCK_KIND_TABLE, 0
    else:
        indices = draft.lines
        box = (
            lines[indices[0]][1]
            if len(indices) == 1
            else _union([b for i in indices if (b := lines[i][1]) is not None])
        )
        text, kind, level = "\n".join(draft.texts), draft.kind, draft.level
    block = blocks.add()  # fields set one by one: cheaper than keyword arguments in upb
    block.kind, block.level, block.text = kind, level, text  # type: ignore[assignment]
    block.line_indices.extend(draft.lines)
    if draft.table is not None:
        block.table_index = draft.table
    if box is not None:
        made = block.box
        made.x0, made.y0, made.x1, made.y1 = box
    return kind, level, text


def _table_holding(table_boxes: list[Box | None], box: Box) -> int | None:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for index, table in enumerate(table_boxes):
        if table is not None and table[0] <= cx <= table[2] and table[1] <= cy <= table[3]:
            return index
    return None


def _union(boxes: Sequence[Box]) -> Box | None:
    if not boxes:
        return None
    if len(boxes) == 1:
        return boxes[0]
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return min(x0s), min(y0s), max(x1s), max(y1s)

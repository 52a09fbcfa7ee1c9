"""One Docling conversion of a single page -> the contract's `pb.PageResult`.

Lines are the page's text cells (Docling's programmatic cells, or OCR lines),
ordered by the reading order of the document items they fall in; a line
inside no item (e.g. under a picture) follows at the end, top to bottom. So
the page text holds every line exactly once, in reading order, blocks
separated by an empty line. Tables come from Docling's table items (rows,
cells, spans, headers, Markdown); the page Markdown is Docling's export.
"""

from __future__ import annotations

from collections.abc import Iterable

from docling.datamodel.document import ConversionResult
from docling_core.types.doc import BoundingBox, DocItem, TableItem
from docling_core.types.doc.page import TextCell

from ocrmesh.v1 import ocr_pb2 as pb


def _norm(box: BoundingBox, width: float, height: float) -> pb.BoundingBox:
    top_left = box.to_top_left_origin(height)
    return pb.BoundingBox(
        x0=_clip(top_left.l / width),
        y0=_clip(top_left.t / height),
        x1=_clip(top_left.r / width),
        y1=_clip(top_left.b / height),
    )


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


def _cell_box(cell: TextCell, height: float) -> BoundingBox:
    return cell.rect.to_bounding_box().to_top_left_origin(height)


def _contains(box: BoundingBox, x: float, y: float) -> bool:
    return box.l <= x <= box.r and box.t <= y <= box.b


def _items_in_order(conv: ConversionResult, page_no: int) -> list[DocItem]:
    items: list[DocItem] = []
    for item, _level in conv.document.iterate_items(with_groups=False):
        if isinstance(item, DocItem) and any(p.page_no == page_no for p in item.prov):
            items.append(item)
    return items


def _ordered_lines(cells: Iterable[TextCell], items: list[DocItem], page_no: int, height: float) -> list[tuple[int, TextCell]]:
    """(block, cell) in reading order: cells grouped by the first item (in order) holding their centre."""
    boxes = [
        [p.bbox.to_top_left_origin(height) for p in item.prov if p.page_no == page_no]
        for item in items
    ]
    by_block: dict[int, list[TextCell]] = {}
    for cell in cells:
        box = _cell_box(cell, height)
        cx, cy = (box.l + box.r) / 2, (box.t + box.b) / 2
        block = next((i for i, item_boxes in enumerate(boxes) if any(_contains(b, cx, cy) for b in item_boxes)), len(items))
        by_block.setdefault(block, []).append(cell)
    ordered: list[tuple[int, TextCell]] = []
    for block in sorted(by_block):
        for cell in sorted(by_block[block], key=lambda c: (round(_cell_box(c, height).t), _cell_box(c, height).l)):
            ordered.append((block, cell))
    return ordered


def _table(item: TableItem, conv: ConversionResult, width: float, height: float) -> pb.Table:
    data = item.data
    table = pb.Table(row_count=data.num_rows, column_count=data.num_cols, markdown=item.export_to_markdown(conv.document))
    if item.prov:
        table.box.CopyFrom(_norm(item.prov[0].bbox, width, height))
    for cell in sorted(data.table_cells, key=lambda c: (c.start_row_offset_idx, c.start_col_offset_idx)):
        out = table.cells.add(
            row=cell.start_row_offset_idx,
            column=cell.start_col_offset_idx,
            row_span=max(1, cell.row_span),
            column_span=max(1, cell.col_span),
            text=cell.text,
            header=bool(cell.column_header or cell.row_header),
        )
        if cell.bbox is not None:
            out.box.CopyFrom(_norm(cell.bbox, width, height))
    return table


def page_result(conv: ConversionResult) -> pb.PageResult:
    """The first (only) page of `conv` as a PageResult (boxes normalised to the page)."""
    page = conv.pages[0]
    assert page.size is not None
    width, height = page.size.width, page.size.height
    page_no = page.page_no  # 1-based, as in the provenance of the items
    cells = [c for c in page.cells if c.text.strip()]
    items = _items_in_order(conv, page_no)
    result = pb.PageResult()
    previous_block: int | None = None
    text_parts: list[str] = []
    weighted = chars = ocr_chars = 0.0
    for block, cell in _ordered_lines(cells, items, page_no, height):
        text = " ".join(cell.text.split())
        line = result.lines.add(text=text, confidence=float(cell.confidence), block=block)
        line.box.CopyFrom(_norm(cell.rect.to_bounding_box(), width, height))
        if previous_block is not None and block != previous_block:
            text_parts.append("")
        text_parts.append(text)
        previous_block = block
        weighted += cell.confidence * len(text)
        chars += len(text)
        if cell.from_ocr:
            ocr_chars += len(text)
    result.text = "\n".join(text_parts)
    result.confidence = weighted / chars if chars else 0.0
    result.kind = pb.PAGE_KIND_SCANNED if chars and ocr_chars * 2 >= chars else pb.PAGE_KIND_BORN_DIGITAL
    for item in items:
        if isinstance(item, TableItem):
            result.tables.append(_table(item, conv, width, height))
    result.markdown = conv.document.export_to_markdown(page_no=page_no, escape_html=False)
    return result

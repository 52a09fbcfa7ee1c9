"""A page's lines read out of the protobuf once, for the passes that make its structure.

Reading a field of a protobuf message costs far more than a tuple's; `text_tables`,
`add_blocks` and the Markdown all walk the same lines, so `add_structure` reads them here once,
as plain tuples (the cheapest to make: a page has hundreds of lines, a contract thousands).
"""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb

Box = tuple[float, float, float, float]  # x0, y0, x1, y1, page-normalised
# A line: its text as the engine gave it, its box (None where the engine gave none: a box whose right
# and bottom edges are 0 is no box) and the engine's block index.
PageLine = tuple[str, Box | None, int]


def page_lines(page: pb.PageResult) -> list[PageLine]:
    lines: list[PageLine] = []
    append = lines.append
    for line in page.lines:
        made = line.box
        box = (made.x0, made.y0, made.x1, made.y1)
        append((line.text, box if box[2] or box[3] else None, line.block))
    return lines

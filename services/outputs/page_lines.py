"""A page's lines read out of the protobuf once, for the passes that make its structure.

Reading a field of a protobuf message costs far more than a tuple's; `text_tables`,
`page_blocks` and the Markdown all walk the same lines, so `finish_page` reads them here once.
"""

from __future__ import annotations

from typing import NamedTuple

from ocrmesh.v1 import ocr_pb2 as pb

Box = tuple[float, float, float, float]  # x0, y0, x1, y1, page-normalised


class PageLine(NamedTuple):
    text: str  # as the engine gave it
    box: Box | None  # None where the engine gave no box
    block: int  # the engine's block index


def page_lines(page: pb.PageResult) -> list[PageLine]:
    return [
        PageLine(line.text, (box.x0, box.y0, box.x1, box.y1) if line.HasField("box") else None, line.block)
        for line in page.lines
        for box in (line.box,)
    ]

"""Page layout figures and the layout complexity they give, defined once for the router and `pdftext`.

A born-digital page's figures come from its text layer and vector drawings
(`text_layer_figures`): text blocks that hold words, text coverage (share of
the page under word boxes) and ruling lines (thin horizontal or vertical
vector strokes and stroked boxes, `vector_ruling_lines`). A scan's ruling
lines come from its pixels (`router_service.analysis`). From ruling lines,
text blocks and, for scans, poor quality follow tables and the layout
(`has_tables`, `classify_layout`) under `LayoutThresholds`: the defaults
here, which the router's `config/routing.yaml` thresholds extend and may
change, and which `pdftext` takes from its engine settings
(`layout_thresholds`).

Users: the router's analysis measures a born-digital page only when a routing
rule needs its layout; the `pdftext` backend measures every page it reads and
reports the layout in `PageResult.layout_complexity`.

PyMuPDF is not thread-safe: callers hold PYMUPDF_LOCK around `text_layer_figures`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from ocrmesh.v1 import ocr_pb2 as pb

if TYPE_CHECKING:
    import pymupdf

LayoutName = Literal["simple", "medium", "complex", "unknown"]

LAYOUT_TO_PROTO: dict[LayoutName, int] = {
    "unknown": pb.LAYOUT_COMPLEXITY_UNSPECIFIED,
    "simple": pb.LAYOUT_COMPLEXITY_SIMPLE,
    "medium": pb.LAYOUT_COMPLEXITY_MEDIUM,
    "complex": pb.LAYOUT_COMPLEXITY_COMPLEX,
}
PROTO_TO_LAYOUT: dict[int, LayoutName] = {value: name for name, value in LAYOUT_TO_PROTO.items()}
# "unknown" ranks highest: a page not analysed may be the complex one.
_LAYOUT_RANK: dict[LayoutName, int] = {"simple": 0, "medium": 1, "complex": 2, "unknown": 3}

# Vector strokes thinner than this (points) and at least this long count as ruling lines.
MAX_RULE_THICKNESS_PT = 3.0
MIN_RULE_LENGTH_PT = 20.0


class LayoutThresholds(BaseModel):
    """Figures from which a page has tables or a medium or complex layout."""

    model_config = ConfigDict(extra="forbid")

    # Ruling lines (horizontal/vertical strokes) from which a page counts as having a table.
    table_ruling_lines: int = Field(default=8, ge=1)
    # Ruling lines or text blocks from which a layout is complex.
    complex_ruling_lines: int = Field(default=60, ge=1)
    complex_text_blocks: int = Field(default=45, ge=1)
    # Text blocks from which a layout is at least medium.
    medium_text_blocks: int = Field(default=20, ge=1)


@dataclass(frozen=True)
class TextLayerFigures:
    """A born-digital page's layout figures."""

    text_blocks: int  # text blocks that hold words
    text_coverage: float  # share of the page area under word boxes, 0..1
    ruling_lines: int  # vector ruling lines


def text_layer_figures(page: pymupdf.Page, words: Sequence[tuple]) -> TextLayerFigures:
    """Figures of a born-digital page from its words (`page.get_text("words")`, any order) and drawings.

    The caller holds PYMUPDF_LOCK.
    """
    area = max(1.0, page.rect.width * page.rect.height)
    covered = sum((w[2] - w[0]) * (w[3] - w[1]) for w in words)
    return TextLayerFigures(
        text_blocks=len({w[5] for w in words}),
        text_coverage=round(min(1.0, covered / area), 4),
        ruling_lines=vector_ruling_lines(page.get_cdrawings()),
    )


def vector_ruling_lines(drawings: list[dict]) -> int:
    """Ruling lines among a page's vector paths (`page.get_cdrawings()`: plain tuples, the fast form)."""
    count = 0
    for path in drawings:
        stroked = path.get("color") is not None
        for item in path.get("items", ()):
            if item[0] == "l":
                (x0, y0), (x1, y1) = item[1], item[2]
                dx, dy = abs(x1 - x0), abs(y1 - y0)
                if (dy < 1 and dx >= MIN_RULE_LENGTH_PT) or (dx < 1 and dy >= MIN_RULE_LENGTH_PT):
                    count += 1
            elif item[0] == "re":
                x0, y0, x1, y1 = item[1]
                w, h = abs(x1 - x0), abs(y1 - y0)
                if min(w, h) <= MAX_RULE_THICKNESS_PT and max(w, h) >= MIN_RULE_LENGTH_PT:
                    count += 1
                elif min(w, h) > MAX_RULE_THICKNESS_PT and stroked:
                    count += 4  # a stroked box: four rules
    return count


def has_tables(ruling_lines: int, t: LayoutThresholds) -> bool:
    return ruling_lines >= t.table_ruling_lines


def classify_layout(ruling_lines: int, text_blocks: int, t: LayoutThresholds, *, poor_scan: bool = False) -> LayoutName:
    """A page's layout from its figures (a poor scan is always complex)."""
    if ruling_lines >= t.complex_ruling_lines or text_blocks >= t.complex_text_blocks or poor_scan:
        return "complex"
    if has_tables(ruling_lines, t) or text_blocks >= t.medium_text_blocks:
        return "medium"
    return "simple"


def most_complex(layouts: Iterable[LayoutName]) -> LayoutName:
    """A document's layout: its most complex page's; "unknown" without pages or when any page's is unknown."""
    return max(layouts, key=_LAYOUT_RANK.__getitem__, default="unknown")


def document_layout_complexity(pages: Iterable[pb.PageResult]) -> int:
    """`most_complex` over page results' `layout_complexity` (UNSPECIFIED when any page reports none)."""
    return LAYOUT_TO_PROTO[most_complex(PROTO_TO_LAYOUT.get(p.layout_complexity, "unknown") for p in pages)]

"""A small drawing layer over PyMuPDF: fonts by family, aligned text, wrapping, rules.

Fonts come from Debian's fonts-dejavu-core and fonts-liberation2 (embedded as
TrueType, so the text layer carries real Unicode) or are PDF base-14 fonts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pymupdf

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIBERATION = "/usr/share/fonts/truetype/liberation2/"

A4 = pymupdf.paper_rect("a4")
Align = Literal["left", "right", "center"]
Colour = tuple[float, float, float]
BLACK: Colour = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class FontFamily:
    """A regular and a bold face: TrueType file paths, or base-14 names such as 'helv'."""

    name: str
    regular: str
    bold: str


FAMILIES: dict[str, FontFamily] = {
    f.name: f
    for f in (
        FontFamily("dejavu-sans", DEJAVU + "DejaVuSans.ttf", DEJAVU + "DejaVuSans-Bold.ttf"),
        FontFamily("dejavu-serif", DEJAVU + "DejaVuSerif.ttf", DEJAVU + "DejaVuSerif-Bold.ttf"),
        FontFamily(
            "dejavu-sans-condensed",
            DEJAVU + "DejaVuSansCondensed.ttf",
            DEJAVU + "DejaVuSansCondensed-Bold.ttf",
        ),
        FontFamily(
            "liberation-sans",
            LIBERATION + "LiberationSans-Regular.ttf",
            LIBERATION + "LiberationSans-Bold.ttf",
        ),
        FontFamily(
            "liberation-serif",
            LIBERATION + "LiberationSerif-Regular.ttf",
            LIBERATION + "LiberationSerif-Bold.ttf",
        ),
        FontFamily(
            "liberation-mono",
            LIBERATION + "LiberationMono-Regular.ttf",
            LIBERATION + "LiberationMono-Bold.ttf",
        ),
        FontFamily("helvetica", "helv", "hebo"),
        FontFamily("times", "tiro", "tibo"),
    )
}


def _is_file(face: str) -> bool:
    return face.endswith(".ttf")


@lru_cache(maxsize=32)
def _metrics(face: str) -> pymupdf.Font:
    return pymupdf.Font(fontfile=face) if _is_file(face) else pymupdf.Font(face)


@lru_cache(maxsize=8192)
def _advance(face: str, char: str) -> float:
    """A character's advance at font size 1 (a text's width is their sum: `Font.text_length` adds no kerning),
    cached: measuring every string anew through MuPDF was most of the time a page took to draw."""
    return _metrics(face).text_length(char, fontsize=1)


def _balanced_already() -> None:
    """`Page.wrap_contents` for a page whose graphics state is balanced and stays so."""


# A font's glyph widths, by its name, kind, ordering, glyph count and face index: the same for every document
# (MuPDF reads them afresh for each new document, a third of the time a family invoice takes to draw).
_GLYPH_WIDTHS: dict[tuple[str, str, int, int, int], list[tuple[int, float]]] = {}


def _share_glyph_widths(doc: pymupdf.Document) -> None:
    """Makes `doc` read a font's glyph widths once per process (`_GLYPH_WIDTHS`); the same bytes."""
    if getattr(doc, "_shares_glyph_widths", False):
        return
    own = doc._get_char_widths

    def widths(xref: int, bfname: str, ext: str, ordering: int, limit: int, idx: int = 0) -> list[tuple[int, float]]:
        key = (bfname, ext, ordering, limit, idx)
        if key not in _GLYPH_WIDTHS:
            _GLYPH_WIDTHS[key] = own(xref, bfname, ext, ordering, limit, idx)
        return list(_GLYPH_WIDTHS[key])

    doc._get_char_widths = widths  # type: ignore[method-assign]
    doc._shares_glyph_widths = True  # type: ignore[attr-defined]


def _remember_fonts(page: pymupdf.Page) -> None:
    """Makes `page` look a font up by name once: MuPDF's `insert_font`, before each text a page gets, scans the
    page's resources for the font (a quarter of the drawing time) and, once it is there, returns its xref
    unchanged; the same bytes."""
    if getattr(page, "_remembers_fonts", False):
        return
    own = page.insert_font
    known: dict[tuple[object, ...], int] = {}

    def insert_font(fontname: str = "helv", fontfile: str | None = None, **options: object) -> int:
        key = (fontname, fontfile, *sorted(options.items()))
        if key not in known:
            xref = own(fontname=fontname, fontfile=fontfile, **options)
            if not xref:
                return xref
            known[key] = xref
        return known[key]

    page.insert_font = insert_font  # type: ignore[method-assign]
    page._remembers_fonts = True  # type: ignore[attr-defined]


class Canvas:
    """Draws on one page with one font family (regular and bold)."""

    def __init__(self, page: pymupdf.Page, family: FontFamily) -> None:
        self.page = page
        self.family = family
        _share_glyph_widths(page.parent)
        _remember_fonts(page)
        self._names: dict[bool, str] = {}
        for bold, face in ((False, family.regular), (True, family.bold)):
            if _is_file(face):
                name = ("B" if bold else "R") + family.name.replace("-", "")
                page.insert_font(fontname=name, fontfile=face)
            else:
                name = face
            self._names[bold] = name
        if page.is_wrapped:
            # Each drawing call adds a stream balanced in itself ("q ... Q"), and before each one MuPDF
            # re-counts the whole page's q/Q balance to wrap it (quadratic in the calls: a third of the
            # time a family takes to draw). A page that starts balanced stays so: its count is skipped,
            # same bytes (tests/synth/test_synth.py).
            page.wrap_contents = _balanced_already  # type: ignore[method-assign]

    @property
    def width(self) -> float:
        return self.page.rect.width

    @property
    def height(self) -> float:
        return self.page.rect.height

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        face = self.family.bold if bold else self.family.regular
        return size * sum(_advance(face, c) for c in text)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 10,
        *,
        bold: bool = False,
        align: Align = "left",
        colour: Colour = BLACK,
    ) -> float:
        """Draw `text` with its baseline at `y`; `x` is the left, right or centre point. Returns the width."""
        w = self.text_width(text, size, bold)
        if align == "right":
            x -= w
        elif align == "center":
            x -= w / 2
        self.page.insert_text((x, y), text, fontname=self._names[bold], fontsize=size, color=colour)
        return w

    def fit_text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        max_width: float,
        *,
        bold: bool = False,
        align: Align = "left",
        colour: Colour = BLACK,
        min_size: float = 6.0,
    ) -> float:
        """Like `text`, but shrinks the font (down to `min_size`) until `text` fits `max_width`."""
        while size > min_size and self.text_width(text, size, bold) > max_width:
            size -= 0.25
        return self.text(x, y, text, size, bold=bold, align=align, colour=colour)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Greedy word wrap of `text` into lines no wider than `width`."""
        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if current and self.text_width(trial, size, bold) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        return lines

    def paragraph(
        self,
        x: float,
        y: float,
        text: str,
        width: float,
        size: float,
        *,
        leading: float = 1.35,
        bold: bool = False,
    ) -> float:
        """Draw wrapped text from baseline `y`; returns the baseline after the last line."""
        for line in self.wrap(text, width, size, bold):
            self.text(x, y, line, size, bold=bold)
            y += size * leading
        return y

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        width: float = 0.6,
        colour: Colour = BLACK,
        dashed: bool = False,
    ) -> None:
        self.page.draw_line(
            (x0, y0), (x1, y1), color=colour, width=width, dashes="[3 2] 0" if dashed else None
        )

    def box(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        fill: Colour | None = None,
        stroke: Colour | None = BLACK,
        width: float = 0.6,
    ) -> None:
        self.page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=stroke, fill=fill, width=width)


def finish(doc: pymupdf.Document, *, title: str, author: str) -> bytes:
    """Subset embedded fonts and serialise the document deterministically."""
    doc.set_metadata(
        {
            "title": title,
            "author": author,
            "producer": "ocrmesh synth",
            "creator": "ocrmesh synth",
            "creationDate": "D:20240101000000Z",
            "modDate": "D:20240101000000Z",
        }
    )
    doc.subset_fonts()
    data = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data

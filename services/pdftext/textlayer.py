"""Read a born-digital PDF page's text layer into the contract's PageResult.

Lines come in reading order (PyMuPDF's block order, sorted top-to-bottom,
left-to-right), each with its words, boxes normalised to the page and
confidence 1.0: text-layer characters are exact. The page's layout
complexity comes from the same words and the page's vector ruling lines
(`services.intake.layout`, the router's definition).

Words are read as the page is shown: a page stored landscape and shown
upright by its /Rotate gives horizontal lines in the shown page's
coordinates, as its scan would. A word drawn again over itself (a
producer's simulated bold or shadow) is one word.

A scan with another program's OCR laid under it as invisible text (scanner
"searchable PDF", OCRmyPDF, Acrobat) is not born digital: that text is an
unmeasured OCR's reading, not the document's characters, so the page goes
to OCR like any scan (`earlier_ocr_layer`).
"""

from __future__ import annotations

import unicodedata

import pymupdf

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.layout import (
    LAYOUT_TO_PROTO,
    LayoutThresholds,
    TextLayerFigures,
    classify_layout,
    text_layer_figures,
)
from services.intake.mupdf_lock import holds_pymupdf_lock
from services.intake.ocrlayer import earlier_ocr_layer
from services.outputs.page_lines import PageLine

# A page needs at least this many visible characters to count as born digital.
MIN_TEXT_CHARS = 16
# More than this share of unmappable glyphs (U+FFFD) means a broken font encoding.
MAX_REPLACEMENT_SHARE = 0.1

_WORD_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
# A copy of a word within this share of its height, in every edge, is the same word drawn again.
OVERPRINT_SHIFT = 0.3
DEFAULT_LAYOUT_THRESHOLDS = LayoutThresholds()


def _norm_box(rect: tuple[float, float, float, float], width: float, height: float) -> pb.BoundingBox:
    x0, y0, x1, y1 = rect
    clamp = lambda v: min(1.0, max(0.0, v))  # noqa: E731
    return pb.BoundingBox(
        x0=clamp(x0 / width), y0=clamp(y0 / height), x1=clamp(x1 / width), y1=clamp(y1 / height)
    )


def visible_chars(text: str) -> tuple[int, float]:
    """Visible (non-space) characters of a page's text and the share of them that are U+FFFD."""
    visible = "".join(text.split())
    if not visible:
        return 0, 0.0
    return len(visible), visible.count("\ufffd") / len(visible)


def text_layer_chars(page: pymupdf.Page, textpage: pymupdf.TextPage | None = None) -> tuple[int, float]:
    """Visible characters on the page and the share of them that are U+FFFD."""
    return visible_chars(page.get_text("text", textpage=textpage))


def is_usable(chars: int, bad_share: float) -> bool:
    """Whether a text layer with these figures counts as born digital."""
    return chars >= MIN_TEXT_CHARS and bad_share <= MAX_REPLACEMENT_SHARE


def has_text_layer(page: pymupdf.Page, textpage: pymupdf.TextPage | None = None) -> bool:
    """Whether the page is born digital: a usable text layer that is not an earlier OCR's."""
    return is_usable(*text_layer_chars(page, textpage)) and not earlier_ocr_layer(page)


def _shown_textpage(page: pymupdf.Page) -> pymupdf.TextPage:
    """The page's text in the coordinates of the page as shown (its /Rotate applied).

    PyMuPDF reads a page unrotated; a turned page is read through its rotation matrix,
    clipped to the shown page's rectangle instead of the unrotated media box.
    """
    if page.rotation == 0:
        return page.get_textpage(flags=_WORD_FLAGS)
    return page.get_textpage(clip=page.rect, flags=_WORD_FLAGS, matrix=page.rotation_matrix)


def without_overprints(words: list[tuple]) -> list[tuple]:
    """`words` (PyMuPDF word tuples) without the copies of a word drawn over itself.

    Simulated bold (the same string drawn twice, a fraction of a point apart) and shadowed
    text come out of the text layer twice; printed, they are one word. A copy has the same
    text and every edge within OVERPRINT_SHIFT of its height of a word kept before it.
    """
    kept: list[tuple] = []
    seen: dict[str, list[tuple]] = {}
    for w in words:
        tolerance = OVERPRINT_SHIFT * max(w[3] - w[1], 0.0)
        same_text = seen.setdefault(w[4], [])
        if any(all(abs(a - b) <= tolerance for a, b in zip(w[:4], k[:4], strict=True)) for k in same_text):
            continue
        same_text.append(w)
        kept.append(w)
    return kept


# Words whose tops or bottoms lie this close (points) are on one line: PyMuPDF's `sort=True` tolerance.
SORT_TOLERANCE = 3.0


def sorted_words(words: list[tuple]) -> list[tuple]:
    """The words line by line, left to right: the order of PyMuPDF's `get_text("words", sort=True)`,
    word for word, computed on plain floats (PyMuPDF's own builds a Rect per word and a union per
    word: 40 % of a born-digital page's reading time)."""
    if not words:
        return []
    words = sorted(words, key=lambda w: (w[3], w[0]))
    ordered: list[tuple] = []
    line = [words[0]]
    box = words[0][:4]  # the line's box: the union of its words' boxes, as PyMuPDF's Rect union makes it
    for w in words[1:]:
        if abs(w[1] - box[1]) <= SORT_TOLERANCE or abs(w[3] - box[3]) <= SORT_TOLERANCE:
            line.append(w)
            box = _union(box, w[:4])
        else:
            line.sort(key=lambda w: w[0])
            ordered.extend(line)
            line, box = [w], w[:4]
    line.sort(key=lambda w: w[0])
    ordered.extend(line)
    return ordered


def _union(a: tuple, b: tuple) -> tuple:
    """`Rect(a) | Rect(b)` of PyMuPDF: an empty box adds nothing, and gives way to any other."""
    if b[0] >= b[2] or b[1] >= b[3]:
        return a
    if a[0] >= a[2] or a[1] >= a[3]:
        return b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


@holds_pymupdf_lock
def _read_text_layer(
    pdf: pymupdf.Document, index: int
) -> tuple[list[tuple], TextLayerFigures, float, float, int] | None:
    """The page's words, layout figures, size and the document's page count; None without usable text layer."""
    page = pdf[index]
    # One TextPage serves every extraction below: building it is the expensive part.
    textpage = _shown_textpage(page)
    if not has_text_layer(page, textpage):
        return None
    words = without_overprints(sorted_words(textpage.extractWORDS()))
    return words, text_layer_figures(page, words), page.rect.width, page.rect.height, pdf.page_count


def read_page(
    pdf: pymupdf.Document, index: int, layout: LayoutThresholds = DEFAULT_LAYOUT_THRESHOLDS
) -> pb.PageResult | None:
    """The page's text layer and layout complexity as a PageResult, or None without usable text layer."""
    read = read_page_lines(pdf, index, layout)
    return None if read is None else read[0]


def read_page_lines(
    pdf: pymupdf.Document, index: int, layout: LayoutThresholds = DEFAULT_LAYOUT_THRESHOLDS
) -> tuple[pb.PageResult, list[PageLine]] | None:
    """`read_page`, and the page's lines as plain tuples made on the way (`page_lines`: what the page's
    structure is made from, without reading them back out of the message)."""
    layer = _read_text_layer(pdf, index)
    if layer is None:
        return None
    words, figures, width, height, page_count = layer
    result = pb.PageResult(
        page_number=index + 1,
        page_count=page_count,
        width=width,
        height=height,
        kind=pb.PAGE_KIND_BORN_DIGITAL,
        confidence=1.0,
        layout_complexity=LAYOUT_TO_PROTO[classify_layout(figures.ruling_lines, figures.text_blocks, layout)],
    )
    # words: (x0, y0, x1, y1, text, block_no, line_no, word_no), sorted by block then line.
    grouped: dict[tuple[int, int], list[tuple]] = {}
    for w in words:
        grouped.setdefault((w[5], w[6]), []).append(w)
    lines: list[PageLine] = []
    for (block, _), line_words in grouped.items():
        line_words.sort(key=lambda w: w[7])
        texts = [unicodedata.normalize("NFC", w[4]) for w in line_words]
        box = _norm_box(
            (
                min(w[0] for w in line_words),
                min(w[1] for w in line_words),
                max(w[2] for w in line_words),
                max(w[3] for w in line_words),
            ),
            width,
            height,
        )
        text = " ".join(texts)
        result.lines.append(
            pb.TextLine(
                text=text,
                box=box,
                confidence=1.0,
                block=block,
                words=[
                    pb.Word(text=t, box=_norm_box(w[:4], width, height), confidence=1.0)
                    for t, w in zip(texts, line_words, strict=True)
                ],
            )
        )
        edges = (box.x0, box.y0, box.x1, box.y1)  # as the message holds them (float32)
        lines.append((text, edges if edges[2] or edges[3] else None, block))
    result.text = "\n".join(line[0] for line in lines)
    return result, lines

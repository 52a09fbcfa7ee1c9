"""Page geometry for field extraction: words, visual rows and label→value search.

Words of all lines of a page are regrouped into visual rows by vertical overlap,
because PDF text layers and OCR engines may split one visual row into several
lines (a totals table gives "Bruttosumme" and "235,62" as separate lines). A
label's value is looked for to its right in the same y band, stacked below it,
or at the start of the next row when the label ends its row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ocrmesh.v1 import ocr_pb2 as pb

# Two words are in one row when they overlap by this share of the smaller height.
ROW_OVERLAP = 0.5
# Gaps across a row are measured in line heights, in points (`PageLayout.across`).
# Gap between words, in multiples of the median row height, that ends a value.
VALUE_GAP = 2.1
# Skew (dy/dx of text lines) below which rows are not deskewed, and the largest believed.
MIN_SLOPE = 0.002
MAX_SLOPE = 0.06
# Gap between two words of one phrase, in multiples of the median row height (a word space is about 0.3; a
# scan's shrunken word boxes widen it to 0.7: "31. Juli  2024"; a column gap is 1.4, `CELL_GAP`).
WORD_GAP = 0.8
# A page whose engine gave no size is taken for A4 upright (height over width).
A4_TALL = 297 / 210
# Hyphens and minus signs producers print inside a word (hyphen, non-breaking hyphen, figure
# dash, minus sign), read as the hyphen-minus the patterns look for: "2024\u2011117" is "2024-117".
_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2212", "-"))


@dataclass(frozen=True)
class Token:
    """One word with its page-normalised box and OCR confidence."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    conf: float
    page: int
    # The box as the engine gave it, when x0..y1 are deskewed (see PageLayout.build).
    printed: tuple[float, float, float, float] | None = None
    # The engine's line the word came from (its index on the page; -1 unknown).
    line: int = -1

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Row:
    """Words on one visual row of a page, left to right, and their joined text."""

    page: int
    index: int
    tokens: list[Token]
    text: str = ""
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tokens.sort(key=lambda t: t.x0)
        parts, pos = [], 0
        self.starts = []
        for t in self.tokens:
            self.starts.append(pos)
            parts.append(t.text)
            pos += len(t.text) + 1
        self.text = " ".join(parts)

    # A row's tokens are fixed once it is built: its extent is computed once.
    @cached_property
    def y0(self) -> float:
        return min(t.y0 for t in self.tokens)

    @cached_property
    def y1(self) -> float:
        return max(t.y1 for t in self.tokens)

    @property
    def x0(self) -> float:
        return self.tokens[0].x0

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that the character span [start, end) of ``text`` touches."""
        return [
            t for t, s in zip(self.tokens, self.starts, strict=True) if s < end and s + len(t.text) > start
        ]


@dataclass(frozen=True)
class Span:
    """Text found on a page: the text, its tokens, and the box around them."""

    text: str
    tokens: tuple[Token, ...]

    @property
    def page(self) -> int:
        return self.tokens[0].page if self.tokens else 0

    @property
    def box(self) -> tuple[float, float, float, float]:
        boxes = [t.printed or (t.x0, t.y0, t.x1, t.y1) for t in self.tokens]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    @property
    def confidence(self) -> float:
        return min((t.conf for t in self.tokens), default=0.0)

    def to_pb_box(self) -> pb.BoundingBox:
        x0, y0, x1, y1 = self.box
        return pb.BoundingBox(x0=x0, y0=y0, x1=x1, y1=y1)


def _line_tokens(line: pb.TextLine, page: int, index: int = -1) -> list[Token]:
    if line.words:
        return [
            Token(
                w.text.translate(_HYPHENS),
                w.box.x0,
                w.box.y0,
                w.box.x1,
                w.box.y1,
                w.confidence or line.confidence,
                page,
                line=index,
            )
            for w in line.words
            if w.text.strip()
        ]
    # No word boxes: split the line box in proportion to the characters.
    text = line.text.translate(_HYPHENS)
    words = text.split()
    total = max(1, len(text))
    width = line.box.x1 - line.box.x0
    tokens, pos = [], 0
    for w in words:
        start = text.index(w, pos)
        pos = start + len(w)
        tokens.append(
            Token(
                w,
                line.box.x0 + width * start / total,
                line.box.y0,
                line.box.x0 + width * pos / total,
                line.box.y1,
                line.confidence,
                page,
                line=index,
            )
        )
    return tokens


_DESCENDERS = re.compile(r"[gjpqyQ,;()\[\]{}|/@$µ§_]")


def page_slope(result: pb.PageResult) -> float:
    """The page's skew as dy/dx of its text lines (median over lines of three words or more).

    A scan skewed by 1 degree lifts the right end of a 0.4-page-wide totals row
    by most of a line height, so that its amount would fall into another row.
    """
    slopes: list[float] = []
    for line in result.lines:
        # Bottoms of words with a descender ("g", "p", the comma of "4,22") lie below the baseline:
        # on a short line one of them at the end tilts the fit by as much as a real skew.
        words = [w for w in line.words if w.text.strip() and not _DESCENDERS.search(w.text)]
        if len(words) < 3 or words[-1].box.x1 - words[0].box.x0 < 0.15:
            continue
        xs = [(w.box.x0 + w.box.x1) / 2 for w in words]
        ys = [w.box.y1 for w in words]  # bottoms: the baseline
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        var = sum((x - mx) ** 2 for x in xs)
        if var > 0:
            slopes.append(sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var)
    if len(slopes) < 3:
        return 0.0
    slopes.sort()
    median = slopes[len(slopes) // 2]
    return max(-MAX_SLOPE, min(MAX_SLOPE, median))


def _deskewed(t: Token, slope: float) -> Token:
    dy = -slope * ((t.x0 + t.x1) / 2 - 0.5)
    return Token(t.text, t.x0, t.y0 + dy, t.x1, t.y1 + dy, t.conf, t.page, (t.x0, t.y0, t.x1, t.y1), t.line)


# A word of one line lying this much (share of its area) in a word of another line, at most this share of
# that word's area, is a speck the engine read as a line of its own ("A" over "aoüt").
SPECK_INSIDE = 0.5
SPECK_AREA = 0.5


def _area(t: Token) -> float:
    return max(0.0, t.x1 - t.x0) * max(0.0, t.y1 - t.y0)


def _without_specks(tokens: list[Token]) -> list[Token]:
    """The tokens without OCR specks: small words lying mostly inside a bigger word of another line."""
    cell = 0.02  # words are compared with those of their own and the next horizontal strips of the page
    strips: dict[int, list[tuple[float, float, float, float, float, int]]] = {}
    for t in tokens:
        strips.setdefault(int(t.cy / cell), []).append((t.x0, t.y0, t.x1, t.y1, _area(t), t.line))
    for strip in strips.values():
        strip.sort()  # by x0: a word's look stops at the first word starting right of it

    def speck(t: Token) -> bool:
        area = _area(t)
        if area <= 0:
            return False
        k = int(t.cy / cell)
        for j in (k - 1, k, k + 1):
            for x0, y0, x1, y1, other, line in strips.get(j, ()):
                if x0 >= t.x1:
                    break
                if x1 <= t.x0 or area > SPECK_AREA * other or (line == t.line and line >= 0):
                    continue
                if (min(t.x1, x1) - max(t.x0, x0)) * max(
                    0.0, min(t.y1, y1) - max(t.y0, y0)
                ) >= SPECK_INSIDE * area:
                    return True
        return False

    return [t for t in tokens if not speck(t)]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    smaller = max(1e-9, min(a1 - a0, b1 - b0))
    return max(0.0, min(a1, b1) - max(a0, b0)) / smaller


@dataclass
class PageLayout:
    """The rows of one page."""

    page: int
    rows: list[Row]
    line_height: float
    # Recognised from an image (OCR can misread it), not read from a text layer (what was printed).
    recognised: bool = False
    # Page height over width: boxes are normalised per axis, so a gap across (x) compares with a height
    # (y) after multiplying by this (1.41 on A4 upright, 3 on a till receipt, 0.71 on A4 landscape).
    tall: float = A4_TALL

    def across(self, heights: float) -> float:
        """`heights` line heights as a distance across the page (x is normalised by the width, heights by
        the height): a word space is the same on a receipt, an A4 page and a landscape sheet."""
        return heights * self.line_height * self.tall

    @classmethod
    def build(cls, result: pb.PageResult, page: int) -> PageLayout:
        tokens = [t for i, line in enumerate(result.lines) for t in _line_tokens(line, page, i)]
        slope = page_slope(result)
        if abs(slope) >= MIN_SLOPE:
            tokens = [_deskewed(t, slope) for t in tokens]
        if result.kind != pb.PAGE_KIND_BORN_DIGITAL:  # specks are what an engine reads into a scan
            tokens = _without_specks(tokens)
        tokens.sort(key=lambda t: (t.cy, t.x0))
        bands: list[list[Token]] = []
        for t in tokens:
            for band in reversed(bands[-4:]):
                b0 = min(x.y0 for x in band)
                b1 = max(x.y1 for x in band)
                # Words side by side share a row; the engine's boxes of one line may overlap ("34850," over "24").
                if _overlap(t.y0, t.y1, b0, b1) >= ROW_OVERLAP and not any(
                    x.x0 < t.x1 and t.x0 < x.x1 and (x.line != t.line or t.line < 0) for x in band
                ):
                    band.append(t)
                    break
            else:
                bands.append([t])
        rows = [
            Row(page, i, band) for i, band in enumerate(sorted(bands, key=lambda b: min(x.y0 for x in b)))
        ]
        heights = sorted(t.height for t in tokens) or [0.012]
        tall = result.height / result.width if result.width > 0 and result.height > 0 else A4_TALL
        return cls(
            page, rows, heights[len(heights) // 2] or 0.012, result.kind == pb.PAGE_KIND_SCANNED, tall
        )


@dataclass
class DocumentLayout:
    """All pages' rows, in reading order (page, top to bottom)."""

    pages: list[PageLayout]

    @classmethod
    def build(cls, pages: Sequence[pb.PageResult]) -> DocumentLayout:
        return cls([PageLayout.build(p, p.page_number or i + 1) for i, p in enumerate(pages)])

    @property
    def rows(self) -> list[Row]:
        return [r for p in self.pages for r in p.rows]

    def page(self, number: int) -> PageLayout:
        return next(p for p in self.pages if p.page == number)

    def full_text(self) -> str:
        return "\n".join(r.text for r in self.rows)


@dataclass(frozen=True)
class LabelHit:
    """A label found on a row: which field it labels and where."""

    field: str
    strength: float
    row: Row
    start: int
    end: int

    @cached_property
    def tokens(self) -> list[Token]:
        return self.row.tokens_in(self.start, self.end)

    @property
    def x0(self) -> float:
        return self.tokens[0].x0

    @property
    def x1(self) -> float:
        return self.tokens[-1].x1

    @property
    def y0(self) -> float:
        return min(t.y0 for t in self.tokens)

    @property
    def y1(self) -> float:
        return max(t.y1 for t in self.tokens)


def find_labels(
    layout: DocumentLayout,
    matcher: Callable[[str, Sequence[tuple[int, str]]], Iterable[tuple[str, float, int, int]]],
) -> list[LabelHit]:
    """Every label ``matcher`` finds in a row (field, strength, start, end), longest first where they overlap."""
    hits: list[LabelHit] = []
    for row in layout.rows:
        row_hits = [
            LabelHit(name, strength, row, start, end)
            for name, strength, start, end in matcher(
                row.text, list(zip(row.starts, (t.text for t in row.tokens), strict=True))
            )
        ]
        row_hits.sort(key=lambda h: (-(h.end - h.start), -h.strength))
        kept: list[LabelHit] = []
        for h in row_hits:
            if not any(k.start < h.end and h.start < k.end for k in kept):
                kept.append(h)
        hits.extend(sorted(kept, key=lambda h: h.start))
    return hits


def _strip_separator(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].text in {":", "-", "#", "–", "=", "|"}:
        tokens = tokens[1:]
    return tokens


def right_of(layout: DocumentLayout, hit: LabelHit, stops: Sequence[LabelHit]) -> Span | None:
    """Words to the right of the label in its y band, up to the next label or a wide gap."""
    page = layout.page(hit.row.page)
    y0, y1 = hit.y0, hit.y1
    limit = min((s.x0 for s in stops if s.row.page == hit.row.page and s is not hit and s.x0 >= hit.x1 - 1e-6
                 and _overlap(s.y0, s.y1, y0, y1) >= ROW_OVERLAP), default=2.0)  # fmt: skip
    candidates: list[Token] = []
    for row in page.rows:
        if row.y1 < y0 - page.line_height or row.y0 > y1 + page.line_height:
            continue
        for t in row.tokens:
            if t.x0 >= hit.x1 - 1e-4 and t.x1 <= limit + 1e-4 and y0 - 1e-4 <= t.cy <= y1 + 1e-4:
                candidates.append(t)
    candidates = _beside_own_words(candidates, hit.row, page)
    # Row by row, so that a wrapped cell ("-" above "1,12") reads in order.
    taken: list[Token] = []
    for t in candidates:
        if (
            taken
            and t.x0 - taken[-1].x1 > page.across(VALUE_GAP * 2)
            and not _looks_numeric(t.text)
            and not _CURRENCY.match(t.text)
        ):
            break
        taken.append(t)
    label_tokens = hit.tokens
    inner = ""
    last = label_tokens[-1]
    last_start = hit.row.starts[hit.row.tokens.index(last)]
    if hit.end < last_start + len(last.text):
        inner = last.text[hit.end - last_start :]
    taken = [t for t in taken if t not in label_tokens]
    if inner.strip(" :#"):
        taken = [
            Token(
                inner.lstrip(" :#"), last.x0, last.y0, last.x1, last.y1, last.conf, last.page, last.printed
            ),
            *taken,
        ]
    taken = _strip_separator(taken)
    return Span(" ".join(t.text for t in taken), tuple(taken)) if taken else None


def _beside_own_words(candidates: list[Token], row: Row, page: PageLayout) -> list[Token]:
    """Words of the label's own row, and of a neighbouring row those that stand over or beside them (a minus sign
    wrapped above its amount), not those of another column further right (a customer's name a little higher
    than "FACTURE N° F2106-009": read before the number, it hid it)."""
    own = [t for t in candidates if any(t is r for r in row.tokens)]
    if not own or len(own) == len(candidates):
        return candidates
    reach = max(t.x1 for t in own) + page.across(VALUE_GAP * 2)
    return [t for t in candidates if t.x0 <= reach or any(t is o for o in own)]


_CURRENCY = re.compile(r"^(?:[A-Z]{3}|[€$£]|-|–)$")


def _looks_numeric(text: str) -> bool:
    return bool(re.search(r"\d", text))


def _extend_phrase(row: Row, tokens: list[Token], page: PageLayout) -> list[Token]:
    """``tokens`` plus the row's words that continue them at word spacing ("12. Februar" + "2018").

    A value under a narrow column head can be wider than the head; words closer
    than a word space belong to it, a column gap ends it.
    """
    if not tokens:
        return tokens
    i, j = row.tokens.index(tokens[0]), row.tokens.index(tokens[-1])
    gap = page.across(WORD_GAP)
    while j + 1 < len(row.tokens) and row.tokens[j + 1].x0 - row.tokens[j].x1 < gap:
        j += 1
    while i > 0 and row.tokens[i].x0 - row.tokens[i - 1].x1 < gap:
        i -= 1
    return row.tokens[i : j + 1]


def below(layout: DocumentLayout, hit: LabelHit, max_rows: int = 2) -> Span | None:
    """Words stacked under the label (overlapping its x range) in the next rows."""
    page = layout.page(hit.row.page)
    top = hit.y1 - page.line_height * 0.2

    def under(row: Row) -> list[Token]:
        return [t for t in row.tokens if t.x0 < hit.x1 + 0.01 and t.x1 > hit.x0 - 0.01 and t.y0 >= top]

    # A row counts by its words under the label: a scan's row can start higher, where a taller neighbour (the
    # sender line beside a value) joined it.
    after = [r for r in page.rows if r is not hit.row and (r.y0 >= top or (r.index > hit.row.index and under(r)))]
    for row in after[:max_rows]:
        if min((t.y0 for t in under(row)), default=row.y0) - hit.y1 > page.line_height * 2.5:
            break
        tokens = [t for t in row.tokens if t.x0 < hit.x1 + 0.01 and t.x1 > hit.x0 - 0.01]
        tokens = _strip_separator(_extend_phrase(row, tokens, page))
        if tokens:
            return Span(" ".join(t.text for t in tokens), tuple(tokens))
    return None


def next_row_start(layout: DocumentLayout, hit: LabelHit) -> Span | None:
    """The first words of the following row, for a label that ends its row ("... vom" / "06.12.2018")."""
    page = layout.page(hit.row.page)
    if any(t.x0 >= hit.x1 for t in hit.row.tokens):
        return None
    rows = page.rows
    i = rows.index(hit.row)
    if i + 1 >= len(rows):
        return None
    nxt = rows[i + 1]
    if nxt.y0 - hit.row.y1 > page.line_height * 1.5:
        return None
    tokens = nxt.tokens[:3]
    return Span(" ".join(t.text for t in tokens), tuple(tokens))


def above(layout: DocumentLayout, hit: LabelHit) -> Span | None:
    """Words stacked over the label (overlapping its x range) in the row just above: a value printed
    large with its label under it (totals boxes, "1.190,00 €" over "Gesamtbetrag")."""
    page = layout.page(hit.row.page)
    i = hit.row.index
    if i == 0:
        return None
    row = page.rows[i - 1]
    if hit.y0 - row.y1 > page.line_height * 1.5:
        return None
    tokens = [t for t in row.tokens if t.x0 < hit.x1 + 0.01 and t.x1 > hit.x0 - 0.01]
    tokens = _strip_separator(_extend_phrase(row, tokens, page))
    return Span(" ".join(t.text for t in tokens), tuple(tokens)) if tokens else None


def left_of(layout: DocumentLayout, hit: LabelHit, stops: Sequence[LabelHit]) -> Span | None:
    """The words just left of the label in its row, after the previous label ("1.190,00 EUR Gesamtbetrag")."""
    page = layout.page(hit.row.page)
    start = max(
        (s.x1 for s in stops if s.row is hit.row and s is not hit and s.x1 <= hit.x0 + 1e-6), default=-1.0
    )
    before = [
        t for t in hit.row.tokens if start - 1e-6 <= t.x0 and t.x1 <= hit.x0 + 1e-6 and t not in hit.tokens
    ]
    taken: list[Token] = []
    for t in reversed(before):
        if taken and taken[0].x0 - t.x1 > page.across(WORD_GAP):
            break
        if not taken and hit.x0 - t.x1 > page.across(VALUE_GAP):
            break
        taken.insert(0, t)
    return Span(" ".join(t.text for t in taken), tuple(taken)) if taken else None


# Rows a table column's total is looked for in, below its head.
COLUMN_ROWS = 60


def column_total(layout: DocumentLayout, hit: LabelHit, total_row: re.Pattern[str]) -> Span | None:
    """The value under a column head in the table's total row ("Summe", "Total") further down.

    The head's column is its x range widened by half its width (numbers are often
    right-aligned under a narrower or wider head). Only rows of the same page.
    """
    page = layout.page(hit.row.page)
    i = hit.row.index
    pad = max(0.01, (hit.x1 - hit.x0) / 2)
    for row in page.rows[i + 1 : i + 1 + COLUMN_ROWS]:
        if not total_row.search(row.text):
            continue
        tokens = [
            t for t in row.tokens if t.x0 < hit.x1 + pad and t.x1 > hit.x0 - pad and _looks_numeric(t.text)
        ]
        if tokens:
            # The widened range can reach the next columns' numbers ("3.607,50 685,43 4.292,93" under "USt 19 %"):
            # the number most under the head, then the nearest to its middle.
            middle = (hit.x0 + hit.x1) / 2
            best = max(
                tokens, key=lambda t: (min(t.x1, hit.x1) - max(t.x0, hit.x0), -abs((t.x0 + t.x1) / 2 - middle))
            )
            tokens = _extend_phrase(row, [best], page)
            return Span(" ".join(t.text for t in tokens), tuple(tokens))
    return None

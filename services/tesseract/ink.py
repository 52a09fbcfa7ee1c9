"""Text-like ink that the first recognition pass did not read (numpy; OpenCV's morphology for runs).

Tesseract's page layout analysis (psm 3) sometimes loses a small text block
or garbles it: its table finder takes the two-column head of an invoice (the
recipient address and the "Rechnungsnr. / Datum" box beside it) into the item
table's block, and inside a table block text lines run across the whole
width, so rows of the two columns whose baselines are half a line apart are
merged into one tall line (read as garbage) or fall out of every block.

`unread_regions` finds what is left on the binarised page once the trusted
words are blanked: ruling lines (`rule_mask`: solid, dashed, dotted) and
specks are removed, the rest is grouped into word-, line- and block-sized
boxes that look like print. The engine reads those boxes again on their own
(services/tesseract/engine.py). Sizes are in text heights (the median height
of the trusted words), so nothing depends on the resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels, x1/y1 exclusive

# Horizontal or vertical ink runs at least this many text heights long are ruling lines, not print.
RULE_HEIGHTS_H = 3.0
RULE_HEIGHTS_V = 2.5
# A dashed or dotted rule is at most this thick (text heights); text rows are thicker.
THIN = 0.35
# Word boxes are blanked with this margin (in text heights): edges of read glyphs are not left as "ink".
COVER_MARGIN = 0.15
# Grouping: each glyph reaches this far (text heights) across and down; glyphs up to twice as far
# apart belong to one region (words of a line; the lines of a block).
JOIN_X = 1.2
JOIN_Y = 0.5
# A region: at least this tall and wide (text heights), holding at least this much ink (text heights squared).
MIN_HEIGHT = 0.45
MIN_WIDTH = 0.3
MIN_INK = 0.25
# Print covers a modest share of its box; photos, logos and filled areas more, scattered noise less.
MIN_DENSITY = 0.04
MAX_DENSITY = 0.55
# A region larger than this share of the page is a picture or a whole page Tesseract gave up on.
MAX_PAGE_SHARE = 0.2


@dataclass(frozen=True)
class Region:
    box: Box
    ink: int  # ink pixels in the region


def cover_mask(shape: tuple[int, ...], boxes: list[Box], text_height: float) -> np.ndarray:
    """The pixels of `boxes`, each widened by COVER_MARGIN text heights."""
    mask = np.zeros(shape[:2], dtype=bool)
    margin = round(COVER_MARGIN * text_height)
    for x0, y0, x1, y1 in boxes:
        mask[max(0, y0 - margin) : max(0, y1 + margin), max(0, x0 - margin) : max(0, x1 + margin)] = True
    return mask


def covered_share(ink: np.ndarray, covered: np.ndarray, box: Box) -> float:
    """Share of the ink inside `box` that lies under `covered` (1.0 when there is no ink)."""
    x0, y0, x1, y1 = box
    part = ink[y0:y1, x0:x1]
    total = int(part.sum())
    return float((part & covered[y0:y1, x0:x1]).sum()) / total if total else 1.0


def share_under(ink: np.ndarray, box: Box, boxes: list[Box], text_height: float) -> float:
    """Share of the ink inside `box` that lies under `boxes` (widened as in cover_mask)."""
    x0, y0, x1, y1 = box
    local = cover_mask((y1 - y0, x1 - x0), [(a - x0, b - y0, c - x0, d - y0) for a, b, c, d in boxes], text_height)
    return covered_share(ink[y0:y1, x0:x1], local, (0, 0, x1 - x0, y1 - y0))


def rule_mask(ink: np.ndarray, text_height: float) -> np.ndarray:
    """Pixels of ruling lines, solid (ruling_lines) and dashed or dotted (_thin_rules)."""
    h = max(4.0, text_height)
    solid = ruling_lines(ink, round(RULE_HEIGHTS_H * h), round(RULE_HEIGHTS_V * h))
    cell = _cell_size(h)
    dashes = _thin_rules(_cells(ink & ~solid, cell), round(RULE_HEIGHTS_H * h / cell), round(THIN * h / cell))
    return solid | _pixels_of(dashes, cell, ink.shape)


def unread_regions(ink: np.ndarray, covered: np.ndarray, rules: np.ndarray, text_height: float) -> list[Region]:
    """Regions of `ink` (bool, True = ink) outside `covered` (see cover_mask) and `rules`, largest ink first."""
    h = max(4.0, text_height)
    rest = ink & ~covered & ~rules
    cell = _cell_size(h)
    cells = _cells(rest, cell)
    join_x, join_y = max(1, round(JOIN_X * h / cell)), max(1, round(JOIN_Y * h / cell))
    grown = _dilate(_dilate(cells, join_x, axis=1), join_y, axis=0)
    regions = []
    for comp in _components(grown):
        box = _ink_bounds(rest, _undilate(comp, join_x, join_y, grown.shape, cell))
        if box is not None and _looks_like_print(rest, box, h):
            regions.append(Region(box, int(rest[box[1] : box[3], box[0] : box[2]].sum())))
    return sorted(regions, key=lambda r: -r.ink)


def ruling_lines(ink: np.ndarray, min_h: int, min_v: int) -> np.ndarray:
    """Pixels on horizontal runs of at least `min_h` or vertical runs of at least `min_v`, and their edges.

    Found at half resolution (a 2 x 2 block is ink when any of its pixels is),
    four times faster; a rule keeps its length and thickness there. The mask
    is widened by a (half-resolution) pixel each way: a scanned rule's blurred
    edge does not make runs that long and would be left as specks.
    """
    rows, cols = ink.shape
    even = np.pad(ink, ((0, rows % 2), (0, cols % 2)))
    half = even[0::2, 0::2] | even[1::2, 0::2] | even[0::2, 1::2] | even[1::2, 1::2]
    rules = _long_runs(half, min_h // 2, axis=1) | _long_runs(half, min_v // 2, axis=0)
    rules = _dilate(_dilate(rules, 1, axis=0), 1, axis=1)
    return rules.repeat(2, axis=0).repeat(2, axis=1)[:rows, :cols]


def _cell_size(h: float) -> int:
    return max(2, round(h / 6))


def _thin_rules(cells: np.ndarray, length: int, thick: int) -> np.ndarray:
    """Cells on dashed or dotted rules: long horizontal runs (across small gaps) of cells in thin strokes.

    Solid rules are taken out before (ruling_lines); a dashed one would
    otherwise join every text row it passes into one region. A thin cell has
    no vertical stroke taller than `thick` cells at, above or below it, or
    within `thick` cells to either side (the feet and bars of glyphs): a rule,
    or a hyphen or dot inside text, which stays because its run is short.
    """
    strokes = _long_runs(cells, thick + 1, axis=0)
    thin = cells & ~_dilate(_dilate(strokes, 1, axis=0), thick, axis=1)
    return thin & _long_runs(_dilate(thin, 1, axis=1), length, axis=1)


def _pixels_of(cells: np.ndarray, cell: int, shape: tuple[int, ...]) -> np.ndarray:
    """A cell mask back at pixel resolution (`shape`; the remainder beyond the last whole cell stays False)."""
    full = np.zeros(shape[:2], dtype=bool)
    up = cells.repeat(cell, axis=0).repeat(cell, axis=1)
    full[: up.shape[0], : up.shape[1]] = up
    return full


def _long_runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Morphological opening of `mask` with a 1 x `length` line along `axis`: the runs at least `length`
    long. Eroded with the line's first pixel as anchor (a True start: a run covers the `length` pixels
    from there; windows reaching past the edge see no ink), then dilated back with its last."""
    if length <= 1 or mask.shape[axis] < length:
        return np.zeros_like(mask)
    line = _line(length, axis)
    ahead, back = ((0, 0), (length - 1, 0)) if axis == 1 else ((0, 0), (0, length - 1))
    starts = cv2.erode(_u8(mask), line, anchor=ahead, borderType=cv2.BORDER_CONSTANT, borderValue=0)
    return cv2.dilate(starts, line, anchor=back, borderType=cv2.BORDER_CONSTANT, borderValue=0).view(bool)


def _dilate(mask: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """Grow `mask` by `radius` cells both ways along `axis`."""
    if radius <= 0:
        return mask
    line = _line(2 * radius + 1, axis)
    return cv2.dilate(_u8(mask), line, borderType=cv2.BORDER_CONSTANT, borderValue=0).view(bool)


def _line(length: int, axis: int) -> np.ndarray:
    return np.ones((1, length) if axis == 1 else (length, 1), dtype=np.uint8)


def _u8(mask: np.ndarray) -> np.ndarray:
    """A bool mask as OpenCV takes it (0/1 bytes, contiguous), without a copy where it already is one."""
    return np.ascontiguousarray(mask).view(np.uint8)


def _cells(mask: np.ndarray, cell: int) -> np.ndarray:
    """Down-sample to cells of `cell` x `cell` pixels; a cell is ink when a stroke crosses it, not a speck."""
    hgt, wid = mask.shape[0] // cell * cell, mask.shape[1] // cell * cell
    sums = cv2.integral(_u8(mask[:hgt, :wid]))[::cell, ::cell]  # ink above and left of each cell corner
    counts = sums[1:, 1:] - sums[:-1, 1:] - sums[1:, :-1] + sums[:-1, :-1]
    return counts >= max(2, cell // 2)


def _components(mask: np.ndarray) -> list[Box]:
    """Bounding boxes (in cells, exclusive ends) of the 8-connected components of `mask`."""
    runs: list[tuple[int, int, int]] = []  # (row, start, end) of each horizontal run
    row_runs: list[list[int]] = []
    for y, row in enumerate(mask):
        edges = np.flatnonzero(np.diff(np.concatenate(([0], row.view(np.int8), [0]))))
        ids = []
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            ids.append(len(runs))
            runs.append((y, int(start), int(end)))
        row_runs.append(ids)
    parent = list(range(len(runs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for y in range(1, len(row_runs)):
        above = row_runs[y - 1]
        for i in row_runs[y]:
            _, s, e = runs[i]
            for j in above:
                _, s2, e2 = runs[j]
                if s2 <= e and s <= e2:  # touching, diagonals included
                    parent[find(i)] = find(j)
    boxes: dict[int, list[int]] = {}
    for i, (y, s, e) in enumerate(runs):
        b = boxes.setdefault(find(i), [s, y, e, y + 1])
        b[0], b[1], b[2], b[3] = min(b[0], s), min(b[1], y), max(b[2], e), max(b[3], y + 1)
    return [(b[0], b[1], b[2], b[3]) for b in boxes.values()]


def _undilate(comp: Box, join_x: int, join_y: int, shape: tuple[int, ...], cell: int) -> Box:
    """A grown component's box back in pixels, without the growth (none at the page edge, where it was cut)."""
    gx0, gy0, gx1, gy1 = comp
    x0 = (gx0 + join_x) * cell if gx0 > 0 else 0
    y0 = (gy0 + join_y) * cell if gy0 > 0 else 0
    x1 = (gx1 - join_x) * cell if gx1 < shape[1] else 1 << 30
    y1 = (gy1 - join_y) * cell if gy1 < shape[0] else 1 << 30
    return x0, y0, x1, y1


def _ink_bounds(mask: np.ndarray, box: Box) -> Box | None:
    """The tight box of the ink of `mask` inside `box` (widened by a pixel), None without ink."""
    x0, y0 = max(0, box[0] - 1), max(0, box[1] - 1)
    x1, y1 = min(mask.shape[1], box[2] + 1), min(mask.shape[0], box[3] + 1)
    part = mask[y0:y1, x0:x1]
    cols, rows = np.flatnonzero(part.any(axis=0)), np.flatnonzero(part.any(axis=1))
    if not len(cols):
        return None
    return x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1


def _looks_like_print(mask: np.ndarray, box: Box, h: float) -> bool:
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if height < MIN_HEIGHT * h or width < MIN_WIDTH * h:
        return False
    if width * height > MAX_PAGE_SHARE * mask.shape[0] * mask.shape[1]:
        return False
    ink = int(mask[y0:y1, x0:x1].sum())
    return ink >= MIN_INK * h * h and MIN_DENSITY <= ink / (width * height) <= MAX_DENSITY

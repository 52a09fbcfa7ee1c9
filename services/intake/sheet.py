"""Where the sheet lies in a phone photo: its four edges as straight lines around the print.

A photo of an invoice on a desk holds more than the sheet: a hand's shadow across it, another sheet
under it, a keyboard, wood grain. Brightness alone (an Otsu mask) loses the shadowed part of the sheet
and merges it with a white sheet beside it. Edges do not care about light: the sheet's border is a
straight step from paper to whatever lies beyond, in the shade too. So, on a 1000-pixel thumbnail:

1. the print (dark strokes among others: a black-hat filter, kept where strokes are dense) and the
   zone around it, where edges are letters, not borders;
2. the straight lines among the remaining edges (Hough), strongest first;
3. every quadrilateral of two roughly parallel pairs of lines that holds the whole print, scored per
   side by how much of it lies on an edge with brighter paper inside than outside (a fold line
   has paper on both sides; a side borrowed from a neighbouring sheet runs where no edge is);
   a side mostly outside the frame (a cut corner) is not judged.

The best quadrilateral wins when its sides score at least `MIN_SCORE`; otherwise there is no sheet.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

THUMBNAIL = 1000  # pixels on the long side
MIN_SHEET = 0.08  # share of the frame: a 12 MP photo's sheet at 55 % of its height covers about 0.25
MAX_SHEET = 0.97
MAX_LINES = 16  # strongest distinct lines tried as sides
PARALLEL = np.radians(30)  # opposite sides under perspective
CROSSING = np.radians(50)  # adjacent sides
MIN_SCORE = 0.5  # mean share of a side on a paper edge
PRINT_HELD = 0.98  # share of the print the sheet must hold
STEP = 3  # pixels between the samples along a side
OFFSET = 6  # pixels from a side to its paper and its outside samples
BRIGHTER = 6  # grey levels the paper must be above the outside
REFINE_SAMPLES = 60  # points per side where the full-resolution border is looked for
MIN_STEP = 12  # grey levels of a border step between neighbouring pixels
INSET = 0.01  # the corners drawn this share towards the sheet's centre (a sheet's print keeps 5 % margins)


@dataclass(frozen=True)
class Thumbnail:
    """A photo made small to find its sheet in: grey, blurred, and the factor from the photo to it."""

    small: np.ndarray
    blurred: np.ndarray
    scale: float


def thumbnail(cv2, grey: np.ndarray) -> Thumbnail:  # type: ignore[no-untyped-def]
    """`grey` at most THUMBNAIL pixels on its long side, and blurred against sensor noise."""
    scale = min(1.0, THUMBNAIL / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    return Thumbnail(small, cv2.GaussianBlur(small, (5, 5), 0), scale)


@dataclass(frozen=True)
class Line:
    rho: float
    theta: float

    @property
    def angle(self) -> float:
        return self.theta % np.pi


def sheet_corners(cv2, grey: np.ndarray, thumb: Thumbnail | None = None) -> np.ndarray | None:  # type: ignore[no-untyped-def]
    """The sheet's corners in `grey` (top-left first, around the sheet), or None when no sheet is found;
    `thumb` is `grey`'s thumbnail when the caller has made it already."""
    thumb = thumb or thumbnail(cv2, grey)
    small, blurred, scale = thumb.small, thumb.blurred, thumb.scale
    printed = _print(cv2, small)
    ys, xs = np.nonzero(printed)
    if len(xs) < 50:
        return None  # nothing printed to hold
    edges = cv2.Canny(blurred, 20, 60)
    edges[cv2.dilate(printed.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0] = 0
    lines = _lines(cv2, edges)
    near_edge = cv2.dilate(edges, np.ones((5, 5), np.uint8)) > 0
    probe = np.stack([xs, ys], 1)[:: max(1, len(xs) // 400)].astype(np.float32)
    best: np.ndarray | None = None
    best_key = (-1.0, 0.0)
    for quad in _quadrilaterals(cv2, lines, small.shape):
        if _held(quad, probe) < PRINT_HELD:
            continue
        scores = [s for s in (_side(small, near_edge, quad, k) for k in range(4)) if s is not None]
        if len(scores) < 3:
            continue
        key = (round(float(np.mean(scores)), 2), float(cv2.contourArea(quad)))  # then the larger
        if key > best_key:
            best, best_key = quad, key
    if best is None or best_key[0] < MIN_SCORE:
        return None
    corners = _refine(cv2, grey, best / scale, band=round(2 / scale) + 2)
    # The lines run on the border itself: a little inwards, or a sliver of desk is read as a letter.
    centre = corners.mean(axis=0)
    return centre + (corners - centre) * (1 - INSET)


def _refine(cv2, grey: np.ndarray, quad: np.ndarray, band: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The corners again from the full-resolution border: along each side, where the grey steps most
    across it (within `band` pixels), a line fitted through those points (the thumbnail's Hough lines
    are whole degrees and thumbnail pixels: a keystone the deskew cannot take out)."""
    height, width = grey.shape
    offsets = np.arange(-band, band + 1, dtype=np.float64)
    fitted: list[tuple[np.ndarray, np.ndarray]] = []
    for k in range(4):
        p, q = quad[k].astype(np.float64), quad[(k + 1) % 4].astype(np.float64)
        along = (q - p) / (np.hypot(*(q - p)) + 1e-9)
        normal = np.array([-along[1], along[0]])
        found = []
        for t in np.linspace(0.1, 0.9, REFINE_SAMPLES):
            across = p + t * (q - p) + offsets[:, None] * normal
            xs, ys = np.rint(across[:, 0]).astype(int), np.rint(across[:, 1]).astype(int)
            if xs.min() < 0 or ys.min() < 0 or xs.max() >= width or ys.max() >= height:
                continue
            step = np.abs(np.diff(grey[ys, xs].astype(np.float64)))
            at = int(np.argmax(step))
            if step[at] >= MIN_STEP:
                found.append(p + t * (q - p) + (offsets[at] + 0.5) * normal)
        if len(found) < REFINE_SAMPLES // 4:
            fitted.append((p, along))  # too little border in view: the side as found
            continue
        vx, vy, x0, y0 = cv2.fitLine(np.array(found, dtype=np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        fitted.append((np.array([x0, y0], dtype=np.float64), np.array([vx, vy], dtype=np.float64)))
    corners = []
    for k in range(4):  # corner k is where side k - 1 meets side k
        (a, da), (b, db) = fitted[k - 1], fitted[k]
        matrix = np.array([da, -db]).T
        if abs(np.linalg.det(matrix)) < 1e-9:
            return quad
        s = np.linalg.solve(matrix, b - a)[0]
        corners.append(a + s * da)
    refined = np.array(corners, dtype=np.float32)
    # A refinement that moves a corner far (another edge in the band) is no refinement.
    return refined if np.abs(refined - quad).max() <= 3 * band else quad


def _held(quad: np.ndarray, points: np.ndarray) -> float:
    """Share of `points` inside the convex `quad` (on the same side of all four sides)."""
    sides = []
    for k in range(4):
        p, q = quad[k], quad[(k + 1) % 4]
        sides.append((q[0] - p[0]) * (points[:, 1] - p[1]) - (q[1] - p[1]) * (points[:, 0] - p[0]))
    cross = np.stack(sides)
    inside = (cross >= 0).all(axis=0) | (cross <= 0).all(axis=0)
    return float(inside.mean())


def _print(cv2, small: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Dark strokes with others around them (text, rules), not lone specks or wood grain."""
    ink = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT, np.ones((9, 9), np.uint8)) > 40
    dense = cv2.blur(ink.astype(np.float32), (25, 25)) > 0.04
    return ink & dense


def _lines(cv2, edges: np.ndarray) -> list[Line]:  # type: ignore[no-untyped-def]
    found = cv2.HoughLines(edges, 1, np.pi / 180, 60)
    kept: list[Line] = []
    for rho, theta in found[:, 0] if found is not None else []:
        line = Line(float(rho), float(theta)) if rho >= 0 else Line(float(-rho), float(theta - np.pi))
        if not any(_apart(line.angle, k.angle) < np.radians(6) and abs(line.rho - k.rho) < 20 for k in kept):
            kept.append(line)
        if len(kept) == MAX_LINES:
            break
    return kept


def _apart(a: float, b: float) -> float:
    d = abs(a - b) % np.pi
    return min(d, np.pi - d)


def _meet(a: Line, b: Line) -> np.ndarray | None:
    matrix = np.array([[np.cos(a.theta), np.sin(a.theta)], [np.cos(b.theta), np.sin(b.theta)]])
    if abs(np.linalg.det(matrix)) < 1e-6:
        return None
    return np.linalg.solve(matrix, np.array([a.rho, b.rho]))


def _quadrilaterals(cv2, lines: list[Line], shape: tuple[int, ...]):  # type: ignore[no-untyped-def]
    """Convex quadrilaterals of two pairs of roughly parallel lines, of a sheet's size, corners near the frame."""
    height, width = shape[:2]
    frame = float(height * width)
    pairs = [
        (i, j)
        for i, j in itertools.combinations(range(len(lines)), 2)
        if _apart(lines[i].angle, lines[j].angle) <= PARALLEL
    ]
    for (i, j), (k, m) in itertools.combinations(pairs, 2):
        if len({i, j, k, m}) < 4 or _apart(lines[i].angle, lines[k].angle) < CROSSING:
            continue
        a, b, c, d = lines[i], lines[j], lines[k], lines[m]
        corners = [_meet(a, c), _meet(c, b), _meet(b, d), _meet(d, a)]
        if any(p is None for p in corners):
            continue
        quad = clockwise(np.array(corners, dtype=np.float32))
        if (quad[:, 0] < -0.1 * width).any() or (quad[:, 0] > 1.1 * width).any():
            continue
        if (quad[:, 1] < -0.1 * height).any() or (quad[:, 1] > 1.1 * height).any():
            continue
        if not cv2.isContourConvex(quad) or not MIN_SHEET <= cv2.contourArea(quad) / frame <= MAX_SHEET:
            continue
        yield quad


def clockwise(points: np.ndarray) -> np.ndarray:
    """Corners in order around their centre, the top-left one (smallest x + y) first."""
    centre = points.mean(axis=0)
    around = points[np.argsort(np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0]))]
    return np.roll(around, -int(np.argmin(around.sum(axis=1))), axis=0)


def _side(small: np.ndarray, near_edge: np.ndarray, quad: np.ndarray, k: int) -> float | None:
    """Share of side `k` on an edge with brighter paper inside than outside; None when mostly off the frame."""
    p, q = quad[k].astype(np.float64), quad[(k + 1) % 4].astype(np.float64)
    count = max(2, int(np.hypot(*(q - p)) / STEP))
    t = np.linspace(0.05, 0.95, count)[:, None]
    points = p * (1 - t) + q * t
    normal = np.array([p[1] - q[1], q[0] - p[0]]) / (np.hypot(*(q - p)) + 1e-9)
    if np.dot(quad.mean(axis=0) - (p + q) / 2, normal) < 0:
        normal = -normal  # towards the inside
    inside, outside = points + OFFSET * normal, points - OFFSET * normal
    height, width = small.shape
    on_frame = np.ones(count, dtype=bool)
    for samples in (points, inside, outside):
        on_frame &= (
            (samples[:, 0] >= 0) & (samples[:, 0] < width) & (samples[:, 1] >= 0) & (samples[:, 1] < height)
        )
    if on_frame.sum() < 0.3 * count:
        return None
    at, paper, beyond = (s[on_frame].astype(int) for s in (points, inside, outside))
    edge = near_edge[at[:, 1], at[:, 0]]
    brighter = (
        small[paper[:, 1], paper[:, 0]].astype(int) > small[beyond[:, 1], beyond[:, 0]].astype(int) + BRIGHTER
    )
    return float((edge & brighter).mean())

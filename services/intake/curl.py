"""Text lines of a photographed sheet made straight again where the sheet was curled or bowed.

A sheet that does not lie flat (a curled edge, a bow, a fold across the lines) lifts its print
towards the camera by an amount that changes along the lines: after the perspective is undone the
lines still rise and fall, and an amount at the right margin sits half a line above its label on
the left. The rise is smooth across the page, so the page is cut into vertical strips, each
strip's ink profile (dark pixels per row) is matched with its neighbour's within a third of a line
pitch, and the shifts, added up from the middle outwards, give how far each column of the page is
displaced; the page is moved back by that (`cv2.remap`). Strips with too little ink take their
neighbours' shift. The page is kept as it was when
its lines are straight (within `MIN_SHIFT` pixels) or when the straightened page's rows are not
sharper (the variance of ink per row up by `GAIN`): a flat page never pays for a misread profile.
"""

from __future__ import annotations

import numpy as np

STRIPS = 16
INK = 150  # grey levels below are ink (the page is evened out first)
MIN_STRIP_INK = 0.004  # share of a strip's pixels that must be ink for its profile to count
MIN_SHIFT = 2.0  # pixels: less is no curl
DEFAULT_PITCH = 45  # pixels: a 12 pt line at about 230 dpi, when the page shows no pitch
MAX_PITCH = 200  # pixels: lines farther apart are no text lines
GAIN = 1.05  # the straightened page's row contrast must be this much higher, or the page stays


def straighten_lines(cv2, grey: np.ndarray) -> tuple[np.ndarray, float]:  # type: ignore[no-untyped-def]
    """`grey` with its text lines straightened, and the largest shift undone (pixels; 0.0 when none)."""
    height, width = grey.shape
    if width < STRIPS * 20 or height < 200:
        return grey, 0.0
    ink = grey < INK
    rows = ink.sum(axis=1)  # ink per row of the whole page: the line pitch, and the sharpness before
    edges = np.linspace(0, width, STRIPS + 1).astype(int)
    profiles = [
        ink[:, a:b].sum(axis=1).astype(np.float64) for a, b in zip(edges[:-1], edges[1:], strict=True)
    ]
    filled = [
        p.sum() / (height * (b - a)) >= MIN_STRIP_INK
        for p, a, b in zip(profiles, edges[:-1], edges[1:], strict=True)
    ]
    if sum(filled) < 3:
        return grey, 0.0
    reach = max(3, round(_pitch(rows.astype(np.float64)) / 3))
    smooth = [np.convolve(p, np.ones(3) / 3, mode="same") for p in profiles]
    steps = np.zeros(STRIPS)  # steps[k]: how far strip k sits below strip k - 1
    known = np.zeros(STRIPS, dtype=bool)
    for k in range(1, STRIPS):
        if filled[k] and filled[k - 1]:
            steps[k], known[k] = _offset(smooth[k - 1], smooth[k], reach), True
    if not known.any():
        return grey, 0.0
    steps[~known] = 0.0  # a strip without print between two with print: no step measured there
    shifts = np.cumsum(steps)
    shifts -= shifts[STRIPS // 2]  # the middle stays, the sides move
    largest = float(np.abs(shifts).max())
    if largest < MIN_SHIFT:
        return grey, 0.0
    centres = (edges[:-1] + edges[1:]) / 2
    per_column = np.interp(np.arange(width), centres, shifts).astype(np.float32)
    map_x = np.broadcast_to(np.arange(width, dtype=np.float32), (height, width))
    map_y = np.arange(height, dtype=np.float32)[:, None] + per_column[None, :]
    straight = cv2.remap(grey, np.ascontiguousarray(map_x), map_y, cv2.INTER_LINEAR, borderValue=255)
    # Kept only when the lines are sharper for it: rows of ink and rows of paper further apart.
    # (The variance of the ink per row is high when lines run straight along the rows.)
    if np.var((straight < INK).sum(axis=1)) < GAIN * np.var(rows):
        return grey, 0.0
    return straight, float(np.abs(per_column).max())


def _pitch(profile: np.ndarray) -> float:
    """The line pitch in pixels: the highest autocorrelation of the profile after its first trough (the
    next line), else DEFAULT_PITCH."""
    centred = profile - profile.mean()
    full = np.correlate(centred, centred, mode="full")[len(centred) - 1 :]
    if len(full) < 8 or full[0] <= 0:
        return float(DEFAULT_PITCH)
    falling = np.nonzero(np.diff(full[: min(len(full), MAX_PITCH)]) > 0)[0]
    if not len(falling):
        return float(DEFAULT_PITCH)
    trough = int(falling[0])
    window = full[trough : min(len(full), MAX_PITCH)]
    peak = trough + int(np.argmax(window))
    return float(peak) if full[peak] > 0.2 * full[0] else float(DEFAULT_PITCH)


def _offset(upper: np.ndarray, lower: np.ndarray, reach: int) -> float:
    """How many rows `lower` sits below `upper` (sub-pixel), searched within ±reach."""
    scores = np.array(
        [
            float(np.dot(upper[reach:-reach], lower[reach + s : len(lower) - reach + s]))
            for s in range(-reach, reach + 1)
        ]
    )
    best = int(np.argmax(scores))
    offset = float(best - reach)
    if 0 < best < len(scores) - 1:  # a parabola through the peak and its neighbours
        left, mid, right = scores[best - 1], scores[best], scores[best + 1]
        curve = left - 2 * mid + right
        if curve < 0:
            offset += 0.5 * (left - right) / curve
    return offset

"""Text lines of a curled or folded sheet come out straight; a flat page is left as it is."""

from __future__ import annotations

import cv2
import numpy as np

from services.intake.curl import straighten_lines

SIZE = (2400, 1800)  # height, width: a sheet rectified from a photo, about 220 dpi


def _page() -> np.ndarray:
    """Lines of words (dark bars) at a 45-pixel pitch: labels on the left, amounts on the right."""
    rng = np.random.default_rng(3)
    page = np.full(SIZE, 250, np.uint8)
    for top in range(150, 2250, 45):
        x = 120
        while x < 1650:
            word = int(rng.integers(40, 200))
            page[top : top + 18, x : min(x + word, 1680)] = 30
            x += word + int(rng.integers(25, 90))
    return page


def _bent(page: np.ndarray, rise: np.ndarray) -> np.ndarray:
    """`page` with column x moved up by rise[x] pixels (what a curl does to the lines)."""
    height, width = page.shape
    map_x = np.broadcast_to(np.arange(width, dtype=np.float32), (height, width))
    map_y = np.arange(height, dtype=np.float32)[:, None] - rise[None, :].astype(np.float32)
    return cv2.remap(page, np.ascontiguousarray(map_x), map_y, cv2.INTER_LINEAR, borderValue=250)


def _misalignment(page: np.ndarray) -> float:
    """How far (pixels) the right quarter's lines sit from the left quarter's: 0 for straight lines."""
    ink = (page < 150).astype(np.float64)
    left, right = ink[:, 150:450].sum(axis=1), ink[:, 1350:1650].sum(axis=1)
    shifts = range(-22, 23)
    scores = [float(np.dot(left[30:-30], right[30 + s : len(right) - 30 + s])) for s in shifts]
    return abs(shifts[int(np.argmax(scores))])


def test_a_curled_sheet_has_straight_lines_again() -> None:
    x = np.arange(SIZE[1], dtype=np.float64)
    curled = _bent(_page(), 30 * (x / SIZE[1]) ** 2)  # the right edge curled up
    assert _misalignment(curled) >= 15
    straight, shift = straighten_lines(cv2, curled)
    assert shift > 5
    assert _misalignment(straight) <= 3


def test_a_fold_across_the_lines_is_undone() -> None:
    x = np.arange(SIZE[1], dtype=np.float64)
    folded = _bent(_page(), np.clip(x - 900, 0, None) * 0.03)  # flat to the middle, then rising
    assert _misalignment(folded) >= 15
    straight, _ = straighten_lines(cv2, folded)
    assert _misalignment(straight) <= 3


def test_a_flat_page_is_left_as_it_is() -> None:
    page = _page()
    straight, shift = straighten_lines(cv2, page)
    assert shift == 0.0
    assert straight is page

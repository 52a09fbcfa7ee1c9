"""The sheet in a phone photo is found by its edges: in a hand's shadow, on another white sheet, folded."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from services.intake.photo import _sheet_quadrilateral
from services.intake.sheet import sheet_corners

FRAME = (2000, 1500)  # height, width
CORNERS = np.array([[330, 260], [1230, 330], [1300, 1720], [240, 1640]], dtype=np.float32)  # tl, tr, br, bl


def _scene(*, shadow: bool, neighbour: bool, fold: bool) -> np.ndarray:
    """A desk with grain, maybe a blank sheet under the invoice, the invoice in perspective with lines of
    print, maybe folded across, and maybe the soft shadow of a hand over its upper left."""
    rng = np.random.default_rng(7)
    height, width = FRAME
    rows = np.arange(height, dtype=np.float32)[:, None]
    desk = 105 + 18 * np.sin(rows / 9.0 + np.sin(np.arange(width, dtype=np.float32)[None, :] / 70.0) * 3)
    image = np.broadcast_to(desk, FRAME).astype(np.float32).copy()
    if neighbour:  # a blank sheet from the left edge, partly under the invoice
        cv2.fillPoly(image, [np.array([[0, 900], [700, 820], [780, 1900], [0, 1990]], np.int32)], 228)
    sheet = np.full((1400, 1000), 238, np.float32)
    for top in range(120, 1280, 38):  # lines of words
        x = 90
        while x < 880:
            word = int(rng.integers(40, 160))
            sheet[top : top + 14, x : min(x + word, 910)] = 40
            x += word + int(rng.integers(18, 30))
    if fold:
        sheet[700:, :] *= 0.9  # the lower half faces away from the lamp
    source = np.array([[0, 0], [1000, 0], [1000, 1400], [0, 1400]], dtype=np.float32)
    warp = cv2.getPerspectiveTransform(source, CORNERS)
    placed = cv2.warpPerspective(sheet, warp, (width, height), flags=cv2.INTER_LINEAR, borderValue=-1)
    image = np.where(placed >= 0, placed, image)
    if shadow:  # a hand from the top-left corner: down to half the light, over sheet and desk
        mask = np.zeros(FRAME, np.float32)
        cv2.ellipse(mask, (250, 300), (520, 420), 30, 0, 360, 1.0, -1)
        mask = cv2.GaussianBlur(mask, (0, 0), 40)
        image *= 1 - 0.5 * mask
    image += rng.normal(0, 3, FRAME)
    return np.clip(image, 0, 255).astype(np.uint8)


@pytest.mark.parametrize(
    ("shadow", "neighbour", "fold"),
    [(False, False, False), (True, False, False), (False, True, False), (True, True, True)],
)
def test_the_sheet_is_found_by_its_edges(shadow: bool, neighbour: bool, fold: bool) -> None:
    found = sheet_corners(cv2, _scene(shadow=shadow, neighbour=neighbour, fold=fold))
    assert found is not None
    assert np.abs(found - CORNERS).max() < 15  # pixels of a 1500 x 2000 frame


def test_brightness_alone_loses_a_shaded_sheet_beside_another() -> None:
    """What the edges are for: the Otsu quadrilateral misses this sheet or its corners."""
    scene = _scene(shadow=True, neighbour=True, fold=True)
    old = _sheet_quadrilateral(cv2, scene)
    assert old is None or np.abs(old - CORNERS).max() >= 15


def test_no_print_no_sheet() -> None:
    blank = np.full(FRAME, 120, np.uint8)
    cv2.fillPoly(blank, [CORNERS.astype(np.int32)], 235)
    assert sheet_corners(cv2, blank) is None

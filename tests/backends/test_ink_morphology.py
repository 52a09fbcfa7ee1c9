"""The run and growth operations behind ruling-line removal (services/tesseract/ink.py), against their
definitions on random masks: a run survives `_long_runs` exactly when it is at least `length` long,
`_dilate` grows every pixel by `radius` along its axis, `_cells` counts ink per cell."""

from __future__ import annotations

import numpy as np
import pytest

from services.tesseract.ink import _cells, _dilate, _long_runs


def _runs_at_least(row: np.ndarray, length: int) -> np.ndarray:
    out = np.zeros_like(row)
    start = None
    for i, value in enumerate([*row, False]):
        if value and start is None:
            start = i
        elif not value and start is not None:
            if i - start >= length:
                out[start:i] = True
            start = None
    return out


def _grown(row: np.ndarray, radius: int) -> np.ndarray:
    return np.array([row[max(0, i - radius) : i + radius + 1].any() for i in range(len(row))])


@pytest.mark.parametrize("seed", range(20))
def test_long_runs_and_dilate_follow_their_definitions(seed: int) -> None:
    rng = np.random.default_rng(seed)
    mask = rng.random((int(rng.integers(1, 40)), int(rng.integers(1, 40)))) < rng.uniform(0.2, 0.95)
    mask = mask[:, ::2] if seed % 2 else mask  # views that are not contiguous too
    length, radius = int(rng.integers(2, 12)), int(rng.integers(1, 4))
    for axis in (0, 1):
        lines = mask if axis == 1 else mask.T
        expected_runs = np.array([_runs_at_least(r, length) for r in lines])
        expected_grown = np.array([_grown(r, radius) for r in lines])
        runs, grown = _long_runs(mask, length, axis), _dilate(mask, radius, axis)
        assert runs.dtype == bool and grown.dtype == bool
        assert np.array_equal(runs if axis == 1 else runs.T, expected_runs)
        assert np.array_equal(grown if axis == 1 else grown.T, expected_grown)


@pytest.mark.parametrize("cell", [2, 3, 5])
def test_cells_count_ink_per_cell(cell: int) -> None:
    rng = np.random.default_rng(cell)
    mask = rng.random((37, 29)) < 0.4
    got = _cells(mask, cell)
    rows, cols = 37 // cell, 29 // cell
    counts = np.array(
        [[mask[r * cell : (r + 1) * cell, c * cell : (c + 1) * cell].sum() for c in range(cols)] for r in range(rows)]
    )
    assert np.array_equal(got, counts >= max(2, cell // 2))

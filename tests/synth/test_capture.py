"""Capture kinds as generated (benchmarks/synth/capture.py), without OCR: `photo-hard` is a 12 MP
phone JPEG, the same bytes for a seed, turned by EXIF orientation 6 or stored upright."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageOps

from bench_service.datasets import ZUGFERD_AWV
from benchmarks.synth.capture import CAPTURES, EXIF_ORIENTATION, SINGLE_PAGE, Capture, capture

INVOICE = ZUGFERD_AWV / "EN16931_zugferd_2p0_EN16931_AbweichenderZahlungsempf.pdf"


@pytest.fixture(scope="module")
def made() -> dict[int, Capture]:
    """Seed 1 takes the second page on its own, seed 2 the first (each photo takes ~10 s to make)."""
    pdf = INVOICE.read_bytes()
    return {seed: capture(pdf, "photo-hard", seed=seed, page=2 - seed) for seed in (1, 2)}


@pytest.fixture(scope="module")
def photos(made: dict[int, Capture]) -> dict[int, bytes]:
    return {seed: captured.content for seed, captured in made.items()}


def test_photo_hard_is_a_single_page_kind(made: dict[int, Capture]) -> None:
    assert "photo-hard" in CAPTURES and "photo-hard" in SINGLE_PAGE
    assert {captured.filename for captured in made.values()} == {"photo-hard.jpg"}


def test_photo_hard_is_deterministic_per_seed(photos: dict[int, bytes]) -> None:
    assert capture(INVOICE.read_bytes(), "photo-hard", seed=1, page=1).content == photos[1]
    assert photos[1] != photos[2]


@pytest.mark.parametrize("seed", [1, 2])
def test_photo_hard_is_a_12_mp_phone_jpeg_with_its_orientation(photos: dict[int, bytes], seed: int) -> None:
    image = Image.open(io.BytesIO(photos[seed]))
    assert image.format == "JPEG" and image.mode == "RGB"
    assert 11_500_000 <= image.width * image.height <= 13_000_000
    orientation = image.getexif().get(EXIF_ORIENTATION)
    # Stored landscape as the sensor reads out, turned upright by EXIF 6; or stored upright (1).
    assert orientation == (6 if image.width > image.height else 1)
    upright = ImageOps.exif_transpose(image)
    assert upright.width < upright.height


def test_photo_hard_seeds_take_both_orientations(photos: dict[int, bytes]) -> None:
    orientations = {Image.open(io.BytesIO(data)).getexif().get(EXIF_ORIENTATION) for data in photos.values()}
    assert orientations == {1, 6}

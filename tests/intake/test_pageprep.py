"""How a fax page is made readable before OCR (services/intake/pageprep.py)."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.intake.pageprep import prepare_page, widen_fax_strokes


def _ink_columns(image: Image.Image, row: int) -> int:
    return int((np.asarray(image.convert("L"))[row] < 128).sum())


def test_a_thin_stem_is_widened_and_rows_are_not() -> None:
    page = np.full((40, 40), 255, dtype=np.uint8)
    page[10:30, 20] = 0  # a one-pixel stem, as a thresholded `1` at 204 dpi
    page[5, 5:15] = 0  # a one-pixel bar
    widened = widen_fax_strokes(Image.fromarray(page, "L"))
    assert _ink_columns(widened, 20) == 2  # the stem, now two pixels wide
    out = np.asarray(widened) < 128
    assert out[4].sum() == 0 and out[6].sum() == 0  # the bar grew no new rows
    assert out[9].sum() == 0 and out[30].sum() == 0  # nor did the stem


def test_a_fax_page_is_prepared_with_widened_strokes() -> None:
    frame = np.full((200, 400), 255, dtype=np.uint8)
    frame[50:150, 200] = 0  # a one-pixel stem on a 204 x 98 dpi fax page
    buf = io.BytesIO()
    Image.fromarray(frame, "L").convert("1").save(buf, format="TIFF", compression="group4", dpi=(204, 98))
    with open_document(buf.getvalue()) as document:
        prepared = prepare_page(document, 0, 300, tessdata="")
    assert prepared.capture.kind == pb.CAPTURE_KIND_FAX
    row = np.asarray(prepared.image.convert("L"))[prepared.image.height // 2]
    assert (row < 200).sum() >= 3  # widened, then softened: no longer a hairline
    assert row[200] < 128 and row[201] < 128

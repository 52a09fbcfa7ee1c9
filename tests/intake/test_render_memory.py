"""Drawing a long scan page by page keeps memory flat: MuPDF does not keep the decoded pages.

Run in a fresh interpreter, so nothing else in the test process moves its resident set.
"""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image

from tests.conftest import REPO

PAGES = 24
MB = 1024 * 1024
# Each page: one A4 greyscale image of 1654 x 2339 pixels (200 dpi), 3.9 MB decoded, a few KB as JPEG.
RENDER = """
import json, sys, psutil
from pathlib import Path
from services.intake.document import open_document
me = psutil.Process()
resident = []
with open_document(Path(sys.argv[1]).read_bytes()) as doc:
    for index in range(doc.page_count):
        doc.render(index, 150)
        resident.append(me.memory_info().rss)
print(json.dumps(resident))
"""


def _scan(pages: int) -> bytes:
    width, height = 1654, 2339
    with pymupdf.open() as doc:
        for number in range(pages):
            pixels = np.full((height, width), 255, np.uint8)
            pixels[100 + 20 * number : 140 + 20 * number, 100:1500] = 0  # a different page each time
            buffer = io.BytesIO()
            Image.fromarray(pixels, "L").save(buffer, "JPEG", quality=80)
            page = doc.new_page(width=595, height=842)
            page.insert_image(page.rect, stream=buffer.getvalue())
        return doc.tobytes()


def test_drawing_every_page_of_a_long_scan_does_not_pile_up_decoded_pages(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scan(PAGES))
    run = subprocess.run(
        [sys.executable, "-c", RENDER, str(scan)], check=False, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    resident = json.loads(run.stdout.strip().splitlines()[-1])
    # Kept, every decoded page adds its 3.7 MB (MuPDF's store holds up to 256 MB): the resident set
    # grows page after page. The allocator may still keep a freed block now and then (a one-off
    # step of 20-25 MB was seen on a loaded machine), so the test looks at the typical page, not the peak.
    growth = [after - before for before, after in zip(resident[1:], resident[2:])]
    assert statistics.median(growth) < 1 * MB, [round(step / MB, 1) for step in growth]
    assert resident[-1] - resident[1] < 40 * MB, [round(value / MB) for value in resident]

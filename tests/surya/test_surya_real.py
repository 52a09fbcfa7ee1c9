"""Backend `surya` with the real weights, whenever they are in the models directory.

Skipped (with the reason printed) where the weights are missing: they cannot
be downloaded on the build machine. Fetch them with `ocrmesh models download
surya` and set OCRMESH_MODELS_DIR to run these.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.synth.degrade import render_scanned_pdf
from benchmarks.synth.umlaut_page import UMLAUT_WORDS, umlaut_test_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from services.models.spec import models_dir
from services.surya_docling.models import MODELS

NO_FIELDS = pb.ProcessOptions(extract_fields=False)
MISSING = [m.name for m in MODELS if not m.present()]

pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"real weights not present in {models_dir().resolve()} (missing: {', '.join(MISSING)})"
)


def _words(page: pb.PageResult) -> set[str]:
    return {re.sub(r"^[^\wÄÖÜäöüß]+|[^\wÄÖÜäöüß]+$", "", t) for t in page.text.split()}


async def test_surya_reads_every_umlaut_word_on_degraded_scan(start_server) -> None:  # type: ignore[no-untyped-def]
    server = await start_server("surya", wait=False)
    await server.server.wait_ready(timeout=600)
    scan = render_scanned_pdf(umlaut_test_pdf(), seed=1, dpi=200)
    page = (await server.client.process(build_request(scan, options=NO_FIELDS), timeout=600)).pages[0]
    assert page.kind == pb.PAGE_KIND_SCANNED
    assert [w for w in UMLAUT_WORDS if w not in _words(page)] == []
    # Seconds per page: benchmarks/bench_surya.py (docs/BENCHMARKS.md, "surya").


async def test_surya_finds_the_invoice_table(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    server = await start_server("surya", wait=False)
    await server.server.wait_ready(timeout=600)
    page = (await server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=600)).pages[0]
    assert page.kind == pb.PAGE_KIND_BORN_DIGITAL
    assert page.tables and page.tables[0].row_count >= 2 and page.tables[0].markdown

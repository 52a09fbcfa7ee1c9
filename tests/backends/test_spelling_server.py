"""The backend server runs the spelling correction on every OCR page, unless the request turns it off."""

from __future__ import annotations

from pathlib import Path

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request

# Page 2 of this invoice prints "Zählpunkt:" in a small table font; Tesseract reads its capital Z as "z".
INVOICE = "EXTENDED_zugferd_2p0_EXTENDED_Kostenrechnung.pdf"


async def _page(server, content: bytes, **options) -> pb.PageResult:  # type: ignore[no-untyped-def]
    request = build_request(content, options=pb.ProcessOptions(first_page=2, last_page=2, extract_fields=False, **options))
    events = [e async for e in server.client.stream(request, timeout=120)]
    return next(e.page for e in events if e.HasField("page"))


async def test_nouns_read_in_lower_case_are_restored_and_the_reading_kept(tesseract_server, dataset_dir: Path) -> None:  # type: ignore[no-untyped-def]
    content = (dataset_dir / INVOICE).read_bytes()
    page = await _page(tesseract_server, content)
    corrected = {w.original_text: w.text for line in page.lines for w in line.words if w.original_text}
    assert corrected.get("zählpunkt:") == "Zählpunkt:"
    assert "Zählpunkt:" in page.text and "zählpunkt" not in page.text

    raw = await _page(tesseract_server, content, correct_spelling=False)
    assert not any(w.original_text for line in raw.lines for w in line.words)
    assert "zählpunkt:" in raw.text

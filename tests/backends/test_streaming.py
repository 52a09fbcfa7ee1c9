"""Process streams every page once, in order, as it is done, then the document."""

from __future__ import annotations

import asyncio

import grpc
import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from tests import documents
from tests.backends.gated import GatedEngine
from tests.conftest import PATIENCE, eventually

NO_FIELDS = pb.ProcessOptions(extract_fields=False)


async def _events(server, request: pb.ProcessRequest) -> list[pb.ProcessResponse]:  # type: ignore[no-untyped-def]
    return [event async for event in server.client.stream(request, timeout=120)]


async def test_pdftext_streams_pages_in_order_then_document(pdftext_server) -> None:  # type: ignore[no-untyped-def]
    events = await _events(pdftext_server, build_request(documents.numbered_pdf(6), options=pb.ProcessOptions(extract_fields=False)))
    kinds = [e.WhichOneof("event") for e in events]
    assert kinds == ["page"] * 6 + ["document"]
    pages = [e.page for e in events[:-1]]
    assert [p.page_number for p in pages] == [1, 2, 3, 4, 5, 6]
    for p in pages:
        assert f"Seite {p.page_number} von 6" in p.text
        assert p.page_count == 6 and p.backend == "pdftext" and p.kind == pb.PAGE_KIND_BORN_DIGITAL
    document = events[-1].document
    assert document.metadata.page_count == 6 and document.metadata.pages_processed == 6
    assert document.text.split("\f")[2].startswith("Seite 3 von 6")
    assert len(document.document_id) == 64


async def test_tesseract_streams_scanned_pages_in_order(tesseract_server) -> None:  # type: ignore[no-untyped-def]
    scan = documents.image_only_pdf(documents.numbered_pdf(4), dpi=150)
    events = await _events(tesseract_server, build_request(scan, options=pb.ProcessOptions(extract_fields=False, dpi=150)))
    pages = [e.page for e in events if e.HasField("page")]
    assert [p.page_number for p in pages] == [1, 2, 3, 4]
    for p in pages:
        assert f"Seite {p.page_number} von 4" in p.text
        assert p.kind == pb.PAGE_KIND_SCANNED and 0.5 < p.confidence <= 1.0
        assert p.lines and all(0 <= w.box.x0 < w.box.x1 <= 1 for line in p.lines for w in line.words)
    assert events[-1].HasField("document")


async def test_page_range_is_honoured(pdftext_server) -> None:  # type: ignore[no-untyped-def]
    options = pb.ProcessOptions(first_page=2, last_page=3, extract_fields=False)
    events = await _events(pdftext_server, build_request(documents.numbered_pdf(5), options=options))
    assert [e.page.page_number for e in events if e.HasField("page")] == [2, 3]
    assert events[-1].document.metadata.pages_processed == 2


async def test_first_page_arrives_before_the_last_is_done(start_server) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.load_gate.set()
    server = await start_server(engine, workers=1)
    stream = server.client.stream(build_request(documents.numbered_pdf(3), options=NO_FIELDS), timeout=120)
    iterator = stream.__aiter__()
    pending = asyncio.ensure_future(iterator.__anext__())
    assert await asyncio.to_thread(engine.page_started.wait, PATIENCE)
    await asyncio.sleep(0.2)  # a chance for a wrongly early answer to arrive (not a synchronisation)
    assert not pending.done()  # page 1 is held at the gate
    engine.page_gate.set()
    first = await asyncio.wait_for(pending, PATIENCE)
    assert first.page.page_number == 1
    rest = [e async for e in iterator]
    assert [e.WhichOneof("event") for e in rest] == ["page", "page", "document"]


async def test_deadline_exceeded(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.load_gate.set()
    server = await start_server(engine)
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=0.5)
    assert err.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
    engine.page_gate.set()
    assert (await server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=30)).document is not None


async def test_client_cancel_frees_the_slot(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.load_gate.set()
    server = await start_server(engine, max_in_flight=1, max_queue=0)
    call = server.client.stream(build_request(einfach_pdf, options=NO_FIELDS), timeout=120)
    reader = asyncio.ensure_future(call.read())
    assert await asyncio.to_thread(engine.page_started.wait, PATIENCE)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reader
    engine.page_gate.set()
    assert await eventually(lambda: server.server.admission.in_flight == 0), "the slot was never freed"
    assert (await server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=30)).document is not None
    codes = {s.labels["code"] for m in server.server.metrics.requests.collect() for s in m.samples}
    assert "CANCELLED" in codes

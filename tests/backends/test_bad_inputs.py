"""Bad input gets INVALID_ARGUMENT with a message; the server keeps serving."""

from __future__ import annotations

import asyncio
import re

import grpc
import pytest

from ocrmesh_client import build_request
from tests import documents
from tests.backends.gated import GatedEngine
from tests.conftest import PATIENCE, eventually


def _bad_inputs(pdf: bytes) -> list[tuple[str, bytes, str, str]]:
    return [
        ("empty", b"", "x.pdf", "empty"),
        ("truncated", documents.truncated_pdf(pdf), "x.pdf", "truncated|damaged"),
        ("encrypted", documents.encrypted_pdf(pdf), "x.pdf", "password"),
        ("bomb", documents.huge_png(), "x.png", "too large"),
        ("text named .pdf", documents.text_named_pdf(), "rechnung.pdf", "unsupported document type.*plain text"),
    ]


async def test_bad_inputs_are_refused_and_server_keeps_serving(each_backend, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    server = each_backend
    for name, content, filename, pattern in _bad_inputs(einfach_pdf):
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await server.client.process(build_request(content, filename=filename), timeout=30)
        assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT, name
        assert err.value.details(), name
        assert re.search(pattern, err.value.details()), (name, err.value.details())
    outcome = await server.client.process(
        build_request(einfach_pdf, filename="good.pdf", options=_one_page()), timeout=60
    )
    assert outcome.document is not None and len(outcome.pages) == 1


def _one_page():  # type: ignore[no-untyped-def]
    from ocrmesh.v1 import ocr_pb2 as pb

    return pb.ProcessOptions(first_page=1, last_page=1, extract_fields=False)


async def test_bad_options_are_invalid_argument(pdftext_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    from ocrmesh.v1 import ocr_pb2 as pb

    for options, pattern in [
        (pb.ProcessOptions(dpi=5000), "dpi"),
        (pb.ProcessOptions(first_page=3, last_page=2), "after last_page"),
        (pb.ProcessOptions(first_page=7), "beyond the document's 2 pages"),
        (pb.ProcessOptions(confidence_threshold=2.0), "confidence_threshold"),
    ]:
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await pdftext_server.client.process(build_request(einfach_pdf, options=options), timeout=PATIENCE)
        assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert pattern in err.value.details()


async def test_full_queue_answers_resource_exhausted(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.load_gate.set()
    server = await start_server(engine, max_in_flight=1, max_queue=1)
    request = build_request(einfach_pdf, options=_one_page())
    first = asyncio.create_task(server.client.process(request, timeout=120))
    assert await asyncio.to_thread(engine.page_started.wait, PATIENCE)
    second = asyncio.create_task(server.client.process(request, timeout=120))  # waits in the queue
    assert await eventually(lambda: server.server.admission.waiting == 1), "the second call never queued"
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await server.client.process(request, timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "busy" in err.value.details()
    engine.page_gate.set()
    assert (await first).document is not None
    assert (await second).document is not None

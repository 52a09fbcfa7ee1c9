"""Health, reflection, metrics, model control and shutdown of the shared scaffold."""

from __future__ import annotations

import asyncio
import urllib.request

import grpc
import pytest
from grpc_health.v1 import health_pb2
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import AsyncOcrClient, build_request
from tests import documents
from tests.backends.gated import GatedEngine
from tests.conftest import PATIENCE, eventually

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
NO_FIELDS = pb.ProcessOptions(extract_fields=False)


async def _health(client: AsyncOcrClient, service: str = "") -> int:
    return await client.health(service)


async def test_health_not_serving_while_loading_then_serving(start_server) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    server = await start_server(engine, wait=False)
    assert await _health(server.client) == NOT_SERVING
    assert await _health(server.client, "ocrmesh.v1.OcrService") == NOT_SERVING
    assert (await server.client.status()).status.state == pb.MODEL_STATE_LOADING
    engine.load_gate.set()
    await server.server.wait_ready(PATIENCE)
    assert await _health(server.client) == SERVING
    assert await _health(server.client, "ocrmesh.v1.OcrService") == SERVING


async def test_unload_and_load_switch_health_and_state(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.open_all()
    server = await start_server(engine)
    unloaded = await server.client.unload()
    assert unloaded.status.state == pb.MODEL_STATE_UNLOADED and engine.unloads == 1
    assert await _health(server.client) == NOT_SERVING
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.UNAVAILABLE
    loaded = await server.client.load()
    assert loaded.status.state == pb.MODEL_STATE_READY and engine.loads == 2
    assert await _health(server.client) == SERVING


async def test_lazy_server_loads_on_first_request_and_unloads_when_idle(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.open_all()
    server = await start_server(engine, wait=False, load_on_start=False, idle_unload_seconds=0.5)
    assert (await server.client.status()).status.state == pb.MODEL_STATE_UNLOADED
    assert await _health(server.client) == SERVING  # can take work: it loads on demand
    outcome = await server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=30)
    assert outcome.document is not None and engine.loads == 1
    assert await eventually(lambda: engine.unloads > 0), "never unloaded when idle"
    assert engine.unloads == 1
    assert (await server.client.status()).status.state == pb.MODEL_STATE_UNLOADED


async def test_reflection_lists_the_services(pdftext_server) -> None:  # type: ignore[no-untyped-def]
    channel = grpc.insecure_channel(pdftext_server.target)
    try:
        services = await asyncio.to_thread(lambda: ProtoReflectionDescriptorDatabase(channel).get_services())
    finally:
        channel.close()
    assert {"ocrmesh.v1.OcrService", "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"} <= set(services)


async def test_metrics_count_what_happened(tesseract_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    port = tesseract_server.server.metrics.http_port
    assert port

    def scrape() -> dict[str, float]:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
        values: dict[str, float] = {}
        for line in text.splitlines():
            if line.startswith("ocrmesh_") and " " in line:
                name, value = line.rsplit(" ", 1)
                values[name] = float(value)
        return values

    before = await asyncio.to_thread(scrape)
    options = pb.ProcessOptions(first_page=2, last_page=2, extract_fields=False, dpi=150)
    await tesseract_server.client.process(build_request(einfach_pdf, options=options), timeout=60)
    with pytest.raises(grpc.aio.AioRpcError):
        await tesseract_server.client.process(build_request(b"kaputt"), timeout=PATIENCE)
    after = await asyncio.to_thread(scrape)
    key_ok = 'ocrmesh_requests_total{backend="tesseract",code="OK"}'
    key_bad = 'ocrmesh_errors_total{backend="tesseract",code="INVALID_ARGUMENT"}'
    key_pages = 'ocrmesh_pages_total{backend="tesseract"}'
    assert after[key_ok] - before.get(key_ok, 0) == 1
    assert after[key_bad] - before.get(key_bad, 0) == 1
    assert after[key_pages] - before.get(key_pages, 0) == 1
    assert after['ocrmesh_ram_bytes{backend="tesseract"}'] > 10_000_000
    assert 'ocrmesh_page_seconds_count{backend="tesseract"}' in after


async def test_describe_and_status(tesseract_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    described = await tesseract_server.client.describe()
    assert described.name == "tesseract" and described.engine.startswith("tesseract 5")
    assert "de" in described.languages and not described.capabilities.gpu
    options = pb.ProcessOptions(first_page=1, last_page=1, extract_fields=False, dpi=150)
    await tesseract_server.client.process(build_request(einfach_pdf, options=options), timeout=60)
    status = (await tesseract_server.client.status()).status
    assert status.state == pb.MODEL_STATE_READY
    assert status.pages_served >= 1 and status.documents_served >= 1
    assert status.latency.samples >= 1 and status.latency.p50_seconds > 0
    assert status.ram_bytes > 0 and status.peak_ram_bytes >= status.ram_bytes


async def test_pdftext_declines_scanned_page(pdftext_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    scan = documents.image_only_pdf(einfach_pdf, dpi=72, pages=[0])
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await pdftext_server.client.process(build_request(scan, options=NO_FIELDS), timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert "page 1 has no text layer" in err.value.details()


async def test_image_engines_decline_xml(tesseract_server) -> None:  # type: ignore[no-untyped-def]
    xml = b'<?xml version="1.0"?><rsm:CrossIndustryInvoice xmlns:rsm="urn:x"/>'
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await tesseract_server.client.process(build_request(xml, options=NO_FIELDS), timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert "pdftext" in err.value.details()


async def test_graceful_stop_finishes_in_flight_work(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.load_gate.set()
    server = await start_server(engine)
    request = build_request(einfach_pdf, options=NO_FIELDS)
    running = asyncio.create_task(server.client.process(request, timeout=120))
    assert await asyncio.to_thread(engine.page_started.wait, PATIENCE)
    stopping = asyncio.create_task(server.server.stop(grace=120))  # the gate opens well within the grace

    async def draining() -> bool:
        # No new work while draining: health says so, or the call is refused outright.
        try:
            return await _health(server.client) == NOT_SERVING
        except grpc.aio.AioRpcError as exc:
            return exc.code() is grpc.StatusCode.UNAVAILABLE

    assert await eventually(draining), "still SERVING while stopping"
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await server.client.process(build_request(einfach_pdf, options=NO_FIELDS), timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.UNAVAILABLE
    engine.page_gate.set()
    outcome = await running
    assert outcome.document is not None and len(outcome.pages) == 2
    await stopping
    assert engine.unloads == 1


async def test_unload_waits_for_a_page_still_running_after_cancel(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.load_gate.set()
    server = await start_server(engine, workers=1)
    call = server.client.stream(build_request(einfach_pdf, options=NO_FIELDS), timeout=120)
    reader = asyncio.ensure_future(call.read())
    assert await asyncio.to_thread(engine.page_started.wait, PATIENCE)
    call.cancel()  # the client goes away while page 1 runs on the worker
    with pytest.raises(asyncio.CancelledError):
        await reader
    unloading = asyncio.create_task(server.client.unload())
    await asyncio.sleep(0.5)  # a chance for a wrongly early unload (not a synchronisation)
    assert engine.unloads == 0 and not unloading.done()  # the model is still in use by the running page
    engine.page_gate.set()
    await asyncio.wait_for(unloading, PATIENCE)
    assert engine.unloads == 1

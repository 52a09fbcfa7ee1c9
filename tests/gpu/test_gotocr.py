"""The `gotocr` backend through a real server on loopback, with a tiny random GOT model.

The model's text is meaningless: these tests assert plumbing (lazy load,
worker process, batching, streaming, cancel, deadline, out of memory).
"""

from __future__ import annotations

import os

import grpc
import pytest
from grpc_health.v1 import health_pb2

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from tests import documents
from tests.conftest import eventually
from tests.gpu.conftest import got_engine, start_gpu_server, stop_gpu_server

NO_FIELDS = pb.ProcessOptions(extract_fields=False, dpi=100)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0): check its state where /proc exists.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return True


async def events(server, request, timeout: float = 120):  # type: ignore[no-untyped-def]
    return [e async for e in server.client.stream(request, timeout=timeout)]


async def test_lazy_load_batches_pages_streams_progress_and_unload_ends_the_worker(got_server) -> None:  # type: ignore[no-untyped-def]
    engine = got_server.server.engine
    status = await got_server.client.status()
    assert status.status.state == pb.MODEL_STATE_UNLOADED and engine.worker_pid is None
    assert await got_server.client.health() == health_pb2.HealthCheckResponse.SERVING  # lazy: loadable on demand
    describe = await got_server.client.describe()
    assert describe.name == "gotocr" and describe.capabilities.gpu and describe.model_id == "stepfun-ai/GOT-OCR-2.0-hf"

    scan = documents.image_only_pdf(documents.numbered_pdf(3), dpi=100)
    got = await events(got_server, build_request(scan, options=NO_FIELDS))
    kinds = [e.WhichOneof("event") for e in got]
    assert kinds[-1] == "document" and kinds.count("page") == 3
    pages = [e.page for e in got if e.HasField("page")]
    assert [p.page_number for p in pages] == [1, 2, 3]
    for p in pages:
        assert p.backend == "gotocr" and p.kind == pb.PAGE_KIND_SCANNED and 0.0 <= p.confidence <= 1.0
        assert "stepfun-ai/GOT-OCR-2.0-hf@" in p.model_id
    progress = [e.progress for e in got if e.HasField("progress")]
    assert progress and all(0.0 <= x.fraction < 1.0 and 1 <= x.page_number <= 3 for x in progress)
    # Progress of a page comes before that page.
    first_page_at = kinds.index("page")
    assert any(e.HasField("progress") and e.progress.page_number == 1 for e in got[:first_page_at])

    status = await got_server.client.status()
    assert status.status.state == pb.MODEL_STATE_READY and status.status.vram_bytes == 0  # CPU
    pid = engine.worker_pid
    assert pid is not None and pid != os.getpid() and pid_alive(pid)

    await got_server.client.unload()
    assert (await got_server.client.status()).status.state == pb.MODEL_STATE_UNLOADED
    assert await eventually(lambda: not pid_alive(pid)), "the worker process must be gone after Unload"
    assert engine.worker_pid is None

    loaded = await got_server.client.load()  # explicit Load spawns a new worker
    assert loaded.status.state == pb.MODEL_STATE_READY and engine.worker_pid not in (None, pid)


async def test_pages_arriving_together_share_a_forward_pass(got_server) -> None:  # type: ignore[no-untyped-def]
    engine = got_server.server.engine
    await got_server.client.load()
    seen: list[int] = []
    original = engine.worker.run_page

    def spy(image, mode, control):  # type: ignore[no-untyped-def]
        done = original(image, mode, control)
        seen.append(done.batch_size)
        return done

    engine.worker.run_page = spy
    try:
        scan = documents.image_only_pdf(documents.numbered_pdf(4), dpi=100)
        outcome = await got_server.client.process(build_request(scan, options=NO_FIELDS), timeout=120)
    finally:
        del engine.worker.run_page
    assert [p.page_number for p in outcome.pages] == [1, 2, 3, 4]
    assert max(seen) > 1, f"pages never shared a batch: {seen}"


async def test_out_of_memory_is_resource_exhausted_and_the_server_keeps_serving(got_server) -> None:  # type: ignore[no-untyped-def]
    await got_server.client.load()
    engine = got_server.server.engine
    pid = engine.worker_pid
    engine.worker.inject_fault("oom")
    png = documents.png_page(documents.numbered_pdf(1), dpi=100)
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await got_server.client.process(build_request(png, options=NO_FIELDS), timeout=60)
    assert err.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "out of memory" in err.value.details()
    assert await got_server.client.health() == health_pb2.HealthCheckResponse.SERVING
    outcome = await got_server.client.process(build_request(png, options=NO_FIELDS), timeout=60)
    assert len(outcome.pages) == 1 and engine.worker_pid == pid  # same worker, still serving


async def test_deadline_and_cancel_stop_generation(tiny_models_dir) -> None:  # type: ignore[no-untyped-def]
    # A worker that would generate for a very long time: only a stop can end a page early.
    handle = await start_gpu_server(got_engine(tiny_models_dir, max_new_tokens=100_000), workers=1)
    engine = handle.server.engine
    stops: list[str] = []
    try:
        await handle.client.load()
        original = engine.worker.run_page

        def spy(image, mode, control):  # type: ignore[no-untyped-def]
            done = original(image, mode, control)
            stops.append(done.stopped)
            return done

        engine.worker.run_page = spy
        png = documents.png_page(documents.numbered_pdf(1), dpi=100)
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await handle.client.process(build_request(png, options=NO_FIELDS), timeout=2)
        assert err.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
        # 100,000 tokens would take far longer than PATIENCE: only the deadline can have ended the page.
        assert await eventually(lambda: len(stops) == 1), "generation did not stop at the deadline"
        assert stops[0] in ("deadline", "cancelled")

        stream = handle.client.stream(build_request(png, options=NO_FIELDS), timeout=120)
        async for event in stream:
            if event.HasField("progress"):  # generation is running: cancel the call
                stream.cancel()  # type: ignore[attr-defined]
                break
        assert await eventually(lambda: len(stops) == 2), "generation did not stop on cancel"
        assert stops[1] == "cancelled"
        assert (await handle.client.status()).status.state == pb.MODEL_STATE_READY
    finally:
        await stop_gpu_server(handle)


async def test_idle_unload_ends_the_worker(tiny_models_dir) -> None:  # type: ignore[no-untyped-def]
    handle = await start_gpu_server(got_engine(tiny_models_dir), idle_unload_seconds=1.0)
    try:
        engine = handle.server.engine
        await handle.client.load()
        pid = engine.worker_pid
        assert pid is not None

        async def unloaded() -> bool:
            return (await handle.client.status()).status.state == pb.MODEL_STATE_UNLOADED

        assert await eventually(unloaded, interval=0.2), "not unloaded when idle"
        assert await eventually(lambda: not pid_alive(pid))
    finally:
        await stop_gpu_server(handle)

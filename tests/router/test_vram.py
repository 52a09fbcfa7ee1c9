"""Two GPU backends on one card: the router keeps them within the VRAM budget.

The backends are real servers with real engines (Tesseract, lazily loaded);
their device group, budget and VRAM needs are declared in the router's
config, as on the GPU PC. The out-of-memory case uses an engine that answers
the way the GPU worker does when CUDA runs out of memory.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager

import grpc

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import AsyncOcrClient
from router_service.settings import EndpointConfig
from services.intake.document import LoadedDocument
from services.registry import create_engine
from services.scaffold.engine import Engine, EngineError, PageOptions
from services.scaffold.server import BackendServer
from tests.conftest import running_backend
from tests.router.conftest import ONE_PAGE_INVOICE, request, running_router, scan_of


class OutOfMemoryOnce(Engine):
    """Tesseract that fails its first page like a CUDA out-of-memory in the GPU worker."""

    def __init__(self) -> None:
        self.inner = create_engine("tesseract")
        self.info = self.inner.info
        self.failures_left = 1

    def load(self) -> None:
        self.inner.load()

    def unload(self) -> None:
        self.inner.unload()

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        if self.failures_left:
            self.failures_left -= 1
            raise EngineError(grpc.StatusCode.RESOURCE_EXHAUSTED, "CUDA out of memory: tried to allocate 2.00 GiB")
        return self.inner.process_page(document, index, options)


def lazy_backend(engine: Engine) -> AbstractAsyncContextManager[BackendServer]:
    return running_backend(engine, workers=1, load_on_start=False, wait=False)


async def _state(server: BackendServer) -> int:
    async with AsyncOcrClient(f"127.0.0.1:{server.port}") as client:
        return (await client.status()).status.state


def _gpu(name: str, server: BackendServer, vram_gb: float) -> EndpointConfig:
    return EndpointConfig(name=name, address=f"127.0.0.1:{server.port}", device_group="gpu0", vram_gb=vram_gb)


async def test_least_recently_used_model_is_unloaded_to_make_room() -> None:
    scan = scan_of(ONE_PAGE_INVOICE, [0])
    async with lazy_backend(create_engine("tesseract")) as got, lazy_backend(create_engine("tesseract")) as janus:
        endpoints = [_gpu("gotocr", got, 6), _gpu("deepseek", janus, 6)]
        async with running_router(endpoints, device_groups={"gpu0": 10}) as (_router, client):
            first = await client.process(request(scan, backend="gotocr"), timeout=60)
            assert [a.backend for a in first.document.routing.attempts] == ["gotocr"]
            assert await _state(got) == pb.MODEL_STATE_READY
            assert await _state(janus) == pb.MODEL_STATE_UNLOADED

            second = await client.process(request(scan, backend="deepseek"), timeout=60)
            assert [a.backend for a in second.document.routing.attempts] == ["deepseek"]
            assert await _state(got) == pb.MODEL_STATE_UNLOADED  # 6 + 6 GB do not fit in 10
            assert await _state(janus) == pb.MODEL_STATE_READY
            assert "unloaded gotocr to make room for deepseek in gpu0" in second.document.routing.reason


async def test_both_stay_loaded_when_they_fit() -> None:
    scan = scan_of(ONE_PAGE_INVOICE, [0])
    async with lazy_backend(create_engine("tesseract")) as got, lazy_backend(create_engine("tesseract")) as janus:
        endpoints = [_gpu("gotocr", got, 4), _gpu("deepseek", janus, 8)]
        async with running_router(endpoints, device_groups={"gpu0": 16}) as (_router, client):
            await client.process(request(scan, backend="gotocr"), timeout=60)
            await client.process(request(scan, backend="deepseek"), timeout=60)
            assert await _state(got) == pb.MODEL_STATE_READY
            assert await _state(janus) == pb.MODEL_STATE_READY


async def test_out_of_memory_unloads_the_other_model_and_retries_once() -> None:
    scan = scan_of(ONE_PAGE_INVOICE, [0])
    async with lazy_backend(create_engine("tesseract")) as got, lazy_backend(OutOfMemoryOnce()) as janus:
        endpoints = [_gpu("gotocr", got, 4), _gpu("deepseek", janus, 8)]
        async with running_router(endpoints, device_groups={"gpu0": 16}) as (_router, client):
            await client.process(request(scan, backend="gotocr"), timeout=60)
            assert await _state(got) == pb.MODEL_STATE_READY
            outcome = await client.process(request(scan, backend="deepseek"), timeout=60)
            attempts = [(a.backend, a.status) for a in outcome.document.routing.attempts]
            assert attempts == [("deepseek", "RESOURCE_EXHAUSTED"), ("deepseek", "OK")]
            assert await _state(got) == pb.MODEL_STATE_UNLOADED
            assert "after deepseek ran out of memory" in outcome.document.routing.reason
            assert len(outcome.pages) == 1


async def test_out_of_memory_twice_falls_back_to_the_next_backend() -> None:
    scan = scan_of(ONE_PAGE_INVOICE, [0])
    broken = OutOfMemoryOnce()
    broken.failures_left = 2
    async with lazy_backend(create_engine("tesseract")) as got, lazy_backend(broken) as janus, \
            lazy_backend(create_engine("tesseract")) as cpu:
        endpoints = [
            _gpu("gotocr", got, 4),
            _gpu("deepseek", janus, 8),
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{cpu.port}"),
        ]
        async with running_router(endpoints, device_groups={"gpu0": 16}) as (_router, client):
            await client.process(request(scan, backend="gotocr"), timeout=60)
            outcome = await client.process(request(scan, backend="deepseek", allow_fallback=True), timeout=60)
            statuses = [(a.backend, a.status) for a in outcome.document.routing.attempts]
            assert statuses[:2] == [("deepseek", "RESOURCE_EXHAUSTED"), ("deepseek", "RESOURCE_EXHAUSTED")]
            assert statuses[-1][1] == "OK" and statuses[-1][0] != "deepseek"
            assert len(outcome.pages) == 1

"""Build, start and stop one backend server around an engine.

Start: health NOT_SERVING, server listening (reflection, health, metrics),
then the model loads (unless lazy) and health turns SERVING.
Stop: health `enter_graceful_shutdown()` (everything NOT_SERVING), then
`server.stop(grace)` (no new calls, in-flight ones finish), then
`engine.unload()`.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Protocol

import grpc
import structlog
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio
from grpc_reflection.v1alpha import reflection

from ocrmesh.v1 import ocr_pb2_grpc as pb_grpc
from ocrmesh_client.tls import TlsFiles
from services.auth.grpc_auth import AuthInterceptor
from services.auth.keys_file import KeysFile
from services.intake.limits import IntakeLimits
from services.scaffold.admission import Admission
from services.scaffold.assemble import FieldExtractor
from services.scaffold.engine import Engine
from services.scaffold.lifecycle import OCR_SERVICE_NAME, ModelLifecycle
from services.scaffold.metrics import ServerMetrics
from services.scaffold.parent_watch import watch_parent
from services.scaffold.servicer import OcrServicer
from services.scaffold.settings import ServerSettings

log = structlog.get_logger("ocrmesh.server")

# Results (word boxes of every page) may be larger than the document they come from.
MAX_SEND_BYTES = 64 * 1024 * 1024


def grpc_server_options(limits: IntakeLimits, send_bytes: int = MAX_SEND_BYTES) -> list[tuple[str, int]]:
    """A server receives one document within the intake limit (the REST upload limit) and its framing, no more."""
    return [
        ("grpc.max_receive_message_length", limits.max_message_bytes),
        ("grpc.max_send_message_length", send_bytes),
        ("grpc.so_reuseport", 0),
    ]


class BackendServer:
    """One backend's gRPC server; `fields` extracts a document's invoice fields (the invoice package's)."""

    def __init__(self, engine: Engine, settings: ServerSettings, *, fields: FieldExtractor) -> None:
        """ValueError when the settings expose the server unprotected or the keys file is unreadable."""
        settings.check_exposure()
        self.keys = KeysFile(settings.keys_file) if settings.keys_file else None
        self.engine = engine
        self.settings = settings
        self.fields = fields
        self.metrics = ServerMetrics(engine.info.name)
        self.metrics.watch_memory(engine.vram_bytes)
        self.health = health_aio.HealthServicer()
        self.page_pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix=f"{engine.info.name}-page")
        self.port = 0
        self._server: grpc.aio.Server | None = None
        self._idle_task: asyncio.Task[None] | None = None
        self._load_task: asyncio.Task[None] | None = None
        self.lifecycle: ModelLifecycle
        self.admission: Admission

    async def _run_blocking(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, partial(fn, *args))

    async def start(self) -> int:
        """Listen and begin loading; returns the bound port."""
        s = self.settings
        self.admission = Admission(s.max_in_flight, s.max_queue)
        self.lifecycle = ModelLifecycle(
            self.engine, self.health, self.metrics, self._run_blocking, lazy=not s.load_on_start
        )
        # With a keys file, the router's interceptor checks every call but health, reflection, Describe, Status.
        interceptors = [AuthInterceptor(self.keys)] if self.keys is not None else []
        server = grpc.aio.server(options=grpc_server_options(s.intake_limits()), interceptors=interceptors)
        servicer = OcrServicer(
            self.engine, s, self.lifecycle, self.metrics, self.admission, self.page_pool, self.fields
        )
        pb_grpc.add_OcrServiceServicer_to_server(servicer, server)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, server)
        reflection.enable_server_reflection(
            (OCR_SERVICE_NAME, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME),
            server,
        )
        address = f"{s.host}:{s.port}"
        if s.tls_cert and s.tls_key:
            credentials = TlsFiles(ca=s.tls_client_ca, cert=s.tls_cert, key=s.tls_key).server_credentials()
            self.port = server.add_secure_port(address, credentials)
        else:
            self.port = server.add_insecure_port(address)
        if self.port == 0:
            raise OSError(f"cannot listen on {s.host}:{s.port} (in use?)")
        await self.lifecycle.publish_initial_health()
        await server.start()
        self._server = server
        if s.metrics_port:
            self.metrics.serve_http(s.host, max(0, s.metrics_port))
        log.info(
            "server_started",
            backend=self.engine.info.name,
            address=f"{s.host}:{self.port}",
            metrics_port=self.metrics.http_port or None,
            tls="mutual" if s.tls_client_ca else ("server" if s.tls_cert else "off"),
            keys_file=str(s.keys_file) if s.keys_file else None,
        )
        if not s.protected and s.insecure:
            log.warning("server_insecure", backend=self.engine.info.name, host=s.host,
                        message="listening without TLS + (mutual TLS or keys): anyone reaching the port may call")
        if s.load_on_start:
            self._load_task = asyncio.create_task(self._initial_load())
        if s.idle_unload_seconds > 0:
            self._idle_task = asyncio.create_task(self.lifecycle.unload_when_idle(s.idle_unload_seconds))
        return self.port

    async def _initial_load(self) -> None:
        try:
            await self.lifecycle.load()
        except Exception:  # already logged; health stays NOT_SERVING, Load RPC can retry
            pass

    async def wait_ready(self, timeout: float | None = None) -> None:
        if self._load_task is not None:
            await asyncio.wait_for(asyncio.shield(self._load_task), timeout)

    async def stop(self, grace: float | None = None) -> None:
        grace = self.settings.grace_seconds if grace is None else grace
        log.info("server_stopping", backend=self.engine.info.name, grace_seconds=grace)
        await self.lifecycle.enter_shutdown()
        for task in (self._idle_task, self._load_task):
            if task is not None and not task.done():
                task.cancel()
        if self._server is not None:
            await self._server.stop(grace)
        # Pages of cancelled requests may still run on the pool: drain it before
        # the engine frees what they use (Tesseract aborts the process otherwise).
        await self._run_blocking(partial(self.page_pool.shutdown, wait=True, cancel_futures=True))
        await self._run_blocking(self.engine.unload)
        self.metrics.close()
        log.info("server_stopped", backend=self.engine.info.name)

    async def wait_for_termination(self) -> None:
        assert self._server is not None
        await self._server.wait_for_termination()


class Servable(Protocol):
    """What `run_until_signal` needs: a BackendServer, or the router's server."""

    async def start(self) -> int: ...

    async def stop(self, grace: float | None = None) -> None: ...


async def run_until_signal(server: Servable) -> None:
    """Start `server`, serve until SIGINT/SIGTERM, then stop gracefully."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    if sys.platform != "win32":
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    else:  # Windows: Ctrl-C / Ctrl-Break arrive as KeyboardInterrupt through signal.signal
        signal.signal(signal.SIGINT, lambda *_: loop.call_soon_threadsafe(stop.set))
        signal.signal(signal.SIGBREAK, lambda *_: loop.call_soon_threadsafe(stop.set))  # type: ignore[attr-defined]
    watch = watch_parent(lambda: loop.call_soon_threadsafe(stop.set))
    try:
        await server.start()
        await stop.wait()
        await server.stop()
    finally:
        watch.close()

"""The model's lifecycle, tied to gRPC health.

States follow the contract's ModelState. Health is SERVING when the server
can take work: model ready, or unloaded but loadable on demand (lazy mode);
NOT_SERVING while loading, unloading, after a failed load without lazy
retry, and during shutdown.

Requests hold the model with `using()`; `unload()` waits until no request
holds it and keeps new ones waiting meanwhile, so a model is never freed
under a running page.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from grpc_health.v1 import health_pb2
from grpc_health.v1.health import aio as health_aio

from ocrmesh.v1 import ocr_pb2 as pb
from services.scaffold.engine import Engine
from services.scaffold.metrics import ServerMetrics

log = structlog.get_logger("ocrmesh.lifecycle")

OCR_SERVICE_NAME = pb.DESCRIPTOR.services_by_name["OcrService"].full_name
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


class ModelUnavailableError(Exception):
    pass


class ModelLifecycle:
    def __init__(
        self,
        engine: Engine,
        health: health_aio.HealthServicer,
        metrics: ServerMetrics,
        run_blocking: Callable[..., Any],
        *,
        lazy: bool,
    ) -> None:
        self.engine = engine
        self.health = health
        self.metrics = metrics
        self._run_blocking = run_blocking
        self.lazy = lazy
        self.state: int = pb.MODEL_STATE_UNLOADED
        self.error = ""
        self.load_seconds = 0.0
        self.last_used = time.monotonic()
        self._cond = asyncio.Condition()
        self._users = 0
        self._shutting_down = False

    async def _set_health(self, serving: bool) -> None:
        status = SERVING if serving and not self._shutting_down else NOT_SERVING
        for name in ("", OCR_SERVICE_NAME):
            await self.health.set(name, status)

    async def publish_initial_health(self) -> None:
        await self._set_health(self.lazy and self.state == pb.MODEL_STATE_UNLOADED)

    async def _load_locked(self) -> None:
        if self.state == pb.MODEL_STATE_READY:
            return
        self.state = pb.MODEL_STATE_LOADING
        await self._set_health(False)
        start = time.perf_counter()
        log.info("model_loading", backend=self.engine.info.name)
        try:
            await self._run_blocking(self.engine.load)
        except Exception as exc:
            self.state = pb.MODEL_STATE_FAILED
            self.error = f"{type(exc).__name__}: {exc}"
            log.error("model_load_failed", backend=self.engine.info.name, error=self.error)
            await self._set_health(self.lazy)
            raise ModelUnavailableError(f"the {self.engine.info.name} model failed to load: {self.error}") from exc
        self.load_seconds = time.perf_counter() - start
        self.error = ""
        self.state = pb.MODEL_STATE_READY
        self.metrics.model_load_seconds.labels(self.engine.info.name).set(self.load_seconds)
        self.metrics.model_loaded.labels(self.engine.info.name).set(1)
        log.info("model_ready", backend=self.engine.info.name, load_seconds=round(self.load_seconds, 3))
        await self._set_health(True)

    async def load(self) -> None:
        async with self._cond:
            await self._load_locked()

    async def unload(self) -> None:
        async with self._cond:
            if self.state != pb.MODEL_STATE_READY:
                return
            self.state = pb.MODEL_STATE_UNLOADING
            await self._set_health(False)
            await self._cond.wait_for(lambda: self._users == 0)
            try:
                await self._run_blocking(self.engine.unload)
            finally:
                self.state = pb.MODEL_STATE_UNLOADED
                self.metrics.model_loaded.labels(self.engine.info.name).set(0)
                log.info("model_unloaded", backend=self.engine.info.name)
                await self._set_health(self.lazy)

    @asynccontextmanager
    async def using(self) -> AsyncIterator[None]:
        async with self._cond:
            if self._shutting_down:
                raise ModelUnavailableError("the server is shutting down")
            if self.state != pb.MODEL_STATE_READY:
                if not self.lazy and self.state in (pb.MODEL_STATE_FAILED, pb.MODEL_STATE_UNLOADED):
                    raise ModelUnavailableError(
                        f"the {self.engine.info.name} model is not loaded" + (f": {self.error}" if self.error else "")
                    )
                await self._load_locked()
            self._users += 1
        try:
            yield
        finally:
            async with self._cond:
                self._users -= 1
                self.last_used = time.monotonic()
                self._cond.notify_all()

    async def enter_shutdown(self) -> None:
        self._shutting_down = True
        await self.health.enter_graceful_shutdown()

    async def unload_when_idle(self, idle_seconds: float) -> None:
        """Background task: unload after `idle_seconds` without requests."""
        while True:
            await asyncio.sleep(max(0.2, idle_seconds / 4))
            idle = time.monotonic() - self.last_used
            if self.state == pb.MODEL_STATE_READY and self._users == 0 and idle >= idle_seconds:
                log.info("idle_unload", backend=self.engine.info.name, idle_seconds=round(idle, 1))
                await self.unload()

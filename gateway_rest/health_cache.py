"""Health of the upstream, kept fresh in the background.

`GET /api/v1/health` must answer at once even while every backend is busy,
so requests only read `HealthCache.report()`; a background task asks the
upstream (gRPC health `Check`, `Status`, `Describe`, each with a short
deadline) every `health_refresh_seconds`. GPU detection runs once, also in
the background (`nvidia-smi` with a short timeout, never torch).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import shutil
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

import grpc
import structlog
from grpc_health.v1 import health_pb2

from gateway_rest import convert
from gateway_rest import models as m
from gateway_rest.metrics import GatewayMetrics
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import AsyncOcrClient

log = structlog.get_logger("ocrmesh.gateway.health")

NVIDIA_SMI_TIMEOUT = 2.0
T = TypeVar("T")


async def detect_gpu(timeout: float = NVIDIA_SMI_TIMEOUT) -> tuple[bool, str | None]:
    """(available, name of the first GPU) from `nvidia-smi`, without importing torch."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return False, None
    try:
        proc = await asyncio.create_subprocess_exec(
            exe,
            "--query-gpu=name",
            "--format=csv,noheader",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
    except OSError:
        return False, None
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return False, None
    names = [line.strip() for line in out.decode(errors="replace").splitlines() if line.strip()]
    if proc.returncode != 0 or not names:
        return False, None
    return True, names[0]


@dataclass
class _Snapshot:
    serving: bool = False
    error: str | None = "not checked yet"
    backends: list[m.BackendHealth] = field(default_factory=list)
    checked_at: dt.datetime | None = None
    checked_monotonic: float | None = None


class HealthCache:
    def __init__(
        self,
        client: AsyncOcrClient,
        *,
        refresh_seconds: float,
        rpc_timeout: float,
        stale_seconds: float = 30.0,
        metrics: GatewayMetrics | None = None,
    ) -> None:
        self.client = client
        self.refresh_seconds = refresh_seconds
        self.rpc_timeout = rpc_timeout
        self.stale_seconds = stale_seconds
        self._last_serving: float | None = None
        self._last_status: pb.StatusResponse | None = None
        self.metrics = metrics
        self._snapshot = _Snapshot()
        self._describe: pb.DescribeResponse | None = None
        self._system = m.SystemInfo(gpu_available=False, gpu_name=None, cpu_cores=os.cpu_count() or 1)
        self._task: asyncio.Task[None] | None = None

    # ------------------------------------------------------------ reading (cheap, never awaits upstream)

    @property
    def ready(self) -> bool:
        return self._snapshot.serving

    @property
    def not_ready_reason(self) -> str | None:
        return self._snapshot.error

    def report(self) -> m.HealthReport:
        snap = self._snapshot
        age = None if snap.checked_monotonic is None else round(time.monotonic() - snap.checked_monotonic, 3)
        return m.HealthReport(
            status=self._overall(snap),
            upstream=m.UpstreamHealth(address=self.client.target, serving=snap.serving, error=snap.error),
            backends=snap.backends,
            system=self._system,
            checked_at=snap.checked_at,
            age_seconds=age,
        )

    @staticmethod
    def _overall(snap: _Snapshot) -> m.OverallStatus:
        if not snap.serving:
            return "unavailable"
        serving = (b.serving is not False and b.status in ("ready", "unloaded") for b in snap.backends)
        if snap.error or not all(serving):
            return "degraded"
        return "healthy"

    # ------------------------------------------------------------ refreshing

    async def _call(self, name: str, call: Callable[..., Awaitable[T]]) -> T | grpc.aio.AioRpcError:
        """One upstream call with the short deadline; its error is returned, not raised."""
        try:
            return await call(timeout=self.rpc_timeout)
        except grpc.aio.AioRpcError as exc:
            if self.metrics is not None:
                self.metrics.health_refresh_failures.labels(name).inc()
            return exc

    async def refresh(self) -> None:
        """Ask the upstream once (health, Status, Describe in parallel) and swap the snapshot."""
        calls: list[Awaitable[object]] = [
            self._call("health", self.client.health),
            self._call("status", self.client.status),
        ]
        if self._describe is None or not self._snapshot.serving:
            calls.append(self._call("describe", self.client.describe))
        results = await asyncio.gather(*calls)
        health, status = results[0], results[1]
        if len(results) > 2 and isinstance(results[2], pb.DescribeResponse):
            self._describe = results[2]

        errors = []
        now = time.monotonic()
        serving = health == health_pb2.HealthCheckResponse.SERVING
        if serving:
            self._last_serving = now
        elif isinstance(health, grpc.aio.AioRpcError) and health.code() is grpc.StatusCode.DEADLINE_EXCEEDED:
            # A slow answer is not a NOT_SERVING answer: a busy upstream stays
            # serving (degraded) until it has not said SERVING for stale_seconds.
            serving = self._last_serving is not None and now - self._last_serving < self.stale_seconds
            errors.append(f"health check timed out ({self.rpc_timeout:g}s)")
        elif isinstance(health, grpc.aio.AioRpcError):
            errors.append(f"health check failed: {health.code().name}: {health.details()}")
        elif not serving:
            errors.append(f"upstream reports {health_pb2.HealthCheckResponse.ServingStatus.Name(health)}")
        status_error = None
        if isinstance(status, grpc.aio.AioRpcError):
            status_error = f"Status failed: {status.code().name}: {status.details()}"
            errors.append(status_error)
            # A busy upstream answers late: keep its last figures rather than none.
            status = self._last_status if status.code() is grpc.StatusCode.DEADLINE_EXCEEDED else None
        else:
            self._last_status = status
        backends = (
            convert.backends_from_upstream(status, self._describe, status_error)  # type: ignore[arg-type]
            if status is not None or self._describe is not None or serving
            else []
        )
        self._snapshot = _Snapshot(
            serving=serving,
            error="; ".join(errors) or None,
            backends=backends,
            checked_at=dt.datetime.now(dt.UTC),
            checked_monotonic=now,
        )
        if self.metrics is not None:
            self.metrics.upstream_serving.set(1 if serving else 0)

    async def _run(self) -> None:
        available, name = await detect_gpu()
        self._system = m.SystemInfo(gpu_available=available, gpu_name=name, cpu_cores=os.cpu_count() or 1)
        while True:
            await asyncio.sleep(self.refresh_seconds)
            try:
                await self.refresh()
            except Exception:  # keep refreshing whatever one round did
                log.exception("health_refresh_failed")

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="gateway-health-refresh")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

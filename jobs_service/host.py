"""Put the jobs subsystem on an existing grpc.aio server (the router's) in a few lines.

    host = attach_jobs(server, jobs_settings, upstream_target, health=health)  # before server.start()
    ...
    await server.start()
    await host.start()            # opens the store, starts the runner, health SERVING for JobsService
    ...
    await host.stop()             # on shutdown: runner stops claiming, finishes or releases, store closes

Add `JOBS_SERVICE_NAME` to the server's reflection list. The upstream target is
any OcrService; in the router's process it is the router's own address. The
jobs metrics (`jobs_service/metrics.py`) join the registry given (the router's).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import grpc
from grpc_health.v1 import health_pb2
from grpc_health.v1.health import aio as health_aio
from prometheus_client import CollectorRegistry

from jobs_service.metrics import JobsMetrics
from jobs_service.runner import JobRunner
from jobs_service.servicer import JOBS_SERVICE_NAME, JobsServicer
from jobs_service.settings import JobsSettings
from jobs_service.signals import JobSignals
from jobs_service.store import create_store
from jobs_service.store.base import JobStore
from ocrmesh.v1 import jobs_pb2_grpc as jpb_grpc

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


class JobsHost:
    """The store, the runner and the servicer of one process, started and stopped together."""

    def __init__(
        self,
        settings: JobsSettings,
        upstream_target: str,
        *,
        health: health_aio.HealthServicer | None = None,
        store: JobStore | None = None,
        registry: CollectorRegistry | None = None,
        api_key: str = "",
        owner_concurrency: Callable[[str], Awaitable[int]] | None = None,
    ) -> None:
        self.settings = settings
        self.health = health
        self.store = store or create_store(settings)
        self.signals = JobSignals()
        self.metrics = JobsMetrics(registry)
        self.store.job_finished = self.metrics.job_finished
        self.runner = JobRunner(
            self.store, settings, upstream_target, signals=self.signals, metrics=self.metrics, api_key=api_key,
            owner_concurrency=owner_concurrency,
        )
        self._sampler: asyncio.Task[None] | None = None
        self.servicer = JobsServicer(
            self.store, settings, self.signals, on_submit=self.runner.wake, on_cancel=self.runner.cancel_job
        )
        self._started = False

    async def start(self) -> None:
        if self.health is not None:
            await self.health.set(JOBS_SERVICE_NAME, NOT_SERVING)
        await self.store.open()
        self.servicer.ready = True
        await self.runner.start()
        self._sampler = asyncio.create_task(
            self.metrics.sample_every(self.store, self.settings.metrics_seconds), name="jobs-metrics"
        )
        self._started = True
        if self.health is not None:
            await self.health.set(JOBS_SERVICE_NAME, SERVING)

    async def stop_runner(self, grace: float | None = None) -> None:
        """Stop claiming; in-flight documents finish within `grace` or go back to the queue."""
        if self.health is not None:
            await self.health.set(JOBS_SERVICE_NAME, NOT_SERVING)
        if self._started:
            await self.runner.stop(grace)

    async def close(self) -> None:
        self.servicer.ready = False
        if self._sampler is not None:
            self._sampler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sampler
            self._sampler = None
        if self._started:
            await self.store.close()
            self._started = False

    async def stop(self, grace: float | None = None) -> None:
        await self.stop_runner(grace)
        await self.close()


def attach_jobs(
    server: grpc.aio.Server,
    settings: JobsSettings,
    upstream_target: str,
    *,
    health: health_aio.HealthServicer | None = None,
    registry: CollectorRegistry | None = None,
    api_key: str = "",
    owner_concurrency: Callable[[str], Awaitable[int]] | None = None,
) -> JobsHost:
    """Register JobsService on `server` (call before `server.start()`); start the returned host after.
    `api_key`: what the runner presents upstream (the router's internal token when hosted there)."""
    host = JobsHost(
        settings, upstream_target, health=health, registry=registry, api_key=api_key,
        owner_concurrency=owner_concurrency,
    )  # fmt: skip
    jpb_grpc.add_JobsServiceServicer_to_server(host.servicer, server)
    return host


__all__ = ["JOBS_SERVICE_NAME", "JobsHost", "attach_jobs"]

"""The standalone jobs server (`ocrmesh jobs`): JobsService, health and reflection on its own port.

Calls are checked with the router's interceptor (services/auth/grpc_auth.py)
against the keys of the jobs database (off with `--no-auth`, loopback only);
the runner calls the upstream router with OCRMESH_API_KEY, else the local
admin key (`ocrmesh up`'s).

Stop order: health NOT_SERVING -> the runner stops claiming and finishes or
releases its documents -> `server.stop(grace)` (watch streams end) -> the
store closes.
"""

from __future__ import annotations

from collections.abc import Callable
from wsgiref.simple_server import WSGIServer

import grpc
import structlog
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio
from grpc_reflection.v1alpha import reflection
from prometheus_client import CollectorRegistry

from jobs_service.host import NOT_SERVING, SERVING, JobsHost, attach_jobs
from jobs_service.servicer import JOBS_SERVICE_NAME
from jobs_service.settings import JobsSettings
from jobs_service.store.base import JobStore
from jobs_service.store.keys import KeyStore
from ocrmesh_client.auth import resolve_api_key
from services.auth.grpc_auth import AuthInterceptor
from services.auth.keys import Principal
from services.scaffold.metrics import serve_metrics, stop_metrics

log = structlog.get_logger("ocrmesh.jobs")


class StoreKeys:
    """The interceptor's authenticator over the jobs store's keys (the store opens before calls arrive)."""

    def __init__(self, store: Callable[[], JobStore]) -> None:
        self._store = store

    @property
    def keys(self) -> KeyStore:
        return KeyStore(self._store().db)

    async def authenticate(self, key: str) -> Principal | None:
        return await self.keys.authenticate(key)

    async def concurrency_of(self, key_id: str) -> int:
        return await self.keys.concurrency_of(key_id)


class JobsServer:
    def __init__(self, settings: JobsSettings) -> None:
        self.settings = settings
        self.health = health_aio.HealthServicer()
        self.port = 0
        self.metrics_port = 0
        self.registry = CollectorRegistry()
        self.host: JobsHost
        self._server: grpc.aio.Server | None = None
        self._metrics_http: WSGIServer | None = None

    @property
    def target(self) -> str:
        return f"{self.settings.host}:{self.port}"

    async def start(self) -> int:
        s = self.settings
        limit = s.max_message_mb * 1024 * 1024
        keys = StoreKeys(lambda: self.host.store) if s.auth else None
        if keys is None:
            log.warning(
                "authentication_off",
                message="API keys are NOT checked: anyone who reaches this jobs server may use it (loopback only)",
                address=f"{s.host}:{s.port}",
            )
        server = grpc.aio.server(
            options=[
                ("grpc.max_receive_message_length", limit),
                ("grpc.max_send_message_length", limit),
                ("grpc.so_reuseport", 0),
            ],
            interceptors=[AuthInterceptor(keys)],
        )
        # The runner calls the upstream router as the operator configured: OCRMESH_API_KEY or the local key.
        self.host = attach_jobs(
            server, s, s.upstream, health=self.health, registry=self.registry, api_key=resolve_api_key(None),
            owner_concurrency=keys.concurrency_of if keys is not None else None,
        )  # fmt: skip
        health_pb2_grpc.add_HealthServicer_to_server(self.health, server)
        reflection.enable_server_reflection(
            (JOBS_SERVICE_NAME, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME),
            server,
        )
        self.port = server.add_insecure_port(f"{s.host}:{s.port}")
        if self.port == 0:
            raise OSError(f"cannot listen on {s.host}:{s.port} (in use?)")
        await self.health.set("", NOT_SERVING)
        await self.host.start()  # the store is open before the first call is authenticated
        await server.start()
        self._server = server
        await self.health.set("", SERVING)
        if s.metrics_port:
            self._metrics_http = serve_metrics(self.registry, s.host, max(0, s.metrics_port))
            self.metrics_port = self._metrics_http.server_port
        log.info(
            "jobs_server_started",
            address=self.target,
            upstream=s.upstream,
            store=self.host.store.kind,
            metrics_port=self.metrics_port or None,
        )
        return self.port

    async def stop(self, grace: float | None = None) -> None:
        grace = self.settings.grace_seconds if grace is None else grace
        log.info("jobs_server_stopping", grace_seconds=grace)
        await self.health.enter_graceful_shutdown()
        await self.host.stop_runner(grace)
        if self._server is not None:
            await self._server.stop(min(grace, 1.0))
        await self.host.close()
        if self._metrics_http is not None:
            stop_metrics(self._metrics_http)
            self._metrics_http = None
        log.info("jobs_server_stopped")


def run_jobs_server(settings: JobsSettings) -> None:
    import asyncio

    from services.scaffold.logs import configure_logging
    from services.scaffold.server import run_until_signal

    configure_logging(settings.log_level, service="jobs")
    asyncio.run(run_until_signal(JobsServer(settings)))

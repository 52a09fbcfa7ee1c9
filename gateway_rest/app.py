"""The REST facade: FastAPI over the gRPC OcrService (the router, or any backend).

No business logic: requests are checked, forwarded, and results converted.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
import uvicorn
from fastapi import FastAPI

from gateway_rest.auth import ApiKeyMiddleware, caller_key, documented_security
from gateway_rest.console.pages import install_console
from gateway_rest.errors import install_error_handlers
from gateway_rest.health_cache import HealthCache
from gateway_rest.metrics import GatewayMetrics
from gateway_rest.middleware import BodyLimitMiddleware, RequestContextMiddleware
from gateway_rest.routes import benchmark as benchmark_rest
from gateway_rest.routes import caller, compare, health, jobs, metrics, preview, process, suppliers
from gateway_rest.settings import GatewaySettings
from gateway_rest.slow_clients import timed_h11_protocol
from ocrmesh.v1.benchmark_pb2_grpc import BenchmarkServiceStub
from ocrmesh.v1.jobs_pb2_grpc import JobsServiceStub
from ocrmesh.v1.suppliers_pb2_grpc import SuppliersServiceStub
from ocrmesh_client import AsyncOcrClient

log = structlog.get_logger("ocrmesh.gateway")

# Room for the multipart framing and the small form fields besides the file.
MULTIPART_OVERHEAD_BYTES = 256 * 1024


def create_app(settings: GatewaySettings) -> FastAPI:
    gateway_metrics = GatewayMetrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Each call carries the key of the request it serves (never a key of the gateway's own).
        client = AsyncOcrClient(settings.upstream, api_key=caller_key, metadata=_request_id_metadata)
        cache = HealthCache(
            client,
            refresh_seconds=settings.health_refresh_seconds,
            rpc_timeout=settings.health_rpc_timeout,
            stale_seconds=settings.health_stale_seconds,
            metrics=gateway_metrics,
        )
        await cache.refresh()  # bounded by health_rpc_timeout
        cache.start()
        app.state.client = client
        app.state.health = cache
        # The router hosts BenchmarkService on the same channel.
        app.state.benchmark_stub = BenchmarkServiceStub(client.channel)
        app.state.jobs_stub = JobsServiceStub(client.channel)
        app.state.suppliers_stub = SuppliersServiceStub(client.channel)
        log.info("gateway_started", upstream=settings.upstream, upstream_serving=cache.ready)
        try:
            yield
        finally:
            await cache.stop()
            await client.close()
            log.info("gateway_stopped")

    app = FastAPI(
        title="ocrmesh",
        summary="OCR for German business documents",
        version="1.0.0",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.metrics = gateway_metrics
    install_error_handlers(app)
    secured = documented_security() if settings.auth else []
    app.include_router(process.router, dependencies=secured)
    app.include_router(jobs.router, dependencies=secured)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(benchmark_rest.router, dependencies=secured)
    app.include_router(caller.router, dependencies=secured)
    app.include_router(compare.router, dependencies=secured)
    app.include_router(preview.router, dependencies=secured)
    app.include_router(suppliers.router, dependencies=secured)
    install_console(app)
    # Added last = outermost: the request id exists before the body limit answers.
    app.add_middleware(
        BodyLimitMiddleware,
        max_body_bytes=settings.max_upload_bytes + MULTIPART_OVERHEAD_BYTES,
        max_upload_bytes=settings.max_upload_bytes,
        larger_paths={
            "/api/v1/ocr/batch": (settings.max_batch_bytes + MULTIPART_OVERHEAD_BYTES, settings.max_batch_bytes)
        },
    )
    app.add_middleware(ApiKeyMiddleware, required=settings.auth)
    app.add_middleware(RequestContextMiddleware, metrics=gateway_metrics)
    if not settings.auth:
        log.warning(
            "authentication_off",
            message="API keys are NOT required: anyone who reaches this gateway may use it (loopback only)",
        )
    return app


def _request_id_metadata() -> list[tuple[str, str]]:
    """The request id travels to the router, so its audit line joins the gateway's."""
    request_id = structlog.contextvars.get_contextvars().get("request_id")
    return [("x-request-id", request_id)] if request_id else []


def uvicorn_config(settings: GatewaySettings, app: FastAPI | None = None) -> uvicorn.Config:
    """uvicorn serving the gateway, slow clients dropped (`gateway_rest/slow_clients.py`)."""
    return uvicorn.Config(
        app if app is not None else create_app(settings),
        host=settings.host,
        port=settings.port,
        http=timed_h11_protocol(settings.header_timeout, settings.body_idle_timeout),
        timeout_keep_alive=settings.keep_alive_seconds,
        access_log=False,  # RequestContextMiddleware logs every request with its id
        ssl_certfile=str(settings.tls_cert) if settings.tls_cert else None,
        ssl_keyfile=str(settings.tls_key) if settings.tls_key else None,
        log_level=settings.log_level,
        timeout_graceful_shutdown=30,
    )


def run_gateway(settings: GatewaySettings) -> None:
    """Serve the gateway with uvicorn until Ctrl-C."""
    from services.scaffold.logs import configure_logging
    from services.scaffold.parent_watch import watch_parent

    configure_logging(settings.log_level, service="gateway")
    server = uvicorn.Server(uvicorn_config(settings))

    def parent_gone() -> None:  # started by `ocrmesh up`, which has ended: stop like on Ctrl-C
        server.should_exit = True

    watch = watch_parent(parent_gone)
    try:
        server.run()
    finally:
        watch.close()

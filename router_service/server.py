"""Build, start and stop the router server.

Start: health NOT_SERVING, server listening (OcrService, health, reflection,
metrics), health watches on every backend replica; health turns SERVING as
soon as one backend is. Each backend also has its own health service name
(`backend/<name>`), SERVING while one of its replicas is. Stop: health `enter_graceful_shutdown()`, then
`server.stop(grace)`, then the backend channels close.

`run_router(settings)` runs it until SIGINT/SIGTERM; SIGHUP re-reads the
routing rules (they are also re-read when the file's mtime changes).
"""

from __future__ import annotations

import asyncio
import signal
import sys
from typing import TYPE_CHECKING, Protocol

import grpc
import structlog
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio
from grpc_reflection.v1alpha import reflection

from jobs_service.store.keys import KeyStore
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import ocr_pb2_grpc as pb_grpc
from ocrmesh_client.auth import FileKey
from ocrmesh_client.grpc_client import backend_health_service
from router_service.analysis import SupplierLookup, warm_up
from router_service.endpoints import Mesh
from router_service.metrics import RouterMetrics
from router_service.priors import PriorsStore
from router_service.rules import RulesStore
from router_service.servicer import RouterServicer
from router_service.settings import EndpointConfig, RouterSettings
from services.auth.grpc_auth import AuthInterceptor
from services.scaffold.admission import Admission
from services.scaffold.lifecycle import NOT_SERVING, OCR_SERVICE_NAME, SERVING
from services.scaffold.logs import configure_logging
from services.scaffold.server import grpc_server_options, run_until_signal

# Answers (a batch job's results with every page) may be far larger than one document.
ROUTER_SEND_BYTES = 256 * 1024 * 1024

if TYPE_CHECKING:
    from bench_service.runner import BackendAccess
    from jobs_service.store.base import JobStore

log = structlog.get_logger("ocrmesh.router")
ROUTER_SERVICE = "router"


class HostedService(Protocol):
    """A service living in the router process (benchmarks, jobs)."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def _bench_access(config: EndpointConfig) -> BackendAccess:
    """The live benchmark reaches a backend directly as the router does: its key file and TLS."""
    from bench_service.runner import BackendAccess

    return BackendAccess(FileKey(config.api_key_file) if config.api_key_file else "", config.tls)


class RouterServer:
    def __init__(self, settings: RouterSettings) -> None:
        self.settings = settings
        self.metrics = RouterMetrics()
        self.health = health_aio.HealthServicer()
        self.rules = RulesStore(settings.routing_file)
        self.priors = PriorsStore(settings.priors_file)
        self.mesh = Mesh(settings)
        self.port = 0
        self.servicer: RouterServicer
        self._server: grpc.aio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._stopping = False
        # Services hosted beside OcrService (benchmarks, jobs): started after the server, stopped before it.
        self.hosted: list[HostedService] = []
        self.auth: AuthInterceptor
        self._key_db: JobStore | None = None
        self._keys: KeyStore | None = None

    async def start(self) -> int:
        """Listen and start watching backends; returns the bound port."""
        s = self.settings
        warm_up()
        self.servicer = RouterServicer(
            s, self.mesh, self.rules, self.metrics, Admission(s.max_in_flight, s.max_queue),
            SupplierLookup(s.suppliers_dir), self.priors,
        )
        self._seed_latency()
        self._keys = await self._open_keys()
        self.auth = AuthInterceptor(self._keys)
        server = grpc.aio.server(
            options=grpc_server_options(s.intake_limits(), ROUTER_SEND_BYTES), interceptors=[self.auth]
        )
        pb_grpc.add_OcrServiceServicer_to_server(self.servicer, server)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, server)
        self.port = server.add_insecure_port(f"{s.host}:{s.port}")
        if self.port == 0:
            raise OSError(f"cannot listen on {s.host}:{s.port} (in use?)")
        service_names = [OCR_SERVICE_NAME, self._attach_suppliers(server)]
        if s.benchmarks:
            service_names.append(self._attach_benchmarks(server))
        if s.jobs:
            service_names.append(self._attach_jobs(server))
        reflection.enable_server_reflection(
            (*service_names, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME),
            server,
        )
        await self._publish_health()
        await server.start()
        self._server = server
        for hosted in self.hosted:
            await hosted.start()
        self.mesh.add_listener(self._health_changed)
        self.mesh.start()
        self.metrics.publish_health(self.mesh)
        if self.servicer.dispatcher.vram is not None:
            self.metrics.publish_vram_budgets(self.servicer.dispatcher.vram)
        self._spawn(self._watch_rules())
        if s.metrics_port:
            self.metrics.serve_http(s.host, max(0, s.metrics_port))
        log.info(
            "router_started",
            address=f"{s.host}:{self.port}",
            backends={name: [r.address for r in b.replicas] for name, b in self.mesh.backends.items()},
            rules=self.rules.source,
            metrics_port=self.metrics.http_port or None,
        )
        return self.port

    async def _open_keys(self) -> KeyStore | None:
        """The API keys (the jobs database); None when authentication is off."""
        if not self.settings.auth:
            log.warning(
                "authentication_off",
                message="API keys are NOT checked: anyone who reaches this router may use it (loopback only)",
                address=f"{self.settings.host}:{self.settings.port}",
            )
            return None
        from jobs_service.settings import JobsSettings
        from jobs_service.store import create_store

        self._key_db = create_store(JobsSettings())
        await self._key_db.open()
        return KeyStore(self._key_db.db)  # type: ignore[attr-defined]

    def _attach_benchmarks(self, server: grpc.aio.Server) -> str:
        """BenchmarkService in this process, measuring through this router; returns its service name."""
        from bench_service.host import attach_benchmark
        from bench_service.servicer import BENCHMARK_SERVICE_NAME
        from bench_service.settings import BenchSettings
        from router_service.document_facts import inspect_document

        backends = {name: b.replicas[0].address for name, b in self.mesh.backends.items()}
        # Direct calls (cold start, memory, direct mode) go with each backend's own key and TLS, as the router's.
        access = {name: _bench_access(b.replicas[0].config) for name, b in self.mesh.backends.items()}
        settings = BenchSettings(backends=backends, router_address=f"127.0.0.1:{self.port}")
        self.hosted.append(
            attach_benchmark(
                server, settings, inspect=inspect_document, api_key=self.auth.internal_token, backend_access=access
            )
        )
        return BENCHMARK_SERVICE_NAME

    def _attach_suppliers(self, server: grpc.aio.Server) -> str:
        """SuppliersService: the registry the router reads is the one it learns into."""
        from ocrmesh.v1.suppliers_pb2_grpc import add_SuppliersServiceServicer_to_server
        from router_service.suppliers_servicer import SUPPLIERS_SERVICE_NAME, SuppliersServicer

        add_SuppliersServiceServicer_to_server(SuppliersServicer(self.settings.suppliers_dir), server)
        return SUPPLIERS_SERVICE_NAME

    def _attach_jobs(self, server: grpc.aio.Server) -> str:
        """JobsService in this process; its runner sends documents through this router."""
        from jobs_service.host import JOBS_SERVICE_NAME, attach_jobs
        from jobs_service.settings import JobsSettings

        upstream = f"127.0.0.1:{self.port}"
        registry = self.metrics.registry
        host = attach_jobs(
            server, JobsSettings(), upstream, health=self.health, registry=registry, api_key=self.auth.internal_token,
            owner_concurrency=self._keys.concurrency_of if self._keys is not None else None,
        )  # fmt: skip
        self.hosted.append(host)
        return JOBS_SERVICE_NAME

    def _spawn(self, coro: object) -> None:
        task = asyncio.get_running_loop().create_task(coro)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _health_changed(self) -> None:
        self.metrics.publish_health(self.mesh)
        if not self._stopping:
            self._spawn(self._publish_health())

    async def _publish_health(self) -> None:
        status = SERVING if self.mesh.any_serving and not self._stopping else NOT_SERVING
        for name in ("", OCR_SERVICE_NAME):
            await self.health.set(name, status)
        for name, backend in self.mesh.backends.items():
            serving = backend.serving and not self._stopping
            await self.health.set(backend_health_service(name), SERVING if serving else NOT_SERVING)

    def reload_rules(self, *, force: bool = False) -> bool:
        """Re-read the routing file (SIGHUP forces it); an invalid file keeps the rules in force."""
        before = self.rules.last_error
        loaded = self.rules.reload(force=force)
        if loaded:
            self.metrics.reloads.labels("ok").inc()
        elif self.rules.last_error and (force or self.rules.last_error != before):
            self.metrics.reloads.labels("error").inc()
        return loaded

    async def _watch_rules(self) -> None:
        while True:
            await asyncio.sleep(self.settings.reload_seconds)
            self.reload_rules()
            if self.priors.reload():
                self._seed_latency()

    def _seed_latency(self) -> None:
        for replica in self.mesh.replicas():
            measured = self.priors.seconds_per_page(replica.name)
            if measured:
                replica.seed_latency(measured)

    async def wait_for_backends(self, timeout: float = 5.0) -> None:
        await self.mesh.wait_until_settled(timeout)

    async def stop(self, grace: float | None = None) -> None:
        grace = self.settings.grace_seconds if grace is None else grace
        log.info("router_stopping", grace_seconds=grace)
        self._stopping = True
        await self.health.enter_graceful_shutdown()
        for hosted in reversed(self.hosted):
            await hosted.stop()
        if self._server is not None:
            await self._server.stop(grace)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.mesh.close()
        if self._key_db is not None:
            await self._key_db.close()
        self.metrics.close()
        log.info("router_stopped")

    async def wait_for_termination(self) -> None:
        assert self._server is not None
        await self._server.wait_for_termination()


async def serve_router(settings: RouterSettings) -> None:
    """Serve until SIGINT/SIGTERM; SIGHUP reloads the routing rules."""
    server = RouterServer(settings)
    if sys.platform != "win32":
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, lambda: server.reload_rules(force=True))
    await run_until_signal(server)


def run_router(settings: RouterSettings) -> None:
    """Entry point: configure logs and run the router in this process until a signal stops it."""
    configure_logging(settings.log_level, service=ROUTER_SERVICE)
    asyncio.run(serve_router(settings))


async def measure_overhead(
    server: RouterServer, content: bytes, repeats: int = 20, **request_fields: object
) -> dict[str, float]:
    """Benchmark hook: seconds the router spends per document before any backend call.

    Runs open + analysis + planning (what every Process call pays on top of the
    backends) `repeats` times on `content`; returns min/median/max and per-page
    figures. The server must be started (its backends' health is used by the planner).
    """
    import statistics
    import time

    request = pb.ProcessRequest(document=pb.Document(content=content), **request_fields)  # type: ignore[arg-type]
    samples: list[float] = []
    analysis_pages = 0
    for _ in range(repeats):
        begin = time.perf_counter()
        analysis, _plan, _id, _mime = await server.servicer.analyse_and_plan(request)
        samples.append(time.perf_counter() - begin)
        analysis_pages = max(1, len(analysis.pages))
    median = statistics.median(samples)
    return {
        "min_seconds": min(samples),
        "median_seconds": median,
        "max_seconds": max(samples),
        "median_seconds_per_page": median / analysis_pages,
        "pages": float(analysis_pages),
    }

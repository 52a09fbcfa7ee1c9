"""Fixtures shared by the whole suite: the dataset, real servers on loopback."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from bench_service.datasets import ZUGFERD_AWV

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# Every router started by a test hosts jobs and benchmarks: keep their state out of the
# repository's data/ (and away from a developer's own runs) in one throwaway directory.
_STATE = Path(tempfile.mkdtemp(prefix="ocrmesh-test-state-"))
# Gone with the test run, or every `make test` would leave one behind in the temp directory.
atexit.register(shutil.rmtree, _STATE, ignore_errors=True)
os.environ.setdefault("OCRMESH_JOBS_DATA_DIR", str(_STATE / "jobs"))
os.environ.setdefault("OCRMESH_BENCH_DATA_DIR", str(_STATE / "benchmarks"))
os.environ.setdefault("OCRMESH_ROUTER_PRIORS_FILE", str(_STATE / "benchmarks" / "latest-priors.json"))
# Routers learn suppliers (POST /api/v1/suppliers/learn, Schemathesis included): into a copy of the
# repository's registry, never into config/suppliers itself.
if "OCRMESH_ROUTER_SUPPLIERS_DIR" not in os.environ:
    shutil.copytree(Path(__file__).resolve().parents[1] / "config" / "suppliers", _STATE / "suppliers")
    os.environ["OCRMESH_ROUTER_SUPPLIERS_DIR"] = str(_STATE / "suppliers")
# Processes a test starts find the client library (clients/python) even before `make setup` installed it.
_CLIENT_SRC = str(Path(__file__).resolve().parents[1] / "clients" / "python")
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_CLIENT_SRC, os.environ.get("PYTHONPATH", "")) if p)

import asyncio
import inspect
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from clients.processes import stop_processes
from ocrmesh_client import AsyncOcrClient, OcrClient
from services.invoice.pipeline import build_invoice
from services.registry import create_engine
from services.scaffold.engine import Engine
from services.scaffold.ports import free_port
from services.scaffold.server import BackendServer
from services.scaffold.settings import ServerSettings

REPO = Path(__file__).resolve().parents[1]
DATASET = ZUGFERD_AWV
# How long a test waits for something that must happen (a server up, a page done, a cancel seen).
# Generous on purpose: a test asserts that it happens, never how fast (speed is for benchmarks/),
# and the suite must pass on a machine whose CPUs are saturated (docs/TESTING.md).
PATIENCE = 60.0
# What `ocrmesh up` prints once every server it started is healthy: a user sends documents after it. The
# gateway answers /health/ready before that (its router is up while an engine may still be starting).
UP_BANNER = "Ctrl-C stops everything"


@pytest.fixture(scope="session")
def dataset_dir() -> Path:
    if not DATASET.is_dir():
        pytest.fail(f"dataset missing: {DATASET} (it ships with the repository under datasets/)")
    return DATASET


@pytest.fixture(scope="session")
def einfach_pdf(dataset_dir: Path) -> bytes:
    return (dataset_dir / "EN16931_zugferd_2p0_EN16931_Einfach.pdf").read_bytes()


@asynccontextmanager
async def running_backend(
    engine: Engine | str, *, engine_settings: dict[str, Any] | None = None, wait: bool = True, **settings: Any
) -> AsyncIterator[BackendServer]:
    """A backend server in this process on a free loopback port, stopped afterwards."""
    if isinstance(engine, str):
        engine = create_engine(engine, engine_settings or {})
    defaults: dict[str, Any] = {"backend": engine.info.name, "port": 0, "grace_seconds": 0.5}
    server = BackendServer(engine, ServerSettings(**{**defaults, **settings}), fields=build_invoice)
    await server.start()
    try:
        if wait:
            await server.wait_ready(timeout=PATIENCE)
        yield server
    finally:
        await server.stop(grace=0.5)


class RunningServer:
    def __init__(self, server: BackendServer) -> None:
        self.server = server
        self.target = f"127.0.0.1:{server.port}"
        self.client = AsyncOcrClient(self.target)


StartServer = Callable[..., Any]


@pytest_asyncio.fixture
async def start_server() -> AsyncIterator[StartServer]:
    """Start in-process backend servers on free loopback ports; all stop at teardown."""
    async with AsyncExitStack() as stack:

        async def start(engine: Engine | str, *, wait: bool = True, **settings: Any) -> RunningServer:
            server = await stack.enter_async_context(running_backend(engine, wait=wait, **settings))
            handle = RunningServer(server)
            stack.push_async_callback(handle.client.close)
            return handle

        yield start


@pytest_asyncio.fixture(scope="session")
async def pdftext_server() -> AsyncIterator[RunningServer]:
    async with running_backend("pdftext") as server:
        handle = RunningServer(server)
        yield handle
        await handle.client.close()


@pytest_asyncio.fixture(scope="session")
async def tesseract_server() -> AsyncIterator[RunningServer]:
    async with running_backend("tesseract", workers=2, metrics_port=-1) as server:
        handle = RunningServer(server)
        yield handle
        await handle.client.close()


def spawn_backend(backend: str, port: int, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A backend as its own process, as in production (`ocrmesh serve`)."""
    return subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "serve", backend, "--port", str(port), *extra],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def backend_process() -> Iterator[Callable[..., tuple[subprocess.Popen[bytes], str]]]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(backend: str, *extra: str, timeout: float = 60.0) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        proc = spawn_backend(backend, port, *extra)
        procs.append(proc)
        target = f"127.0.0.1:{port}"
        with OcrClient(target) as client:
            try:
                client.wait_for_serving(timeout=timeout)
            except TimeoutError:
                proc.kill()
                raise
        return proc, target

    yield start
    stop_processes(procs)
    for proc in procs:
        if proc.stderr:
            proc.stderr.close()


def wait_until(predicate: Callable[[], bool], timeout: float = PATIENCE, interval: float = 0.05) -> bool:
    """Poll `predicate` until it holds or `timeout` passes; its last value (blocking: for sync tests)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


async def eventually(
    predicate: Callable[[], bool | Awaitable[bool]], timeout: float = PATIENCE, interval: float = 0.05
) -> bool:
    """`wait_until` for async tests: polls without blocking the event loop the servers run on."""

    async def holds() -> bool:
        value = predicate()
        return bool(await value) if inspect.isawaitable(value) else bool(value)

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await holds():
            return True
        await asyncio.sleep(interval)
    return await holds()


@pytest.fixture(params=["pdftext", "tesseract"])
def each_backend(
    request: pytest.FixtureRequest, pdftext_server: RunningServer, tesseract_server: RunningServer
) -> RunningServer:
    """Each backend engine that runs on this machine, in turn."""
    return {"pdftext": pdftext_server, "tesseract": tesseract_server}[request.param]

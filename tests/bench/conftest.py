"""Fixtures of the benchmark tests: a small datasets root, BenchmarkService on loopback."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
import pytest_asyncio

from bench_service.host import BenchmarkHost, attach_benchmark
from bench_service.settings import BenchSettings
from ocrmesh.v1 import benchmark_pb2_grpc as bpb_grpc
from router_service.document_facts import inspect_document
from tests.conftest import RunningServer

# Three short born-digital invoices (1 + 2 + 2 pages) whose text-path fields are all exact.
MINI = (
    "MINIMUM_zugferd_2p0_MINIMUM",
    "BASIC_zugferd_2p0_BASIC_Einfach",
    "BASIC_zugferd_2p0_BASIC_Taxifahrt",
)


@pytest.fixture(scope="module")
def bench_root(tmp_path_factory: pytest.TempPathFactory, dataset_dir: Path) -> Path:
    """<root>/datasets/mini with the three invoices and their truth; <root>/data for runs."""
    root = tmp_path_factory.mktemp("bench")
    mini = root / "datasets" / "mini"
    mini.mkdir(parents=True)
    for stem in MINI:
        for suffix in (".pdf", ".truth.json"):
            shutil.copyfile(dataset_dir / f"{stem}{suffix}", mini / f"{stem}{suffix}")
    return root


@dataclass
class BenchService:
    host: BenchmarkHost
    stub: bpb_grpc.BenchmarkServiceStub
    settings: BenchSettings
    target: str


@pytest_asyncio.fixture(scope="module")
async def bench_service(
    bench_root: Path, pdftext_server: RunningServer, tesseract_server: RunningServer
) -> AsyncIterator[BenchService]:
    """BenchmarkService attached to a grpc.aio server on loopback, as the router would host it."""
    settings = BenchSettings(
        datasets_root=bench_root / "datasets",
        data_dir=bench_root / "data",
        backends={"pdftext": pdftext_server.target, "tesseract": tesseract_server.target},
        sample_seconds=0.2,
    )
    server = grpc.aio.server()
    host = attach_benchmark(server, settings, inspect=inspect_document)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    await host.start()
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{port}")
    yield BenchService(host, bpb_grpc.BenchmarkServiceStub(channel), settings, f"127.0.0.1:{port}")
    await channel.close()
    await host.stop()
    await server.stop(0.5)

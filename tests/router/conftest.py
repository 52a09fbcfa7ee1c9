"""Fixtures of the router tests: real backends on loopback, documents made with PyMuPDF."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import pymupdf
import pytest

from bench_service.datasets import ZUGFERD_AWV
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import AsyncOcrClient
from router_service.server import RouterServer
from router_service.settings import DEFAULT_ROUTING_FILE, EndpointConfig, RouterSettings
from services.scaffold.ports import free_port
from services.scaffold.server import BackendServer
from tests.conftest import PATIENCE, eventually, running_backend

DATASET = ZUGFERD_AWV
REPO = Path(__file__).parents[2]
INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"  # 2 born-digital pages, embedded XML
ONE_PAGE_INVOICE = DATASET / "MINIMUM_zugferd_2p0_MINIMUM.pdf"
# Pages are rendered at this resolution by the OCR backend in tests (fast, still legible).
TEST_DPI = 150


def scan_of(source: Path, pages: list[int], dpi: int = TEST_DPI) -> bytes:
    """An image-only PDF (no text layer): `pages` (0-based) of `source` rendered and re-inserted as JPEG."""
    src = pymupdf.open(source)
    out = pymupdf.open()
    for index in pages:
        page = src[index]
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=pix.tobytes("jpg", jpg_quality=85))
    return out.tobytes()


def mixed_pdf(source: Path) -> bytes:
    """Page 1 born digital, page 2 a scan (image only), page 3 born digital."""
    src = pymupdf.open(source)
    scan = pymupdf.open(stream=scan_of(source, [0]))
    out = pymupdf.open()
    out.insert_pdf(src, from_page=0, to_page=0)
    out.insert_pdf(scan)
    out.insert_pdf(src, from_page=1, to_page=1)
    return out.tobytes()


def request(content: bytes, **fields: object) -> pb.ProcessRequest:
    options = fields.pop("options", None) or pb.ProcessOptions(dpi=TEST_DPI)
    return pb.ProcessRequest(document=pb.Document(content=content), options=options, **fields)  # type: ignore[arg-type]


@asynccontextmanager
async def backend_server(
    name: str = "tesseract", engine: dict | None = None, **settings: object
) -> AsyncIterator[BackendServer]:
    async with running_backend(name, engine_settings=engine, workers=1, **settings) as server:
        yield server


@dataclass
class Backends:
    pdftext: BackendServer
    tesseract: BackendServer

    def endpoints(self) -> list[EndpointConfig]:
        return [
            EndpointConfig(name="pdftext", address=f"127.0.0.1:{self.pdftext.port}"),
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{self.tesseract.port}"),
        ]


@pytest.fixture(scope="session")
async def backends() -> AsyncIterator[Backends]:
    async with backend_server("pdftext") as pdftext, backend_server("tesseract") as tesseract:
        yield Backends(pdftext, tesseract)


@asynccontextmanager
async def running_router(
    endpoints: list[EndpointConfig],
    rules_file: Path = DEFAULT_ROUTING_FILE,
    *,
    settle: bool = True,
    **settings: object,
) -> AsyncIterator[tuple[RouterServer, AsyncOcrClient]]:
    router = RouterServer(
        # Authentication off unless a test asks for it (loopback only; tests/test_auth.py tests keys).
        RouterSettings(
            port=0,
            backends=endpoints,
            routing_file=rules_file,
            reload_seconds=0.2,
            **{"auth": False, **settings},  # type: ignore[arg-type]
        )
    )
    port = await router.start()
    client = AsyncOcrClient(f"127.0.0.1:{port}")
    try:
        if settle:
            await router.wait_for_backends(PATIENCE)  # returns as soon as every replica is SERVING
        yield router, client
    finally:
        await client.close()
        await router.stop(0)


@asynccontextmanager
async def subprocess_backend(
    name: str = "tesseract", workers: int = 1
) -> AsyncIterator[tuple[subprocess.Popen, int]]:
    """A backend as its own process (`ocrmesh serve`), to be killed by a test."""
    port = free_port()
    exe = Path(sys.executable).parent / "ocrmesh"
    env = {**os.environ, "OCRMESH_WORKERS": str(workers)}
    proc = subprocess.Popen(
        [str(exe), "serve", name, "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        async with AsyncOcrClient(f"127.0.0.1:{port}") as client:

            async def serving() -> bool:
                try:
                    return await client.health(timeout=5) == 1  # SERVING
                except grpc.aio.AioRpcError:
                    return False  # not listening yet

            if not await eventually(serving, interval=0.1):
                raise TimeoutError(f"ocrmesh serve {name} did not start")
        yield proc, port
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)

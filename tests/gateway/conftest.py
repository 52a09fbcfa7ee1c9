"""Real backend servers on loopback and the gateway in front of them (no gRPC mocks)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pymupdf
import pytest

from bench_service.datasets import ZUGFERD_AWV
from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from router_service.server import RouterServer
from router_service.settings import EndpointConfig, RouterSettings
from tests.conftest import PATIENCE, running_backend

DATASET = ZUGFERD_AWV


@asynccontextmanager
async def backend(name: str, **settings: Any) -> AsyncIterator[int]:
    async with running_backend(name, **settings) as server:
        yield server.port


@pytest.fixture(scope="session")
async def pdftext_port() -> AsyncIterator[int]:
    async with backend("pdftext") as port:
        yield port


@pytest.fixture(scope="session")
async def tesseract_port() -> AsyncIterator[int]:
    async with backend("tesseract", workers=2) as port:
        yield port


@asynccontextmanager
async def gateway(upstream_port: int, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan running, and an httpx client talking ASGI to it."""
    # A generous RPC timeout: a busy machine must not make a healthy upstream look late.
    # Authentication off unless a test asks for it (in front of a backend, which checks no keys).
    values: dict[str, Any] = {
        "health_refresh_seconds": 0.1,
        "health_rpc_timeout": 10.0,
        "auth": False,
        **settings,
    }
    app = create_app(GatewaySettings(upstream=f"127.0.0.1:{upstream_port}", **values))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=120) as client:
            yield client


@asynccontextmanager
async def running_router(pdftext_port: int, tesseract_port: int, *, auth: bool) -> AsyncIterator[int]:
    """The real router (hosting jobs and benchmarks) in front of pdftext and tesseract; yields its port."""
    router = RouterServer(
        RouterSettings(
            port=0,
            auth=auth,
            status_poll_seconds=0.2,
            backends=[
                EndpointConfig(name="pdftext", address=f"127.0.0.1:{pdftext_port}"),
                EndpointConfig(name="tesseract", address=f"127.0.0.1:{tesseract_port}"),
            ],
        )
    )
    port = await router.start()
    try:
        await router.wait_for_backends(PATIENCE)
        yield port
    finally:
        await router.stop(0)


@pytest.fixture
async def pdftext_gateway(pdftext_port: int) -> AsyncIterator[httpx.AsyncClient]:
    async with gateway(pdftext_port) as client:
        yield client


@pytest.fixture
async def tesseract_gateway(tesseract_port: int) -> AsyncIterator[httpx.AsyncClient]:
    async with gateway(tesseract_port) as client:
        yield client


def image_only_pdf(source: Path, pages: int = 1, dpi: int = 200) -> bytes:
    """Render the first `pages` pages of `source` into a PDF of page images (a 'scan')."""
    with pymupdf.open(source) as doc, pymupdf.open() as out:
        for index in range(min(pages, doc.page_count)):
            page = doc[index]
            pix = page.get_pixmap(dpi=dpi)
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(target.rect, stream=pix.tobytes("jpeg", jpg_quality=85))
        return out.tobytes()

"""Truthful health through the router: every backend as it is, readiness only with a serving upstream."""

from __future__ import annotations

from contextlib import AsyncExitStack

import httpx

from router_service.settings import EndpointConfig
from services.scaffold.ports import free_port
from tests.conftest import eventually
from tests.gateway.conftest import gateway
from tests.router.conftest import backend_server, running_router

HEALTH = "/api/v1/health"


async def report(client: httpx.AsyncClient) -> dict:
    response = await client.get(HEALTH)
    assert response.status_code == 200
    return response.json()


async def test_a_stopped_backend_makes_health_degraded_and_is_named() -> None:
    async with backend_server("pdftext") as pdftext, AsyncExitStack() as tesseract_running:
        tesseract = await tesseract_running.enter_async_context(backend_server("tesseract"))
        endpoints = [
            EndpointConfig(name="pdftext", address=f"127.0.0.1:{pdftext.port}"),
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{tesseract.port}"),
        ]
        async with running_router(endpoints) as (router, _), gateway(router.port) as client:
            assert await eventually(lambda: _status(client, "healthy")), await report(client)
            await tesseract_running.aclose()  # the real server stops: its port closes
            assert await eventually(lambda: _status(client, "degraded")), await report(client)
            health = await report(client)
            by_name = {b["name"]: b for b in health["backends"]}
            assert by_name["tesseract"]["serving"] is False
            assert by_name["tesseract"]["status"] == "not_serving"
            assert "not serving" in by_name["tesseract"]["error"]
            assert by_name["pdftext"]["serving"] is True and by_name["pdftext"]["status"] == "ready"
            assert (await client.get(f"{HEALTH}/ready")).status_code == 200  # pdftext still serves


async def _status(client: httpx.AsyncClient, expected: str) -> bool:
    return (await report(client))["status"] == expected


async def test_ready_is_503_until_the_upstream_serves() -> None:
    port = free_port()
    async with gateway(port) as client:
        ready = await client.get(f"{HEALTH}/ready")
        assert ready.status_code == 503 and ready.json()["status"] == "not_ready"
        assert (await report(client))["status"] == "unavailable"
        async with backend_server("pdftext", port=port):
            assert await eventually(lambda: _ready(client)), await report(client)
            assert (await report(client))["status"] == "healthy"


async def _ready(client: httpx.AsyncClient) -> bool:
    return (await client.get(f"{HEALTH}/ready")).status_code == 200

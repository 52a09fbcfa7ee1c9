"""Slow clients (slowloris) are dropped by the gateway served as in production (uvicorn on a real socket)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn

from gateway_rest.app import uvicorn_config
from gateway_rest.settings import GatewaySettings
from services.scaffold.ports import free_port
from tests.conftest import PATIENCE, eventually

HEAD = b"POST /api/v1/ocr/process HTTP/1.1\r\nHost: gateway\r\n"


@pytest.fixture
async def gateway_port() -> AsyncIterator[int]:
    settings = GatewaySettings(
        upstream=f"127.0.0.1:{free_port()}",  # nothing listens: these tests never reach the upstream
        port=free_port(),
        header_timeout=0.5,
        body_idle_timeout=0.5,
        health_refresh_seconds=60,
    )
    server = uvicorn.Server(uvicorn_config(settings))
    task = asyncio.create_task(server.serve())
    assert await eventually(lambda: server.started or task.done()), "uvicorn did not start"
    assert server.started, task
    try:
        yield settings.port
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, PATIENCE)


async def dropped(port: int, *parts: bytes) -> bool:
    """Send `parts`, then nothing: whether the server closes the connection (within PATIENCE)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for part in parts:
            writer.write(part)
            await writer.drain()
        try:
            return await asyncio.wait_for(reader.read(), PATIENCE) is not None  # read() returns at EOF
        except TimeoutError:
            return False
    finally:
        writer.close()


async def test_headers_sent_too_slowly_are_dropped(gateway_port: int) -> None:
    assert await dropped(gateway_port, HEAD[:20])
    assert await dropped(gateway_port)  # connected, never sent a byte


async def test_a_body_that_stalls_is_dropped(gateway_port: int) -> None:
    head = HEAD + b"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n"
    assert await dropped(gateway_port, head, b"--b\r\n")


async def test_many_slow_clients_are_dropped_and_others_still_served(gateway_port: int) -> None:
    slow = [asyncio.create_task(dropped(gateway_port, HEAD[:10])) for _ in range(200)]
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{gateway_port}", timeout=PATIENCE) as client:
        assert (await client.get("/api/v1/health/live")).status_code == 200
    assert all(await asyncio.gather(*slow))

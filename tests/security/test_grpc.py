"""Hostile input over gRPC: message size limits on the router and a backend, bombs refused before work,
and work stopped when its caller leaves."""

from __future__ import annotations

import asyncio
import time

import grpc
import httpx
import psutil
import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import AsyncOcrClient, build_request
from services.intake.limits import IntakeLimits
from tests.conftest import PATIENCE, eventually
from tests.security.conftest import RSS_LIMIT, RunningMesh
from tests.security.hostile import (
    flate_content_bomb,
    huge_image_xobject,
    many_pages,
    multi_frame_tiff,
    page_box,
)

MB = 1024 * 1024


def over_the_limit() -> bytes:
    """60 MB: more than one upload's worth (50 MB by default) but less than gRPC's old 256 MB limit."""
    assert IntakeLimits().max_message_bytes < 60 * MB
    return b"%PDF-1.7\n" + b"0" * (60 * MB)


@pytest.mark.parametrize("target", ["router", "pdftext"])
async def test_a_60_mb_message_is_refused(mesh: RunningMesh, target: str) -> None:
    async with AsyncOcrClient(mesh.address(target), api_key=mesh.key) as client:
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await client.process(build_request(over_the_limit(), filename="big.pdf"), timeout=PATIENCE)
        assert err.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED, err.value
        assert "larger than max" in (err.value.details() or "")
        assert await client.health(timeout=PATIENCE) == 1  # still SERVING


@pytest.mark.parametrize(
    ("name", "content", "pattern"),
    [
        ("20000 pt page", page_box(20000, 20000), "too large"),
        ("501 pages", many_pages(501), "limit is 500"),
        ("image 100000 x 100000 px", huge_image_xobject(100_000, 100_000), "embeds an image"),
        ("flate bomb", flate_content_bomb(128 * MB), "decompression bomb"),
        ("501 frames", multi_frame_tiff(501), "limit is 500"),
    ],
)
async def test_bombs_are_invalid_argument_on_the_router(
    mesh: RunningMesh, name: str, content: bytes, pattern: str
) -> None:
    mesh.memory.reset()
    async with AsyncOcrClient(mesh.router, api_key=mesh.key) as client:
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await client.process(build_request(content), timeout=4 * PATIENCE)
    mesh.memory.sample()
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT, (name, err.value)
    assert pattern in (err.value.details() or ""), (name, err.value.details())
    assert max(mesh.memory.peaks.values()) < RSS_LIMIT, mesh.memory.peaks


@pytest.mark.parametrize(
    ("options", "pattern"),
    [
        (pb.ProcessOptions(first_page=-1), "first_page"),
        (pb.ProcessOptions(last_page=-5), "last_page"),
        (pb.ProcessOptions(first_page=3, last_page=2), "after last_page"),
        (pb.ProcessOptions(dpi=-300), "dpi"),
    ],
)
async def test_page_ranges_are_invalid_argument_on_the_router(
    mesh: RunningMesh, einfach_pdf: bytes, options: pb.ProcessOptions, pattern: str
) -> None:
    async with AsyncOcrClient(mesh.router, api_key=mesh.key) as client:
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await client.process(build_request(einfach_pdf, options=options), timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT, err.value
    assert pattern in (err.value.details() or ""), err.value.details()


async def test_pages_past_the_end_are_out_of_range_on_the_router(mesh: RunningMesh, einfach_pdf: bytes) -> None:
    options = pb.ProcessOptions(first_page=2**31 - 1)
    async with AsyncOcrClient(mesh.router, api_key=mesh.key) as client:
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await client.process(build_request(einfach_pdf, options=options), timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.OUT_OF_RANGE, err.value
    assert "beyond" in (err.value.details() or ""), err.value.details()


async def becomes_idle(process: psutil.Process, *, window: float = 1.0, busy_share: float = 0.1) -> bool:
    """Whether `process` uses less than `busy_share` of a CPU over a `window` within PATIENCE."""

    async def idle() -> bool:
        before = sum(process.cpu_times()[:2])
        await asyncio.sleep(window)
        return sum(process.cpu_times()[:2]) - before < busy_share * window

    return await eventually(idle, timeout=PATIENCE, interval=0)


async def busy(process: psutil.Process) -> bool:
    before = sum(process.cpu_times()[:2])
    await asyncio.sleep(0.5)
    return sum(process.cpu_times()[:2]) - before > 0.1


def frames_500() -> bytes:
    return multi_frame_tiff(500, size=(1240, 1754))


async def test_a_500_frame_tiff_stops_when_the_grpc_caller_cancels(mesh: RunningMesh) -> None:
    router = mesh.process("router")
    tiff = frames_500()
    async with AsyncOcrClient(mesh.router, api_key=mesh.key) as client:
        call = asyncio.create_task(
            client.process(build_request(tiff, filename="x.tif"), timeout=4 * PATIENCE)
        )
        assert await eventually(lambda: busy(router), interval=0), "the router never started on the TIFF"
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
    assert await becomes_idle(router), "the router kept working after its caller cancelled"
    assert await becomes_idle(mesh.process("tesseract"))


async def test_a_500_frame_tiff_stops_when_the_http_client_disconnects(mesh: RunningMesh) -> None:
    router = mesh.process("router")
    tiff = frames_500()

    async def post() -> httpx.Response:
        async with httpx.AsyncClient(base_url=mesh.gateway, timeout=4 * PATIENCE, headers=mesh.auth) as client:
            return await client.post("/api/v1/ocr/process", files={"file": ("x.tif", tiff, "image/tiff")})

    request = asyncio.create_task(post())
    assert await eventually(lambda: busy(router), interval=0), "the router never started on the TIFF"
    request.cancel()  # closes the connection: the gateway sees the client leave
    with pytest.raises(asyncio.CancelledError):
        await request
    started = time.monotonic()
    assert await becomes_idle(router), (
        f"the router kept working {time.monotonic() - started:.0f} s after the client left"
    )
    assert await becomes_idle(mesh.process("tesseract"))

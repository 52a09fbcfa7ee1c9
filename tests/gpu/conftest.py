"""Fixtures of the GPU backend tests: tiny models on disk, servers that load them lazily.

Each worker process imports torch (several seconds), so the servers are
module-scoped and the tests within a module share one worker where they can.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from services.gotocr.engine import GotOcrEngine, GotOcrSettings
from services.gotocr.models import GOT_OCR
from services.invoice.pipeline import build_invoice
from services.janus.engine import JanusEngine, JanusSettings
from services.janus.models import JANUS_PRO_7B
from services.scaffold.server import BackendServer
from services.scaffold.settings import ServerSettings
from tests.conftest import RunningServer
from tests.gpu.tiny_models import build_tiny_got, build_tiny_janus


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("models")
    build_tiny_got(GOT_OCR.local_dir(root))
    build_tiny_janus(JANUS_PRO_7B.local_dir(root))
    yield root


async def start_gpu_server(engine: Any, **settings: Any) -> RunningServer:
    s = ServerSettings(backend=engine.info.name, port=0, grace_seconds=0.5, load_on_start=False, **settings)
    server = BackendServer(engine, s, fields=build_invoice)
    await server.start()
    return RunningServer(server)


async def stop_gpu_server(handle: RunningServer) -> None:
    await handle.client.close()
    await handle.server.stop(grace=0.5)


def got_engine(models_dir: Path, **overrides: Any) -> GotOcrEngine:
    settings = dict(models_dir=str(models_dir), device="cpu", max_new_tokens=40, batch_wait_ms=50, input_size=256)
    return GotOcrEngine(GotOcrSettings(**{**settings, **overrides}))


def janus_engine(models_dir: Path, **overrides: Any) -> JanusEngine:
    settings = dict(models_dir=str(models_dir), device="cpu", max_new_tokens=40, max_field_tokens=40)
    return JanusEngine(JanusSettings(**{**settings, **overrides}))


@pytest_asyncio.fixture(scope="module")
async def got_server(tiny_models_dir: Path) -> AsyncIterator[RunningServer]:
    handle = await start_gpu_server(got_engine(tiny_models_dir), workers=4)
    yield handle
    await stop_gpu_server(handle)


@pytest_asyncio.fixture(scope="module")
async def janus_server(tiny_models_dir: Path) -> AsyncIterator[RunningServer]:
    handle = await start_gpu_server(janus_engine(tiny_models_dir), workers=2)
    yield handle
    await stop_gpu_server(handle)

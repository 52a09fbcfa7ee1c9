"""Schemathesis with every check against a running gateway: the OpenAPI says exactly what the server does.

A real mesh on loopback (pdftext and tesseract backends, the router with its jobs and benchmark
services, keys on) and the gateway served by uvicorn; `st run --checks all` reads the gateway's
own `/openapi.json` and sends 30 generated requests per route (`tests/gateway/schemathesis.toml`)
with an admin key. Any undocumented status, a schema looser or stricter than the server, a
response that does not match its schema, a 405 without a matching `Allow` or a server error fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import uvicorn

from gateway_rest.app import create_app, uvicorn_config
from gateway_rest.settings import GatewaySettings
from jobs_service.settings import JobsSettings
from jobs_service.store import create_store
from jobs_service.store.keys import KeyStore
from services.scaffold.ports import free_port
from tests.conftest import PATIENCE, eventually
from tests.gateway.conftest import DATASET, running_router

CONFIG = Path(__file__).with_name("schemathesis.toml")
ST = Path(sys.executable).with_name("st")


async def _admin_key(data_dir: Path) -> str:
    store = create_store(JobsSettings(data_dir=data_dir))
    await store.open()
    try:
        _info, key = await KeyStore(store.db).create("schemathesis", "admin")  # type: ignore[attr-defined]
        return key
    finally:
        await store.close()


@contextlib.asynccontextmanager
async def _serving(server: uvicorn.Server) -> AsyncIterator[None]:
    task = asyncio.create_task(server.serve())
    try:
        assert await eventually(lambda: server.started or task.done(), timeout=PATIENCE, interval=0.05)
        assert not task.done(), "the gateway did not start"
        yield
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, PATIENCE)


@pytest.fixture
async def gateway_url(
    pdftext_port: int, tesseract_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[str]:
    datasets = tmp_path / "datasets" / "mini"
    datasets.mkdir(parents=True)
    for suffix in (".pdf", ".truth.json"):
        shutil.copy(DATASET / f"MINIMUM_zugferd_2p0_MINIMUM{suffix}", datasets)
    monkeypatch.setenv("OCRMESH_DATASETS", str(tmp_path / "datasets"))
    monkeypatch.setenv("OCRMESH_BENCH_DATA_DIR", str(tmp_path / "runs"))
    # Generated uploads start many benchmark runs at once: a full queue (503, documented) is no finding.
    monkeypatch.setenv("OCRMESH_BENCH_MAX_QUEUED_RUNS", "1000")
    monkeypatch.setenv("OCRMESH_JOBS_DATA_DIR", str(tmp_path / "jobs"))
    monkeypatch.delenv("OCRMESH_API_KEY", raising=False)
    monkeypatch.setenv("OCRMESH_SCHEMATHESIS_KEY", await _admin_key(tmp_path / "jobs"))
    async with running_router(pdftext_port, tesseract_port, auth=True) as router_port:
        settings = GatewaySettings(
            upstream=f"127.0.0.1:{router_port}", port=free_port(), health_refresh_seconds=0.2, log_level="warning"
        )
        server = uvicorn.Server(uvicorn_config(settings, create_app(settings)))
        async with _serving(server):
            yield f"http://127.0.0.1:{settings.port}"


async def test_schemathesis_finds_no_failure(gateway_url: str, tmp_path: Path) -> None:
    st = await asyncio.create_subprocess_exec(
        str(ST), "--config-file", str(CONFIG), "--no-color", "run", f"{gateway_url}/openapi.json", "--checks", "all",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, cwd=tmp_path,
        env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
    )  # fmt: skip
    output, _ = await asyncio.wait_for(st.communicate(), timeout=900)
    report = output.decode(errors="replace")
    assert st.returncode == 0, report
    assert "No issues found" in report or "passed" in report, report

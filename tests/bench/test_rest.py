"""The REST router over the gRPC API, as the gateway will mount it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest_asyncio
from fastapi import FastAPI

from gateway_rest.routes.benchmark import router
from tests.bench.conftest import BenchService

MINIMUM = "MINIMUM_zugferd_2p0_MINIMUM"


@pytest_asyncio.fixture
async def api(bench_service: BenchService) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.include_router(router)
    app.state.benchmark_stub = bench_service.stub
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as client:
        yield client


async def _wait(api: httpx.AsyncClient, run_id: str) -> dict:  # type: ignore[type-arg]
    for _ in range(600):
        response = await api.get(f"/api/v1/benchmark/{run_id}")
        assert response.status_code == 200
        body = response.json()
        if body["status"] in ("completed", "failed", "cancelled"):
            return body
        await asyncio.sleep(0.1)
    raise AssertionError("run did not finish")


async def test_json_run_then_results_and_report(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/api/v1/benchmark/run",
        json={"dataset": "mini", "test_documents": [f"{MINIMUM}.pdf"], "backends": ["pdftext"]},
    )
    assert response.status_code == 202, response.text
    run_id = response.json()["run_id"]
    body = await _wait(api, run_id)
    assert body["status"] == "completed"
    [summary] = body["summaries"]
    assert summary["backend"] == "pdftext" and summary["accuracy"] == 1.0 and summary["field_accuracy"] == 1.0
    assert body["documents"][0]["reference"] == "text_layer"
    report = await api.get(f"/api/v1/benchmark/{run_id}/report", params={"format": "html"})
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "<svg" in report.text
    runs = await api.get("/api/v1/benchmark/runs")
    assert run_id in [r["run_id"] for r in runs.json()["runs"]]


async def test_multipart_upload_with_truth(api: httpx.AsyncClient, bench_root: Path) -> None:
    mini = bench_root / "datasets" / "mini"
    files = [
        ("files", (f"{MINIMUM}.pdf", (mini / f"{MINIMUM}.pdf").read_bytes(), "application/pdf")),
        ("truth", (f"{MINIMUM}.truth.json", (mini / f"{MINIMUM}.truth.json").read_bytes(), "application/json")),
    ]
    response = await api.post("/api/v1/benchmark/run", files=files, data={"backends": "pdftext"})
    assert response.status_code == 202, response.text
    body = await _wait(api, response.json()["run_id"])
    [document] = body["documents"]
    assert document["name"] == f"{MINIMUM}.pdf" and document["has_field_truth"]
    assert document["outcomes"][0]["field_accuracy"] == 1.0


async def test_errors_map_to_http(api: httpx.AsyncClient) -> None:
    bad = await api.post("/api/v1/benchmark/run", json={"dataset": "../etc", "backends": ["pdftext"]})
    assert bad.status_code == 400
    assert (await api.post("/api/v1/benchmark/run", json={"datasett": "mini"})).status_code == 422
    assert (await api.get("/api/v1/benchmark/20990101T000000Z-abcdef")).status_code == 404
    missing = await api.get("/api/v1/benchmark/20990101T000000Z-abcdef/report", params={"format": "markdown"})
    assert missing.status_code == 404
    assert json.loads((await api.get("/openapi.json")).text)["paths"]["/api/v1/benchmark/run"]["post"]

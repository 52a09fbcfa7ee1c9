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


async def _wait(api: httpx.AsyncClient, benchmark_id: str) -> dict:  # type: ignore[type-arg]
    for _ in range(600):
        response = await api.get(f"/api/v1/benchmark/{benchmark_id}")
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
    queued = response.json()
    assert "run_id" not in queued and set(queued) >= {"benchmark_id", "status", "progress", "results"}
    benchmark_id = queued["benchmark_id"]
    body = await _wait(api, benchmark_id)
    assert body["status"] == "completed"
    assert list(body["results"]) == ["pdftext"]
    result = body["results"]["pdftext"]
    assert result["accuracy"] == 1.0 and result["field_accuracy"] == 1.0 and result["avg_time"] > 0
    assert 0 < result["ram_usage"] < 64  # GB
    assert body["documents"][0]["reference"] == "text_layer"
    report = await api.get(body["report"]["html"].removeprefix("http://gateway"))
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "<svg" in report.text
    runs = await api.get("/api/v1/benchmark/runs")
    assert benchmark_id in [r["benchmark_id"] for r in runs.json()["runs"]]


async def test_wait_answers_when_the_run_is_over(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/api/v1/benchmark/run",
        params={"wait": "true"},
        json={"dataset": "mini", "test_documents": [f"{MINIMUM}.pdf"], "backends": ["pdftext", "tesseract"]},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "completed" and set(body["results"]) == {"pdftext", "tesseract"}
    for result in body["results"].values():
        assert 0 <= result["accuracy"] <= 1 and result["avg_time"] > 0
        assert result["ram_usage"] > 0 and result["vram_usage"] == 0  # GB; no GPU here
    assert [d["name"] for d in body["documents"]] == [f"{MINIMUM}.pdf"]


async def test_multipart_upload_with_truth(api: httpx.AsyncClient, bench_root: Path) -> None:
    mini = bench_root / "datasets" / "mini"
    files = [
        ("files", (f"{MINIMUM}.pdf", (mini / f"{MINIMUM}.pdf").read_bytes(), "application/pdf")),
        ("truth", (f"{MINIMUM}.truth.json", (mini / f"{MINIMUM}.truth.json").read_bytes(), "application/json")),
    ]
    response = await api.post("/api/v1/benchmark/run", files=files, data={"backends": "pdftext"})
    assert response.status_code == 202, response.text
    body = await _wait(api, response.json()["benchmark_id"])
    [document] = body["documents"]
    assert document["name"] == f"{MINIMUM}.pdf" and document["has_field_truth"]
    assert document["outcomes"][0]["field_accuracy"] == 1.0


async def test_errors_map_to_http(api: httpx.AsyncClient) -> None:
    bad = await api.post("/api/v1/benchmark/run", json={"dataset": "../etc", "backends": ["pdftext"]})
    assert bad.status_code == 422  # not a dataset name
    unknown = await api.post("/api/v1/benchmark/run", json={"dataset": "nope", "backends": ["pdftext"]})
    assert unknown.status_code == 404  # a name, but no such dataset
    nobody = await api.post("/api/v1/benchmark/run", json={"dataset": "mini", "backends": ["abbyy"]})
    assert nobody.status_code == 404
    assert (await api.post("/api/v1/benchmark/run", json={"datasett": "mini"})).status_code == 422
    assert (await api.get("/api/v1/benchmark/20990101T000000Z-abcdef")).status_code == 404
    assert (await api.get("/api/v1/benchmark/not-a-run-id")).status_code == 422
    missing = await api.get("/api/v1/benchmark/20990101T000000Z-abcdef/report", params={"format": "markdown"})
    assert missing.status_code == 404
    assert json.loads((await api.get("/openapi.json")).text)["paths"]["/api/v1/benchmark/run"]["post"]

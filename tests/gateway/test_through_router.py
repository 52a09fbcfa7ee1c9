"""The REST facade in front of the real router in front of real backends."""

from __future__ import annotations

import json
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pymupdf
import pytest
import pytest_asyncio

from benchmarks.synth.producers import scan_with_ocr_layer
from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from tests.conftest import eventually
from tests.gateway.conftest import DATASET, running_router

INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"


def _scan(path: Path, dpi: int = 150) -> bytes:
    src = pymupdf.open(path)
    out = pymupdf.open()
    page = src[0]
    new = out.new_page(width=page.rect.width, height=page.rect.height)
    new.insert_image(new.rect, stream=page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("jpg"))
    return out.tobytes()


@pytest_asyncio.fixture
async def rest(
    pdftext_port: int, tesseract_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[httpx.AsyncClient]:
    datasets = tmp_path / "datasets" / "mini"
    datasets.mkdir(parents=True)
    for name in ("EN16931_zugferd_2p0_EN16931_Einfach", "MINIMUM_zugferd_2p0_MINIMUM"):
        for suffix in (".pdf", ".truth.json"):
            shutil.copy(DATASET / f"{name}{suffix}", datasets / f"{name}{suffix}")
    monkeypatch.setenv("OCRMESH_DATASETS", str(tmp_path / "datasets"))
    monkeypatch.setenv("OCRMESH_BENCH_DATA_DIR", str(tmp_path / "runs"))
    async with running_router(pdftext_port, tesseract_port, auth=False) as router_port:  # keys: tests/test_auth.py
        app = create_app(
            GatewaySettings(
                upstream=f"127.0.0.1:{router_port}", health_refresh_seconds=0.1, health_rpc_timeout=10, auth=False
            )
        )
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=120) as client:
                yield client


async def test_health_lists_every_backend_and_auto_routes(rest: httpx.AsyncClient) -> None:
    health: dict = {}

    async def both_ready() -> bool:
        nonlocal health
        health = (await rest.get("/api/v1/health")).json()
        return {b["name"] for b in health["backends"] if b.get("serving") and b["status"] == "ready"} == {
            "pdftext",
            "tesseract",
        }

    assert await eventually(both_ready, interval=0.1), health
    assert all(b["address"].startswith("127.0.0.1:") for b in health["backends"])

    born = await rest.post("/api/v1/ocr/process", files={"file": ("r.pdf", INVOICE.read_bytes())})
    assert born.status_code == 200, born.text
    body = born.json()
    assert body["backend_used"] == "pdftext" and body["routing"]["rule"]
    # The router skipped the layout figures; pdftext measured them while reading the pages.
    assert body["metadata"]["layout_complexity"] in ("simple", "medium", "complex")
    assert [f["layout_complexity"] for f in body["routing"]["pages"]] == [p["layout_complexity"] for p in body["pages"]]
    assert body["text"]["structured"]["betrag_brutto"] == 529.87
    brutto = next(f for f in body["fields"] if f["name"] == "betrag_brutto")
    assert brutto["amount"] == 529.87 and brutto["value"] == "529.87"  # money as a number beside the string

    scan = await rest.post(
        "/api/v1/ocr/process",
        files={"file": ("scan.pdf", _scan(INVOICE))},
        data={"options": json.dumps({"extract_fields": False, "dpi": 150})},
    )
    assert scan.status_code == 200, scan.text
    assert scan.json()["backend_used"] == "tesseract"


async def test_benchmark_run_through_rest_and_the_router(rest: httpx.AsyncClient) -> None:
    started = await rest.post(
        "/api/v1/benchmark/run",
        json={"dataset": "mini", "test_documents": ["MINIMUM_zugferd_2p0_MINIMUM.pdf"], "backends": ["pdftext"]},
    )
    assert started.status_code == 202, started.text
    benchmark_id = started.json()["benchmark_id"]
    body: dict = {}

    async def finished() -> bool:
        nonlocal body
        body = (await rest.get(f"/api/v1/benchmark/{benchmark_id}")).json()
        return body["status"] in ("completed", "failed", "cancelled")

    assert await eventually(finished, timeout=120, interval=0.1), body
    assert body["status"] == "completed", body
    assert body["results"]["pdftext"]["accuracy"] == 1.0 and list(body["results"]) == ["pdftext"]
    report = await rest.get(f"/api/v1/benchmark/{benchmark_id}/report", params={"format": "html"})
    assert report.status_code == 200 and "<svg" in report.text


async def test_a_scan_under_an_earlier_ocrs_text_is_read_by_our_ocr(rest: httpx.AsyncClient) -> None:
    """A scanner's "searchable PDF" whose hidden reading took every 5 for a 6: the router sends the page to
    OCR and the fields are the scan's, not the earlier reading's (brutto 629.87)."""
    scan = scan_with_ocr_layer(INVOICE.read_bytes())
    response = await rest.post("/api/v1/ocr/process", files={"file": ("scan.pdf", scan, "application/pdf")})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["backend_used"] == "tesseract"
    assert "earlier OCR" in json.dumps(body["routing"])
    structured = body["text"]["structured"]
    assert (structured["rechnungsnummer"], structured["betrag_brutto"]) == ("471102", 529.87)


async def test_batch_job_through_rest_and_the_router(rest: httpx.AsyncClient) -> None:
    minimum = DATASET / "MINIMUM_zugferd_2p0_MINIMUM.pdf"
    files = [
        ("files", ("rechnung.pdf", INVOICE.read_bytes(), "application/pdf")),
        ("files", ("minimum.pdf", minimum.read_bytes(), "application/pdf")),
        ("files", ("scan.pdf", _scan(INVOICE), "application/pdf")),
    ]
    headers = {"Idempotency-Key": "monatsende-2026-11"}
    submitted = await rest.post(
        "/api/v1/ocr/batch", files=files, data={"options": json.dumps({"dpi": 150})}, headers=headers
    )
    assert submitted.status_code == 202, submitted.text
    accepted = submitted.json()
    assert accepted["total_documents"] == 3 and accepted["created"] is True
    assert accepted["progress"]["total"] == 3 and len(accepted["results"]) == 3
    job_id = accepted["job_id"]

    again = await rest.post("/api/v1/ocr/batch", files=files, data={"options": json.dumps({"dpi": 150})}, headers=headers)
    assert again.status_code == 202 and again.json()["job_id"] == job_id and again.json()["created"] is False

    body = ""
    async with rest.stream("GET", f"/api/v1/ocr/job/{job_id}/events") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        async for chunk in stream.aiter_text():
            body += chunk
    assert "\r" not in body  # the format clients parse: LF line ends, blank line between events
    events, payloads = [], []
    for block in body.split("\n\n"):
        if block.strip() and not block.startswith(":"):  # ":" starts a keep-alive comment
            name, data = block.split("\n")
            events.append(name.removeprefix("event: "))
            payloads.append(json.loads(data.removeprefix("data: ")))
            assert isinstance(payloads[-1], dict)
    assert events[0] == "snapshot" and events[-1] == "snapshot"
    # Per-document progress: every document is done in the first snapshot (finished before the stream
    # opened) or by an event of its own; and per-page progress.
    done_before = payloads[0]["progress"]["processed"] + payloads[0]["progress"]["failed"]
    assert done_before + events.count("document") >= 3, (done_before, events)
    assert "page" in events or done_before == 3

    job = (await rest.get(f"/api/v1/ocr/job/{job_id}")).json()
    assert job["status"] == "completed" and job["total_documents"] == 3
    assert job["progress"]["total"] == 3 and job["progress"]["processed"] == 3 and job["progress"]["failed"] == 0
    by_name = {r["filename"]: r for r in job["results"]}
    assert by_name["rechnung.pdf"]["result"]["text"]["structured"]["betrag_brutto"] == 529.87
    assert by_name["rechnung.pdf"]["result"]["backend_used"] == "pdftext"
    assert by_name["scan.pdf"]["result"]["backend_used"] == "tesseract"

    listed = (await rest.get("/api/v1/ocr/jobs")).json()
    assert job_id in [j["job_id"] for j in listed["jobs"]]
    assert (await rest.delete(f"/api/v1/ocr/job/{job_id}")).json()["status"] == "completed"
    missing = await rest.get("/api/v1/ocr/job/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "job_not_found"
    bad = await rest.post("/api/v1/ocr/batch", files=[("files", ("x.pdf", b"kein pdf", "application/pdf"))])
    assert bad.status_code == 415 and "x.pdf" in bad.json()["error"]["message"]

"""Health from the background cache: report, liveness, readiness."""

from __future__ import annotations

import asyncio
import json

import httpx

from tests.gateway.conftest import DATASET, gateway, image_only_pdf

HEALTH = "/api/v1/health"


def assert_report_shape(report: dict) -> None:
    assert report["status"] in ("healthy", "degraded", "unavailable")
    assert {"address", "serving"} <= set(report["upstream"])
    assert isinstance(report["system"]["gpu_available"], bool)
    assert report["system"]["cpu_cores"] >= 1
    for backend in report["backends"]:
        assert {"name", "status", "loaded"} <= set(backend)


async def test_health_reports_the_upstream_backend(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await pdftext_gateway.get(HEALTH)
    assert response.status_code == 200
    report = response.json()
    assert_report_shape(report)
    assert report["status"] == "healthy"
    assert report["upstream"]["serving"] is True
    (backend,) = report["backends"]
    assert backend["name"] == "pdftext"
    assert backend["status"] == "ready" and backend["loaded"] is True
    assert backend["ram_bytes"] > 0
    assert {"p50_seconds", "p95_seconds", "p99_seconds", "ewma_seconds", "samples"} <= set(backend["latency"])
    assert report["checked_at"] and report["age_seconds"] >= 0


async def test_live_and_ready(pdftext_gateway: httpx.AsyncClient) -> None:
    live = await pdftext_gateway.get(f"{HEALTH}/live")
    assert live.status_code == 200 and live.json() == {"status": "alive"}
    ready = await pdftext_gateway.get(f"{HEALTH}/ready")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


async def test_health_answers_while_the_upstream_is_busy(tesseract_port: int) -> None:
    scan = image_only_pdf(DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf", pages=2, dpi=150)
    options = json.dumps({"dpi": 150, "extract_fields": False})
    async with gateway(tesseract_port) as client:
        slow = [
            asyncio.create_task(
                client.post(
                    "/api/v1/ocr/process",
                    files={"file": ("scan.pdf", scan, "application/pdf")},
                    data={"backend": "tesseract", "options": options},
                )
            )
            for _ in range(2)
        ]
        busy_seen = False
        answers = 0
        while not all(task.done() for task in slow):
            response = await client.get(HEALTH)
            assert response.status_code == 200
            report = response.json()
            assert_report_shape(report)
            assert report["status"] in ("healthy", "degraded")
            (backend,) = report["backends"]
            assert backend["name"] == "tesseract"
            busy_seen |= backend.get("in_flight", 0) + backend.get("queue_depth", 0) > 0
            answers += 1
            await asyncio.sleep(0.05)
        for task in slow:
            assert (await task).status_code == 200
    assert answers >= 3
    assert busy_seen, "the health cache never saw the backend busy"


async def test_a_late_answer_is_degraded_then_unavailable(pdftext_port: int) -> None:
    from gateway_rest.health_cache import HealthCache
    from ocrmesh_client import AsyncOcrClient

    async with AsyncOcrClient(f"127.0.0.1:{pdftext_port}") as client:
        cache = HealthCache(client, refresh_seconds=60, rpc_timeout=30.0, stale_seconds=60)
        await cache.refresh()
        assert cache.ready and cache.report().status == "healthy"
        cache.rpc_timeout = (
            -1.0
        )  # a deadline already passed: every call misses it, as with a very busy upstream
        await cache.refresh()
        report = cache.report()
        assert cache.ready and report.status == "degraded", report
        assert "timed out" in (report.upstream.error or "")
        (backend,) = report.backends
        assert backend.name == "pdftext" and backend.status == "ready"  # the last figures are kept
        cache.stale_seconds = 0  # too long without a SERVING answer
        await cache.refresh()
        assert not cache.ready and cache.report().status == "unavailable"

"""Request ids, logs, metrics and the OpenAPI docs."""

from __future__ import annotations

import re

import httpx
import structlog
from structlog.testing import LogCapture

from tests.gateway.conftest import DATASET

PROCESS = "/api/v1/ocr/process"
INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"


async def test_request_id_is_echoed_and_passed_upstream(pdftext_gateway: httpx.AsyncClient) -> None:
    files = {"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")}
    response = await pdftext_gateway.post(PROCESS, files=files, headers={"X-Request-ID": "req-4711"})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-4711"
    # The upstream got it as the gRPC request's request_id and echoes it in the result.
    assert response.json()["metadata"]["request_id"] == "req-4711"


async def test_request_id_is_generated_when_missing_or_invalid(pdftext_gateway: httpx.AsyncClient) -> None:
    generated = (await pdftext_gateway.get("/api/v1/health/live")).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    replaced = await pdftext_gateway.get(
        "/api/v1/health/live", headers={"X-Request-ID": "bad id\twith spaces"}
    )
    assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["x-request-id"])


async def test_every_log_line_carries_the_request_id(pdftext_gateway: httpx.AsyncClient) -> None:
    capture = LogCapture()
    old = structlog.get_config()
    structlog.configure(
        processors=[structlog.contextvars.merge_contextvars, capture], cache_logger_on_first_use=False
    )
    try:
        files = {"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")}
        response = await pdftext_gateway.post(PROCESS, files=files, headers={"X-Request-ID": "log-check-1"})
    finally:
        structlog.configure(**old)
    assert response.status_code == 200
    gateway_lines = [e for e in capture.entries if e["event"] in ("process_start", "process_end", "request")]
    assert len(gateway_lines) >= 3
    assert all(e.get("request_id") == "log-check-1" for e in capture.entries), capture.entries
    # No document contents in the logs.
    text = INVOICE.name
    assert not any("471102" in str(e) or text in str(e) for e in capture.entries)


def counter(metrics_text: str, route: str, status: str) -> float:
    labels = rf'method="[A-Z]+",route="{re.escape(route)}",status="{status}"'
    pattern = rf"ocrmesh_gateway_requests_total\{{{labels}\}} (\S+)"
    return sum(float(v) for v in re.findall(pattern, metrics_text))


async def test_metrics_count_requests(pdftext_gateway: httpx.AsyncClient) -> None:
    before = (await pdftext_gateway.get("/metrics")).text
    for _ in range(3):
        await pdftext_gateway.get("/api/v1/health/live")
    await pdftext_gateway.post(PROCESS, files={"file": ("x.gif", b"GIF89a", "image/gif")})
    response = await pdftext_gateway.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = response.text
    assert counter(after, "/api/v1/health/live", "200") - counter(before, "/api/v1/health/live", "200") == 3
    assert counter(after, "/api/v1/ocr/process", "415") - counter(before, "/api/v1/ocr/process", "415") == 1
    assert "ocrmesh_gateway_upstream_serving 1.0" in after


async def test_openapi_docs(pdftext_gateway: httpx.AsyncClient) -> None:
    docs = await pdftext_gateway.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    schema = (await pdftext_gateway.get("/openapi.json")).json()
    assert {"/api/v1/ocr/process", "/api/v1/health", "/api/v1/health/live", "/api/v1/health/ready"} <= set(
        schema["paths"]
    )
    structured = schema["components"]["schemas"]["StructuredFields"]["properties"]
    assert {"rechnungsnummer", "datum", "betrag_brutto", "iban", "lieferant"} <= set(structured)

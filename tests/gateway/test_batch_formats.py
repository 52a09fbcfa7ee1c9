"""`GET /api/v1/ocr/job/{job_id}/documents/{index}?format=`: a batch's document as JSON, Markdown or text.

The real router hosting the jobs service, a real pdftext backend, and a tesseract endpoint where
nothing listens: born-digital documents finish, a scan waits for an OCR engine that never comes, so
"not finished yet" is a state, not a race. The formats are the ones `/process?format=` answers,
rendered by the same code from the pages the jobs store kept.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pymupdf
import pytest
import pytest_asyncio

from router_service.server import RouterServer
from router_service.settings import EndpointConfig, RouterSettings
from services.scaffold.ports import free_port
from tests.conftest import eventually
from tests.gateway.conftest import DATASET, gateway, image_only_pdf

INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
BROKEN = b"%PDF-1.7\n" + b"kein PDF, nur ein Anfang" * 20


@pytest_asyncio.fixture
async def rest(pdftext_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[httpx.AsyncClient]:
    monkeypatch.setenv("OCRMESH_JOBS_DATA_DIR", str(tmp_path / "jobs"))
    monkeypatch.setenv("OCRMESH_JOBS_POLL_SECONDS", "0.1")
    monkeypatch.setenv("OCRMESH_JOBS_RETRY_BACKOFF_SECONDS", "0.1")
    router = RouterServer(
        RouterSettings(
            port=0,
            auth=False,
            status_poll_seconds=0.2,
            backends=[
                EndpointConfig(name="pdftext", address=f"127.0.0.1:{pdftext_port}"),
                EndpointConfig(name="tesseract", address=f"127.0.0.1:{free_port()}"),  # nobody there
            ],
        )
    )
    port = await router.start()
    try:
        async with gateway(port) as client:
            yield client
    finally:
        await router.stop(0)


async def _submit(rest: httpx.AsyncClient, files: list[tuple[str, bytes]]) -> str:
    response = await rest.post(
        "/api/v1/ocr/batch", files=[("files", (name, content, "application/pdf")) for name, content in files]
    )
    assert response.status_code == 202, response.text
    return str(response.json()["job_id"])


async def _statuses(rest: httpx.AsyncClient, job_id: str) -> list[str]:
    view = (await rest.get(f"/api/v1/ocr/job/{job_id}", params={"results": "false"})).json()
    return [d["status"] for d in sorted(view["results"], key=lambda d: d["index"])]


async def test_a_finished_batch_document_in_every_format_is_what_process_answers(rest: httpx.AsyncClient) -> None:
    job_id = await _submit(rest, [("Rechnung März.pdf", INVOICE.read_bytes())])
    assert await eventually(lambda: _done(rest, job_id, 0))
    url = f"/api/v1/ocr/job/{job_id}/documents/0"

    as_json = await rest.get(url)
    assert as_json.status_code == 200, as_json.text
    result = as_json.json()
    view = (await rest.get(f"/api/v1/ocr/job/{job_id}")).json()
    assert result == view["results"][0]["result"]  # the job view's result, alone
    assert result["backend_used"] == "pdftext" and result["pages"]

    direct = {
        fmt: await rest.post("/api/v1/ocr/process", params={"format": fmt}, files={"file": ("x.pdf", INVOICE.read_bytes())})
        for fmt in ("markdown", "text")
    }
    markdown = await rest.get(url, params={"format": "markdown"})
    assert markdown.status_code == 200, markdown.text
    assert markdown.headers["content-type"] == "text/markdown; charset=utf-8"
    assert markdown.headers["content-disposition"] == 'inline; filename="Rechnung_M_rz.md"'
    assert markdown.headers["x-document-id"] == result["document_id"]
    assert markdown.text == direct["markdown"].text
    assert markdown.text.startswith("<!-- page 1 -->") and "Handelsrechnung Nr. 471102" in markdown.text

    text = await rest.get(url, params={"format": "text"})
    assert text.status_code == 200 and text.headers["content-type"] == "text/plain; charset=utf-8"
    assert text.text == result["text"]["raw"] == direct["text"].text


async def test_a_batch_document_as_a_searchable_pdf_is_drawn_on_its_upload_while_the_job_keeps_it(
    rest: httpx.AsyncClient, tmp_path: Path
) -> None:
    job_id = await _submit(rest, [("rechnung.pdf", INVOICE.read_bytes())])
    assert await eventually(lambda: _done(rest, job_id, 0))
    pdf = await rest.get(f"/api/v1/ocr/job/{job_id}/documents/0", params={"format": "pdf"})
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    with pymupdf.open(stream=pdf.content) as doc, pymupdf.open(INVOICE) as original:
        assert doc.page_count == original.page_count
        assert "471102" in doc[0].get_text()  # the upload's own pages and text layer
    for upload in (tmp_path / "jobs" / "uploads").rglob("*"):  # the retention has let the upload go
        if upload.is_file():
            upload.unlink()
    gone = await rest.get(f"/api/v1/ocr/job/{job_id}/documents/0", params={"format": "pdf"})
    assert gone.status_code == 422 and gone.json()["error"]["code"] == "pdf_unavailable"
    assert "no longer kept" in gone.json()["error"]["message"]
    assert (await rest.get(f"/api/v1/ocr/job/{job_id}/documents/0", params={"format": "markdown"})).status_code == 200


async def _done(rest: httpx.AsyncClient, job_id: str, index: int) -> bool:
    return (await _statuses(rest, job_id))[index] in ("completed", "failed", "cancelled")


async def test_unfinished_failed_missing_and_pdf_documents_say_why(rest: httpx.AsyncClient) -> None:
    job_id = await _submit(
        rest, [("rechnung.pdf", INVOICE.read_bytes()), ("scan.pdf", image_only_pdf(INVOICE)), ("kaputt.pdf", BROKEN)]
    )
    assert await eventually(lambda: _done(rest, job_id, 0))
    assert await eventually(lambda: _done(rest, job_id, 2))
    statuses = await _statuses(rest, job_id)
    assert statuses[0] == "completed" and statuses[2] == "failed"
    assert statuses[1] in ("queued", "processing")  # no OCR engine answers: the scan waits

    waiting = await rest.get(f"/api/v1/ocr/job/{job_id}/documents/1", params={"format": "markdown"})
    assert waiting.status_code == 409, waiting.text
    error = waiting.json()["error"]
    assert error["code"] == "document_not_finished" and "scan.pdf" in error["message"]
    assert error["details"]["status"] == statuses[1]

    failed = await rest.get(f"/api/v1/ocr/job/{job_id}/documents/2")
    assert failed.status_code == 409 and failed.json()["error"]["code"] == "document_failed"
    assert "kaputt.pdf" in failed.json()["error"]["message"]


    unknown = await rest.get(f"/api/v1/ocr/job/{job_id}/documents/0", params={"format": "docx"})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "validation_error"
    assert all(name in unknown.json()["error"]["message"] for name in ("json", "markdown", "text", "pdf"))

    past = await rest.get(f"/api/v1/ocr/job/{job_id}/documents/3")
    assert past.status_code == 404 and past.json()["error"]["code"] == "document_not_found"
    nope = await rest.get("/api/v1/ocr/job/nope/documents/0")
    assert nope.status_code == 404 and nope.json()["error"]["code"] == "job_not_found"


async def test_the_route_is_in_the_openapi_with_every_status(rest: httpx.AsyncClient) -> None:
    schema = (await rest.get("/openapi.json")).json()
    route = schema["paths"]["/api/v1/ocr/job/{job_id}/documents/{index}"]["get"]
    assert {"200", "404", "409", "422"} <= set(route["responses"])
    assert set(route["responses"]["200"]["content"]) == {"application/json", "text/markdown", "text/plain", "application/pdf"}
    formats = next(p for p in route["parameters"] if p["name"] == "format")
    assert "pdf" in str(formats["schema"]) and "markdown" in str(formats["schema"])

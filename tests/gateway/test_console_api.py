"""The REST routes the console calls: compare engines, a page preview, the caller (keys off here)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from PIL import Image

from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from tests.gateway.conftest import DATASET, image_only_pdf, running_router

INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"


@pytest_asyncio.fixture
async def rest(pdftext_port: int, tesseract_port: int) -> AsyncIterator[httpx.AsyncClient]:
    async with running_router(pdftext_port, tesseract_port, auth=False) as router_port:
        app = create_app(
            GatewaySettings(upstream=f"127.0.0.1:{router_port}", health_refresh_seconds=0.1, health_rpc_timeout=10, auth=False)
        )
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=300) as client:
                yield client


async def test_compare_reads_one_document_with_each_backend_and_marks_the_differences(rest: httpx.AsyncClient) -> None:
    scan = image_only_pdf(INVOICE, pages=1, dpi=200)
    response = await rest.post(
        "/api/v1/ocr/compare", files={"file": ("scan.pdf", scan, "application/pdf")}, data={"backends": "tesseract,pdftext"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    entries = {e["backend"]: e for e in body["entries"]}
    assert list(entries) == ["tesseract", "pdftext"]
    assert entries["tesseract"]["result"]["backend_used"] == "tesseract"
    assert "rechnungsnummer" in {f["name"] for f in entries["tesseract"]["result"]["fields"]}
    # A scan has no text layer: pdftext declines it, and says so in its own entry.
    assert "result" not in entries["pdftext"]
    assert entries["pdftext"]["error"]["code"] == "backend_declined"
    assert body["text"] == []  # one reading only: nothing to set against it
    assert all(f["agree"] for f in body["fields"])  # one backend agrees with itself


async def test_compare_of_two_readings_lists_field_values_and_a_word_diff(rest: httpx.AsyncClient) -> None:
    response = await rest.post(
        "/api/v1/ocr/compare",
        files={"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")},
        data={"backends": "pdftext,tesseract"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [e["backend"] for e in body["entries"]] == ["pdftext", "tesseract"]
    assert all("result" in e for e in body["entries"])
    number = next(f for f in body["fields"] if f["name"] == "rechnungsnummer")
    assert set(number["values"]) == {"pdftext", "tesseract"}
    (pair,) = body["text"]
    assert (pair["backend_a"], pair["backend_b"]) == ("pdftext", "tesseract")
    assert 0.5 < pair["similarity"] <= 1.0
    ops = {s["op"] for s in pair["segments"]}
    assert "equal" in ops
    rebuilt = " ".join(s["a"] for s in pair["segments"] if s["a"])
    pdftext_text = body["entries"][0]["result"]["text"]["raw"]
    assert rebuilt.split() == pdftext_text.split()  # the segments hold the first text whole, in order


@pytest.mark.parametrize(
    ("backends", "code"), [("pdftext", "invalid_backends"), ("pdftext,nonesuch", "invalid_backends")]
)
async def test_compare_needs_two_known_backends(rest: httpx.AsyncClient, backends: str, code: str) -> None:
    response = await rest.post(
        "/api/v1/ocr/compare", files={"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")}, data={"backends": backends}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] in (code, "validation_error")


async def test_preview_is_the_page_as_png_turned_as_asked(rest: httpx.AsyncClient) -> None:
    upright = await rest.post("/api/v1/ocr/preview", files={"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")})
    assert upright.status_code == 200 and upright.headers["content-type"] == "image/png"
    width, height = Image.open(io.BytesIO(upright.content)).size
    assert height > width  # A4 portrait
    turned = await rest.post(
        "/api/v1/ocr/preview",
        files={"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")},
        data={"rotation": "90"},
    )
    assert Image.open(io.BytesIO(turned.content)).size == (height, width)


async def test_preview_refuses_a_missing_page_text_and_a_broken_pdf(rest: httpx.AsyncClient) -> None:
    past = await rest.post(
        "/api/v1/ocr/preview", files={"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")}, data={"page": "99"}
    )
    assert past.status_code == 416
    text = await rest.post("/api/v1/ocr/preview", files={"file": ("a.txt", b"just some words\n", "text/plain")})
    assert text.status_code == 415
    broken = await rest.post("/api/v1/ocr/preview", files={"file": ("b.pdf", b"%PDF-1.7\n1 0 obj <<>> endobj\n", "application/pdf")})
    assert broken.status_code == 422 and broken.json()["error"]["code"] == "unreadable_document"


async def test_caller_without_keys_may_do_everything(rest: httpx.AsyncClient) -> None:
    response = await rest.get("/api/v1/auth/caller")
    assert response.json() == {"name": "", "scopes": ["process", "batch", "benchmark", "admin"], "auth_required": False}

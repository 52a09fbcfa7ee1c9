"""Errors as JSON {"error": {"code", "message", "details", "request_id"}} with the right status."""

from __future__ import annotations

import json

import httpx

from services.scaffold.ports import free_port as closed_port  # nothing listens there
from tests.gateway.conftest import DATASET, gateway, image_only_pdf

PROCESS = "/api/v1/ocr/process"
INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"


def error_of(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "details", "request_id"}
    assert error["request_id"] == response.headers["x-request-id"]
    return error


def pdf_file(content: bytes | None = None) -> dict:
    return {"file": ("invoice.pdf", INVOICE.read_bytes() if content is None else content, "application/pdf")}


async def test_too_large_by_content_length(pdftext_port: int) -> None:
    async with gateway(pdftext_port, max_upload_mb=0.05) as client:
        error = error_of(await client.post(PROCESS, files=pdf_file()), 413)
    assert error["code"] == "payload_too_large"
    assert "0.05 MB" in error["message"]


async def test_too_large_while_reading_a_chunked_upload(pdftext_port: int) -> None:
    boundary = "gatewayboundary"

    async def body():  # no Content-Length: the limit must be counted while reading
        yield f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'.encode()
        yield b"Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
        for _ in range(40):
            yield b"0" * 65536
        yield f"\r\n--{boundary}--\r\n".encode()

    async with gateway(pdftext_port, max_upload_mb=1) as client:
        response = await client.post(
            PROCESS, content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"}
        )
        error = error_of(response, 413)
    assert error["code"] == "payload_too_large"


async def test_too_large_file_within_body_slack(pdftext_port: int) -> None:
    # The body limit leaves room for the multipart framing; the file itself is counted exactly.
    async with gateway(pdftext_port, max_upload_mb=0.1) as client:
        content = b"%PDF-1.7\n" + b"0" * (110 * 1024)
        error = error_of(await client.post(PROCESS, files=pdf_file(content)), 413)
    assert error["code"] == "payload_too_large"


async def test_unsupported_type(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await pdftext_gateway.post(
        PROCESS, files={"file": ("a.gif", b"GIF89a" + b"\0" * 64, "image/gif")}
    )
    error = error_of(response, 415)
    assert error["code"] == "unsupported_media_type"
    assert "GIF" in error["message"]


async def test_empty_file(pdftext_gateway: httpx.AsyncClient) -> None:
    error = error_of(await pdftext_gateway.post(PROCESS, files=pdf_file(b"")), 422)
    assert "empty" in error["message"]


async def test_truncated_pdf(pdftext_gateway: httpx.AsyncClient) -> None:
    error = error_of(await pdftext_gateway.post(PROCESS, files=pdf_file(INVOICE.read_bytes()[:3000])), 422)
    assert error["code"] == "unreadable_document"
    assert "truncated" in error["message"] or "damaged" in error["message"]


async def test_scan_declined_by_pdftext(pdftext_gateway: httpx.AsyncClient) -> None:
    scan = image_only_pdf(INVOICE, pages=1, dpi=50)
    error = error_of(await pdftext_gateway.post(PROCESS, files=pdf_file(scan)), 422)
    assert error["code"] == "backend_declined"
    assert "text layer" in error["message"]


async def test_bad_options_json(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await pdftext_gateway.post(PROCESS, files=pdf_file(), data={"options": "{language: de"})
    error = error_of(response, 422)
    assert error["code"] == "invalid_options"
    assert "JSON" in error["message"]


async def test_unknown_option(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await pdftext_gateway.post(
        PROCESS, files=pdf_file(), data={"options": json.dumps({"colour": "red"})}
    )
    error = error_of(response, 422)
    assert "colour" in error["message"] and "Extra inputs are not permitted" in error["message"]


async def test_option_out_of_range(pdftext_gateway: httpx.AsyncClient) -> None:
    options = json.dumps({"preprocessing": "heavy", "confidence_threshold": 2})
    error = error_of(await pdftext_gateway.post(PROCESS, files=pdf_file(), data={"options": options}), 422)
    assert "preprocessing" in error["message"] and "confidence_threshold" in error["message"]


async def test_unknown_backend(pdftext_gateway: httpx.AsyncClient) -> None:
    error = error_of(await pdftext_gateway.post(PROCESS, files=pdf_file(), data={"backend": "abbyy"}), 422)
    assert error["code"] == "validation_error"
    for name in ("auto", "deepseek", "gotocr", "surya", "tesseract", "pdftext"):
        assert f"'{name}'" in error["message"]


async def test_missing_file(pdftext_gateway: httpx.AsyncClient) -> None:
    error = error_of(await pdftext_gateway.post(PROCESS, data={"backend": "auto"}), 422)
    assert error["code"] == "validation_error"
    assert "file" in error["message"]


async def test_unknown_route(pdftext_gateway: httpx.AsyncClient) -> None:
    assert error_of(await pdftext_gateway.get("/api/v1/nothing"), 404)["code"] == "not_found"


async def test_wrong_method_is_405_with_every_method_of_the_path(pdftext_gateway: httpx.AsyncClient) -> None:
    job = await pdftext_gateway.put("/api/v1/ocr/job/some-job")
    assert error_of(job, 405)["code"] == "method_not_allowed"
    assert job.headers["allow"] == "DELETE, GET"  # two routes share the path
    # A fixed path answers for itself, not for the templated route it also matches.
    run = await pdftext_gateway.get("/api/v1/benchmark/run")
    assert error_of(run, 405)["code"] == "method_not_allowed" and run.headers["allow"] == "POST"


async def test_validation_errors_list_each_field(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await pdftext_gateway.get("/api/v1/ocr/jobs", params={"page_size": "+8"})
    error = error_of(response, 422)
    assert error["code"] == "validation_error"
    assert [p["field"] for p in error["details"]["errors"]] == ["page_size"]


async def test_every_route_documents_its_errors_with_the_error_body(pdftext_gateway: httpx.AsyncClient) -> None:
    schema = (await pdftext_gateway.get("/openapi.json")).json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400 and not path.startswith("/api/v1/health"):
                    content = response["content"]["application/json"]["schema"]
                    assert content == {"$ref": "#/components/schemas/ErrorBody"}, (method, path, status)


async def test_upstream_down_is_503_with_retry_after() -> None:
    async with gateway(closed_port(), retry_after_seconds=7) as client:
        response = await client.post(PROCESS, files=pdf_file())
        error = error_of(response, 503)
        assert response.headers["retry-after"] == "7"
        assert error["code"] == "backend_unavailable"
        assert (await client.get("/api/v1/health/live")).status_code == 200
        ready = await client.get("/api/v1/health/ready")
        assert ready.status_code == 503 and ready.json()["status"] == "not_ready"
        health = await client.get("/api/v1/health")
        assert health.status_code == 200
        assert health.json()["status"] == "unavailable"
        assert health.json()["upstream"]["serving"] is False


async def test_deadline_is_504(tesseract_port: int) -> None:
    scan = image_only_pdf(INVOICE, pages=2, dpi=150)
    async with gateway(tesseract_port, request_timeout=0.05) as client:
        error = error_of(await client.post(PROCESS, files=pdf_file(scan)), 504)
    assert error["code"] == "timeout"


async def test_unexpected_failure_is_a_json_500(pdftext_port: int) -> None:
    from gateway_rest.app import create_app
    from gateway_rest.settings import GatewaySettings

    app = create_app(GatewaySettings(upstream=f"127.0.0.1:{pdftext_port}", auth=False))

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("bug")

    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://g") as client,
    ):
        error = error_of(await client.get("/boom", headers={"X-Request-ID": "boom-1"}), 500)
    assert error == {
        "code": "internal", "message": "internal error in the gateway", "details": {}, "request_id": "boom-1"
    }

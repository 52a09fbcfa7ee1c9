"""The REST facade in front of the real router in front of real backends."""

from __future__ import annotations

import asyncio
import json

import pymupdf

from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from router_service.server import RouterServer
from router_service.settings import EndpointConfig, RouterSettings
from tests.gateway.conftest import DATASET, backend

import httpx


def _scan(path, dpi: int = 150) -> bytes:  # type: ignore[no-untyped-def]
    src = pymupdf.open(path)
    out = pymupdf.open()
    page = src[0]
    new = out.new_page(width=page.rect.width, height=page.rect.height)
    new.insert_image(new.rect, stream=page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("jpg"))
    return out.tobytes()


async def test_health_lists_every_backend_and_auto_routes(pdftext_port: int, tesseract_port: int) -> None:
    router = RouterServer(
        RouterSettings(
            port=0,
            status_poll_seconds=0.2,
            backends=[
                EndpointConfig(name="pdftext", address=f"127.0.0.1:{pdftext_port}"),
                EndpointConfig(name="tesseract", address=f"127.0.0.1:{tesseract_port}"),
            ],
        )
    )
    router_port = await router.start()
    try:
        await router.wait_for_backends(5)
        app = create_app(
            GatewaySettings(upstream=f"127.0.0.1:{router_port}", health_refresh_seconds=0.1, health_rpc_timeout=0.5)
        )
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=120) as client:
                names: set[str] = set()
                for _ in range(50):
                    health = (await client.get("/api/v1/health")).json()
                    names = {b["name"] for b in health["backends"] if b.get("serving") and b["status"] == "ready"}
                    if names == {"pdftext", "tesseract"}:
                        break
                    await asyncio.sleep(0.1)
                assert names == {"pdftext", "tesseract"}, health
                assert all(b["address"].startswith("127.0.0.1:") for b in health["backends"])

                invoice = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
                born = await client.post("/api/v1/ocr/process", files={"file": ("r.pdf", invoice.read_bytes())})
                assert born.status_code == 200, born.text
                body = born.json()
                assert body["backend_used"] == "pdftext" and body["routing"]["rule"]
                assert body["text"]["structured"]["betrag_brutto"] == 529.87

                scan = await client.post(
                    "/api/v1/ocr/process",
                    files={"file": ("scan.pdf", _scan(invoice))},
                    data={"options": json.dumps({"extract_fields": False, "dpi": 150})},
                )
                assert scan.status_code == 200, scan.text
                assert scan.json()["backend_used"] == "tesseract"
    finally:
        await router.stop(0)

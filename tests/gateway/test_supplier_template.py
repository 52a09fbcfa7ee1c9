"""Served: `ocrmesh learn-supplier` learns a layout through the router; the next document of that
supplier, sent through REST, is extracted with the template and the response names it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pymupdf
import pytest_asyncio
import yaml
from typer.testing import CliRunner

from clients.cli import app as cli
from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from router_service.server import RouterServer
from router_service.settings import EndpointConfig, RouterSettings

PROCESS = "/api/v1/ocr/process"


def invoice(number: str, order: str, brutto: str) -> bytes:
    """The supplier prints its order number as "Rechnung Nr." and the invoice number after "Beleg"."""
    doc = pymupdf.open()
    page = doc.new_page()
    for (x, y), text in (
        ((50, 40), "Kontor Lindenblatt GmbH, Lindenweg 3, 99084 Erfurt"),
        ((50, 110), f"Rechnung Nr. {order}"),
        ((380, 110), f"Beleg {number}"),
        ((380, 125), "Datum 05.03.2024"),
        ((350, 420), f"Gesamtbetrag {brutto} EUR"),
        ((50, 800), "USt-IdNr. DE136695976"),
    ):
        page.insert_text((x, y), text, fontsize=10)
    return doc.tobytes()


@pytest_asyncio.fixture
async def served(pdftext_port: int, tmp_path: Path) -> AsyncIterator[tuple[httpx.AsyncClient, int, Path]]:
    suppliers = tmp_path / "suppliers"
    router = RouterServer(
        RouterSettings(
            port=0,
            status_poll_seconds=0.2,
            suppliers_dir=suppliers,
            auth=False,  # keys are tests/test_auth.py's
            backends=[EndpointConfig(name="pdftext", address=f"127.0.0.1:{pdftext_port}")],
        )
    )
    port = await router.start()
    try:
        await router.wait_for_backends(5)
        app = create_app(GatewaySettings(upstream=f"127.0.0.1:{port}", health_refresh_seconds=0.1, auth=False))
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://gateway", timeout=120
            ) as client:
                yield client, port, suppliers
    finally:
        await router.stop(0)


async def test_learned_supplier_template_guides_served_extraction(
    served: tuple[httpx.AsyncClient, int, Path], tmp_path: Path
) -> None:
    rest, router_port, suppliers = served
    second = invoice("B-1002", "A-78", "238,00")
    before = (await rest.post(PROCESS, files={"file": ("b.pdf", second, "application/pdf")})).json()
    assert before["text"]["structured"]["rechnungsnummer"] == "A-78"  # the order number, wrongly
    assert "template_id" not in before  # None values are left out of responses

    first = tmp_path / "first.pdf"
    first.write_bytes(invoice("B-1001", "A-77", "119,00"))
    args = ["learn-supplier", str(first), "--target", f"127.0.0.1:{router_port}", "--directory", str(suppliers),
            "--set", "rechnungsnummer=B-1001", "--yes"]  # fmt: skip
    learned = await asyncio.to_thread(CliRunner().invoke, cli, args)
    assert learned.exit_code == 0, learned.output
    (profile_path,) = suppliers.glob("*.yaml")
    profile = yaml.safe_load(profile_path.read_text(encoding="utf-8"))
    assert profile["template"]["rechnungsnummer"]["label"] == "Beleg"

    after = (await rest.post(PROCESS, files={"file": ("b.pdf", second, "application/pdf")})).json()
    assert after["text"]["structured"]["rechnungsnummer"] == "B-1002"
    assert after["template_id"] == profile["id"] == after["supplier_id"]
    assert "rechnungsnummer" in after["template_fields"]
    number = next(f for f in after["fields"] if f["name"] == "rechnungsnummer")
    assert number["source"] in ("template", "FIELD_SOURCE_TEMPLATE")


async def test_a_correction_sent_through_rest_teaches_the_router_the_supplier(
    served: tuple[httpx.AsyncClient, int, Path],
) -> None:
    """The console's "save correction": the router (not the gateway's host) writes the template."""
    rest, _router_port, suppliers = served
    second = invoice("B-2002", "A-88", "238,00")
    before = (await rest.post(PROCESS, files={"file": ("b.pdf", second, "application/pdf")})).json()
    assert before["text"]["structured"]["rechnungsnummer"] == "A-88"  # the order number, wrongly

    first = invoice("B-2001", "A-87", "119,00")
    learned = await rest.post(
        "/api/v1/suppliers/learn",
        files={"file": ("a.pdf", first, "application/pdf")},
        data={"corrections": '{"rechnungsnummer": "B-2001"}'},
    )
    assert learned.status_code == 200, learned.text
    body = learned.json()
    assert "rechnungsnummer" in body["learned_fields"] and body["name"].startswith("Kontor Lindenblatt")
    (profile_path,) = suppliers.glob("*.yaml")
    assert yaml.safe_load(profile_path.read_text(encoding="utf-8"))["id"] == body["supplier_id"]

    after = (await rest.post(PROCESS, files={"file": ("b.pdf", second, "application/pdf")})).json()
    assert after["text"]["structured"]["rechnungsnummer"] == "B-2002"
    assert after["template_id"] == body["supplier_id"]


async def test_learning_refuses_corrections_that_are_not_an_object_of_strings(
    served: tuple[httpx.AsyncClient, int, Path],
) -> None:
    rest, _router_port, suppliers = served
    for corrections in ("[1, 2]", '{"betrag_brutto": 5}', "not json"):
        response = await rest.post(
            "/api/v1/suppliers/learn",
            files={"file": ("a.pdf", invoice("B-1", "A-1", "1,00"), "application/pdf")},
            data={"corrections": corrections},
        )
        assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_corrections"
    assert not list(suppliers.glob("*.yaml"))


async def test_the_router_refuses_a_lesson_without_pages_or_supplier_as_invalid_argument(
    served: tuple[httpx.AsyncClient, int, Path],
) -> None:
    import grpc

    from ocrmesh.v1 import ocr_pb2 as pb
    from ocrmesh.v1 import suppliers_pb2 as spb
    from ocrmesh.v1 import suppliers_pb2_grpc as spb_grpc

    _rest, router_port, suppliers = served
    async with grpc.aio.insecure_channel(f"127.0.0.1:{router_port}") as channel:
        stub = spb_grpc.SuppliersServiceStub(channel)
        no_pages = spb.LearnSupplierRequest(fields=pb.InvoiceFields(fields=[pb.Field(name="lieferant", value="X")]))
        no_supplier = spb.LearnSupplierRequest(pages=[pb.PageResult(page_number=1, text="Beleg B-1")])
        for request, says in ((no_pages, "no pages"), (no_supplier, "name no supplier")):
            try:
                await stub.LearnSupplier(request, timeout=30)
            except grpc.aio.AioRpcError as exc:
                assert exc.code() is grpc.StatusCode.INVALID_ARGUMENT and says in (exc.details() or "")
            else:
                raise AssertionError(f"{says}: learned")
    assert not list(suppliers.glob("*.yaml"))

"""Through REST: an embedded e-invoice XML that cannot be read is a warning, and the fields come from the page."""

from __future__ import annotations

from pathlib import Path

import httpx
import pymupdf

PROCESS = "/api/v1/ocr/process"
ZF1 = Path(__file__).parents[1] / "invoice" / "data" / "zugferd1_extended.xml"


def invoice_pdf(attachment: bytes) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    for y, text in (
        (60, "Elbtal Werkzeug GmbH, Elbufer 5, 01067 Dresden"),
        (120, "Rechnung Nr. EXT-2017-0042"),
        (135, "Datum: 15.02.2017"),
        (400, "Nettobetrag 1.100,00 EUR"),
        (415, "MwSt. 19 % 197,00 EUR"),
        (430, "Gesamtbetrag 1.297,00 EUR"),
    ):
        page.insert_text((60, y), text, fontsize=10)
    doc.embfile_add("ZUGFeRD-invoice.xml", attachment, filename="ZUGFeRD-invoice.xml")
    return doc.tobytes()


async def test_unreadable_zugferd_1_attachment_is_a_warning_with_fields_from_the_page(
    pdftext_gateway: httpx.AsyncClient,
) -> None:
    truncated = ZF1.read_bytes()[:1500]
    response = await pdftext_gateway.post(
        PROCESS,
        files={"file": ("zf1.pdf", invoice_pdf(truncated), "application/pdf")},
        data={"backend": "pdftext"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert any("ZUGFeRD-invoice.xml" in w and "fields taken from the page" in w for w in body["warnings"]), (
        body["warnings"]
    )
    structured = body["text"]["structured"]
    assert structured["rechnungsnummer"] == "EXT-2017-0042"
    assert structured["betrag_brutto"] == 1297.0


async def test_readable_zugferd_1_attachment_is_the_record(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await pdftext_gateway.post(
        PROCESS, files={"file": ("zf1.pdf", invoice_pdf(ZF1.read_bytes()), "application/pdf")}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["einvoice_profile"] == "ZUGFeRD 1.0 EXTENDED" and not body["warnings"]
    assert body["text"]["structured"]["bic"] == "SOGEDEFFXXX"

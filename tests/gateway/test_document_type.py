"""`document_type` on every REST result: type, confidence, reason (issue 18)."""

from __future__ import annotations

import httpx
import pymupdf
import pytest

from tests.gateway.conftest import DATASET

PROCESS = "/api/v1/ocr/process"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("EN16931_zugferd_2p0_EN16931_Einfach", "rechnung"),
        ("EN16931_zugferd_2p0_EN16931_Gutschrift", "gutschrift"),
        ("EN16931_zugferd_2p0_EN16931_Rechnungskorrektur", "gutschrift"),
    ],
)
async def test_the_result_names_the_documents_type(pdftext_gateway: httpx.AsyncClient, name: str, expected: str) -> None:
    pdf = DATASET / f"{name}.pdf"
    response = await pdftext_gateway.post(PROCESS, files={"file": (pdf.name, pdf.read_bytes())})
    assert response.status_code == 200, response.text
    kind = response.json()["document_type"]
    assert kind["type"] == expected and 0 < kind["confidence"] <= 1 and kind["reason"]


async def test_a_blank_scan_is_sonstiges_not_an_error(tesseract_gateway: httpx.AsyncClient) -> None:
    with pymupdf.open() as doc:
        page = doc.new_page()
        white = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 1240, 1754), 0)
        white.clear_with(255)
        page.insert_image(page.rect, stream=white.tobytes("png"))
        blank = doc.tobytes()
    response = await tesseract_gateway.post(PROCESS, files={"file": ("leer.pdf", blank)})
    assert response.status_code == 200, response.text
    kind = response.json()["document_type"]
    assert kind["type"] == "sonstiges" and kind["confidence"] < 0.5 and kind["reason"]


async def test_openapi_documents_the_types(pdftext_gateway: httpx.AsyncClient) -> None:
    schema = (await pdftext_gateway.get("/openapi.json")).json()["components"]["schemas"]
    assert set(schema["DocumentTypeResult"]["properties"]) == {"type", "confidence", "reason"}
    assert "handelsregisterauszug" in str(schema["DocumentTypeResult"]["properties"]["type"])


def _pdf(text: str) -> bytes:
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontsize=10, fontname="helv")
        return doc.tobytes()


async def test_a_reminders_fields_come_in_text_structured(pdftext_gateway: httpx.AsyncClient) -> None:
    from tests.doctype.test_classify import TEXTS

    response = await pdftext_gateway.post(PROCESS, files={"file": ("mahnung.pdf", _pdf(TEXTS["mahnung"]))})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["document_type"]["type"] == "mahnung"
    structured = body["text"]["structured"]
    assert structured["mahnstufe"] == 1 and structured["offener_betrag"] == 535.5
    assert structured["bezug_rechnungsnummer"] == "2024-0815" and structured["zahlungsfrist"] == "2024-06-30"


async def test_a_contracts_parties_are_a_list(pdftext_gateway: httpx.AsyncClient) -> None:
    from tests.doctype.test_classify import TEXTS

    response = await pdftext_gateway.post(PROCESS, files={"file": ("vertrag.pdf", _pdf(TEXTS["vertrag"]))})
    assert response.status_code == 200, response.text
    structured = response.json()["text"]["structured"]
    assert structured["parteien"] == ["Kunden AG", "Muster Bürotechnik GmbH"]


async def test_line_items_come_as_positionen_with_numbers(pdftext_gateway: httpx.AsyncClient) -> None:
    pdf = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    response = await pdftext_gateway.post(PROCESS, files={"file": (pdf.name, pdf.read_bytes())})
    assert response.status_code == 200, response.text
    positionen = response.json()["text"]["structured"]["positionen"]
    assert [(p["menge"], p["einzelpreis"], p["gesamtpreis"], p["mwst_satz"]) for p in positionen] == [
        (20, 9.9, 198.0, 19),
        (50, 5.5, 275.0, 7),
    ]
    # The e-invoice states them (BG-25): its names and article numbers, unit code C62 as "Stk".
    assert (positionen[0]["beschreibung"], positionen[0]["artikelnummer"]) == ("Trennblätter A4", "TB100A4")
    assert positionen[0]["einheit"] == "Stk" and positionen[0]["pos"] == "1"

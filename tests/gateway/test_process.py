"""REST contract of POST /api/v1/ocr/process on the dataset invoices."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.gateway.conftest import DATASET, image_only_pdf

PROCESS = "/api/v1/ocr/process"
INVOICES = sorted(DATASET.glob("*.pdf"))
AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")
STRUCTURED_KEYS = (
    "rechnungsnummer",
    "datum",
    "betrag_netto",
    "mwst",
    "betrag_brutto",
    "waehrung",
    "ust_id",
    "steuernummer",
    "iban",
    "bic",
    "lieferant",
)


def truth_of(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.stem + ".truth.json").read_text(encoding="utf-8"))


def compact(key: str, value: object) -> object:
    """The contract's normal form: IBAN, BIC and VAT ids compact and upper case."""
    if key in ("iban", "bic", "ust_id") and isinstance(value, str):
        return value.replace(" ", "").upper()
    return value


def assert_result_shape(body: dict) -> None:
    for key in (
        "document_id",
        "backend_used",
        "processing_time",
        "text",
        "confidence",
        "metadata",
        "pages",
        "fields",
        "checks",
        "warnings",
    ):
        assert key in body, key
    assert len(body["document_id"]) == 64
    assert set(body["text"]) == {"raw", "structured"}
    assert {"pages", "language", "layout_complexity"} <= set(body["metadata"])
    for page in body["pages"]:
        assert {"page_number", "text", "confidence", "backend", "timings", "kind"} <= set(page)
        assert page["timings"]["total_seconds"] >= 0
    for field in body["fields"]:
        assert {"name", "value", "raw", "confidence", "source", "issues"} <= set(field)
    structured = body["text"]["structured"]
    assert None not in structured.values()  # absent fields are left out, not null
    for key in AMOUNTS:
        if key in structured:
            assert isinstance(structured[key], (int, float))


def test_dataset_present() -> None:
    assert len(INVOICES) >= 10, f"dataset not found at {DATASET}"


@pytest.mark.parametrize("pdf", INVOICES, ids=lambda p: p.stem)
async def test_born_digital_invoice_through_pdftext(pdftext_gateway: httpx.AsyncClient, pdf: Path) -> None:
    truth = truth_of(pdf)
    response = await pdftext_gateway.post(
        PROCESS, files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")}, data={"backend": "pdftext"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert_result_shape(body)
    assert body["backend_used"] == "pdftext"
    assert body["metadata"]["pages"] == truth["pages"]
    assert [p["page_number"] for p in body["pages"]] == list(range(1, truth["pages"] + 1))
    assert all(p["kind"] == "born_digital" for p in body["pages"])
    # pdftext measures each page's layout; the document's is the most complex page's.
    layouts = [p["layout_complexity"] for p in body["pages"]]
    assert "unspecified" not in layouts and body["metadata"]["layout_complexity"] != "unspecified"
    ranks = ["simple", "medium", "complex"]
    assert body["metadata"]["layout_complexity"] == max(layouts, key=ranks.index)
    structured = body["text"]["structured"]
    expected = {k: compact(k, v) for k, v in truth.items() if k in STRUCTURED_KEYS}
    if body["document_type"]["type"] == "gutschrift":  # a credit's amounts positive, the type says credit
        expected = {
            k: abs(v) if k in AMOUNTS and isinstance(v, (int, float)) else v for k, v in expected.items()
        }
    assert {k: structured.get(k) for k in expected} == expected
    # The full per-field detail backs every structured value.
    names = {f["name"] for f in body["fields"]}
    assert set(expected) <= names


async def test_amounts_are_exact_numbers(pdftext_gateway: httpx.AsyncClient) -> None:
    pdf = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    response = await pdftext_gateway.post(
        PROCESS, files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")}
    )
    assert response.status_code == 200, response.text
    assert '"betrag_brutto":529.87' in response.text
    assert response.json()["text"]["structured"]["datum"] == "2018-03-05"
    # Beside the values: whether a person should look, and the checks that held and failed.
    structured = response.json()["text"]["structured"]
    assert isinstance(structured["needs_review"], bool)
    assert set(structured["validation"]) == {"held", "failed", "not_applicable", "missing", "reasons"}
    assert structured["needs_review"] == bool(structured["validation"]["reasons"])


def _text_pdf(rows: list[str]) -> bytes:
    """A born-digital one-page PDF (text layer, no e-invoice XML) with ``rows`` down the page."""
    import pymupdf

    with pymupdf.open() as doc:
        page = doc.new_page()
        for i, text in enumerate(rows):
            page.insert_text((56, 72 + 16 * i), text, fontsize=10)
        return doc.tobytes()


_HEAD = ["Muster Handel GmbH, Hauptstrasse 1, 10115 Berlin", "Rechnung", "Rechnungsnummer: R-2026-0815",
         "Rechnungsdatum: 04.12.2026", ""]  # fmt: skip
_TOTALS = ["", "Nettobetrag 971,12 EUR", "MwSt. 19 % 184,51 EUR", "Gesamtbetrag 1.155,63 EUR"]


async def test_validation_line_items_held_or_not_applicable(pdftext_gateway: httpx.AsyncClient) -> None:
    """`text.structured.validation.not_applicable` names the checks that could not be made: an invoice
    without line items has line_items=netto there (never under failed); one whose items add up to netto
    has it under held."""
    plain = _text_pdf([*_HEAD, "Beratung laut Vereinbarung, pauschal", *_TOTALS])
    items = _text_pdf([*_HEAD, "Pos. Bezeichnung Menge Einheit Einzelpreis Gesamt",
                       "1 Schrauben M8 100 Stk. 0,25 25,00", "2 Montage vor Ort 15,5 Std. 61,04 946,12", *_TOTALS])  # fmt: skip
    got = {}
    for name, content in (("plain", plain), ("items", items)):
        response = await pdftext_gateway.post(
            PROCESS, files={"file": (f"{name}.pdf", content, "application/pdf")}
        )
        assert response.status_code == 200, response.text
        got[name] = response.json()["text"]["structured"]
    assert got["plain"]["betrag_netto"] == got["items"]["betrag_netto"] == 971.12
    plain_v, items_v = got["plain"]["validation"], got["items"]["validation"]
    assert plain_v["not_applicable"] == ["line_items=netto"]
    assert "line_items=netto" not in plain_v["failed"] + plain_v["held"]
    assert "line_items=netto" in items_v["held"] and items_v["not_applicable"] == []
    assert got["plain"]["needs_review"] is False and got["items"]["needs_review"] is False


async def test_einvoice_xml_only_on_request(pdftext_gateway: httpx.AsyncClient) -> None:
    pdf = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    files = {"file": (pdf.name, pdf.read_bytes(), "application/pdf")}
    plain = (await pdftext_gateway.post(PROCESS, files=files)).json()
    assert plain["einvoice"]["syntax"] == "CII"
    assert plain["einvoice"]["filename"]
    assert "xml" not in plain["einvoice"]
    full = (await pdftext_gateway.post(PROCESS, files=files, params={"include_xml": "true"})).json()
    assert "CrossIndustryInvoice" in full["einvoice"]["xml"]


XRECHNUNG = Path(__file__).parents[1] / "invoice" / "data" / "xrechnung_ubl_invoice.xml"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
async def test_a_standalone_xrechnung_in_any_encoding_xml_allows(
    pdftext_gateway: httpx.AsyncClient, encoding: str
) -> None:
    """A standalone XRechnung as sent: UTF-8, UTF-8 with a byte order mark, or UTF-16 (XML allows each)."""
    text = XRECHNUNG.read_text(encoding="utf-8")
    if encoding == "utf-16":
        text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    files = {"file": ("rechnung.xml", text.encode(encoding), "application/xml")}
    response = await pdftext_gateway.post(PROCESS, files=files, data={"backend": "auto"})
    assert response.status_code == 200, response.text
    structured = response.json()["text"]["structured"]
    assert (structured["rechnungsnummer"], structured["betrag_brutto"]) == ("RE-2025-0815", 539.55)


async def test_options_are_passed_on(pdftext_gateway: httpx.AsyncClient) -> None:
    pdf = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    options = json.dumps({"first_page": 2, "last_page": 2, "extract_fields": False, "language": "de"})
    response = await pdftext_gateway.post(
        PROCESS, files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")}, data={"options": options}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [p["page_number"] for p in body["pages"]] == [2]
    assert body["metadata"]["pages"] == 2 and body["metadata"]["pages_processed"] == 1
    assert body["fields"] == [] and body["text"]["structured"] == {}


async def test_scanned_invoice_through_tesseract(tesseract_gateway: httpx.AsyncClient) -> None:
    pdf = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    truth = truth_of(pdf)
    scan = image_only_pdf(pdf, pages=1, dpi=200)
    response = await tesseract_gateway.post(
        PROCESS,
        files={"file": ("scan.pdf", scan, "application/pdf")},
        data={"backend": "tesseract", "options": json.dumps({"dpi": 200, "preprocessing": "auto"})},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert_result_shape(body)
    assert body["backend_used"] == "tesseract"
    assert "einvoice" not in body  # a scan carries no embedded XML
    (page,) = body["pages"]
    assert page["kind"] == "scanned" and page["backend"] == "tesseract"
    assert 0 < page["confidence"] <= 1
    assert truth["rechnungsnummer"] in body["text"]["raw"]
    structured = body["text"]["structured"]
    assert structured.get("rechnungsnummer") == truth["rechnungsnummer"]
    for key in ("datum", "betrag_brutto"):
        if key in structured:
            assert structured[key] == truth[key]


async def test_spelling_correction_can_be_turned_off(tesseract_gateway: httpx.AsyncClient) -> None:
    """Default: nouns Tesseract read in lower case come back capitalised; correct_spelling=false gives the raw reading."""
    pdf = DATASET / "EXTENDED_zugferd_2p0_EXTENDED_Kostenrechnung.pdf"
    files = {"file": (pdf.name, pdf.read_bytes(), "application/pdf")}
    texts = {}
    for correct in (True, False):
        options = json.dumps(
            {"first_page": 2, "last_page": 2, "extract_fields": False, "correct_spelling": correct}
        )
        response = await tesseract_gateway.post(PROCESS, files=files, data={"options": options})
        assert response.status_code == 200, response.text
        texts[correct] = response.json()["pages"][0]["text"]
    assert "Zählpunkt:" in texts[True] and "zählpunkt:" not in texts[True]
    assert "zählpunkt:" in texts[False]


async def test_an_upside_down_scan_is_turned_and_reported(tesseract_gateway: httpx.AsyncClient) -> None:
    """Issue 15: the page is read the right way up and the page report says it was turned 180 degrees."""
    from benchmarks.synth.capture import turned_scan_pdf

    pdf = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    truth = truth_of(pdf)
    scan = turned_scan_pdf(pdf.read_bytes(), seed=2, degrees=180)
    response = await tesseract_gateway.post(
        PROCESS,
        files={"file": ("scan.pdf", scan, "application/pdf")},
        data={"backend": "tesseract", "options": json.dumps({"first_page": 1, "last_page": 1})},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert truth["rechnungsnummer"] in body["text"]["raw"]
    quality = body["pages"][0]["quality"]
    assert quality["rotation_degrees"] == 180
    assert quality["orientation_method"] in ("osd", "osd+ocr")
    assert quality["capture"] == "scan"
    assert quality["estimated_dpi"] == pytest.approx(200, abs=2)
    assert quality["unreliable"] is False and quality["warnings"] == []
    assert quality["language"] == "de"  # a German page is read in the requested language


async def test_a_french_scan_is_read_with_the_french_model(tesseract_gateway: httpx.AsyncClient) -> None:
    """A French page is read again with `fra` first: the supplier's accents survive ("Mécanique" came back
    "M&canique" from the German model), the page says it was read in French, and the French words are left
    as read (no German noun capitals)."""
    from benchmarks.synth.degrade import render_scanned_pdf
    from benchmarks.synth.families import generate_family

    invoice = generate_family("francais", 1355669408)
    scan = render_scanned_pdf(invoice.pdf, seed=1355669408, dpi=300)
    response = await tesseract_gateway.post(
        PROCESS,
        files={"file": ("facture.pdf", scan, "application/pdf")},
        data={"backend": "tesseract"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["pages"][0]["quality"]["language"] == "fr"
    assert "Atelier Mécanique Girard" in body["text"]["raw"]
    structured = body["text"]["structured"]
    assert structured["lieferant"] == invoice.truth["lieferant"]
    assert structured["rechnungsnummer"] == invoice.truth["rechnungsnummer"]
    assert structured["betrag_brutto"] == invoice.truth["betrag_brutto"]

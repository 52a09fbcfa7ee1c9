"""E-invoices: finding the XML in PDFs, reading it exactly, refusing hostile XML, cross checks."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from bench_service.datasets import ZUGFERD_AWV
from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.einvoice import (
    EInvoiceError,
    cross_check,
    detect_einvoice_xml,
    find_embedded_einvoice,
    parse_einvoice,
)

DATA = Path(__file__).parent / "data"
DATASET = ZUGFERD_AWV
DATASET_PDFS = sorted(DATASET.glob("*.pdf"))
AMOUNT_KEYS = {"betrag_netto", "mwst", "betrag_brutto"}
NOT_FIELDS = {"pages"}  # truth keys that describe the PDF, not an invoice field


def values(fields: pb.InvoiceFields) -> dict[str, str]:
    return {f.name: f.value for f in fields.fields}


def field(fields: pb.InvoiceFields, name: str) -> pb.Field:
    return next(f for f in fields.fields if f.name == name)


def checks(fields: pb.InvoiceFields) -> dict[str, pb.Check]:
    return {c.name: c for c in fields.checks}


# ---------------------------------------------------------------- the AWV / FeRD corpus


def test_dataset_is_there():
    assert DATASET.is_dir(), f"the ZUGFeRD sample set is missing: expected it at {DATASET}"
    assert len(DATASET_PDFS) == 29, f"expected 29 PDFs in {DATASET}, found {len(DATASET_PDFS)}"


@pytest.mark.parametrize("pdf_path", DATASET_PDFS, ids=lambda p: p.stem)
def test_dataset_invoice_matches_truth(pdf_path: Path):
    truth = json.loads(pdf_path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    with pymupdf.open(pdf_path) as pdf:
        einvoice = find_embedded_einvoice(pdf)
    assert einvoice is not None, f"no e-invoice found in {pdf_path.name}"
    assert einvoice.filename == "zugferd-invoice.xml"
    assert einvoice.syntax == "CII"

    fields = parse_einvoice(einvoice.xml)
    got = values(fields)
    for key, expected in truth.items():
        if key in NOT_FIELDS:
            continue
        assert key in got, f"{pdf_path.name}: {key} missing"
        if key in AMOUNT_KEYS:
            assert Decimal(got[key]) == Decimal(str(expected)), f"{pdf_path.name}: {key}"
            assert got[key] == format(Decimal(str(expected)).quantize(Decimal("0.01")), "f")
        elif key == "iban":
            assert got[key] == "".join(expected.split()), f"{pdf_path.name}: {key}"
        else:
            assert got[key] == expected, f"{pdf_path.name}: {key}"
    assert all(f.source == pb.FIELD_SOURCE_EINVOICE_XML and f.confidence == 1.0 for f in fields.fields)
    assert fields.einvoice_profile.startswith("ZUGFeRD 2.x / Factur-X ")
    # The published samples are internally consistent (EN 16931 BR-CO-14/15).
    by_name = checks(fields)
    assert by_name["netto+mwst=brutto"].passed, by_name["netto+mwst=brutto"].message
    if "tax_breakdown=mwst" in by_name:
        assert by_name["tax_breakdown=mwst"].passed, by_name["tax_breakdown=mwst"].message


def test_dataset_profiles_and_validations():
    """Profiles from the guideline id; sample ids with bad checksums are reported, not fixed."""
    with pymupdf.open(DATASET / "EN16931_zugferd_2p0_EN16931_AbweichenderZahlungsempf.pdf") as pdf:
        fields = parse_einvoice(find_embedded_einvoice(pdf).xml)
    assert fields.einvoice_profile == "ZUGFeRD 2.x / Factur-X EN16931"
    iban = field(fields, "iban")
    assert iban.value == "DE12123456781234567890" and iban.valid is False and iban.issues
    assert checks(fields)["iban_checksum"].passed is False
    with pymupdf.open(DATASET / "MINIMUM_zugferd_2p0_MINIMUM.pdf") as pdf:
        assert parse_einvoice(find_embedded_einvoice(pdf).xml).einvoice_profile == (
            "ZUGFeRD 2.x / Factur-X MINIMUM"
        )
    with pymupdf.open(DATASET / "EXTENDED_zugferd_2p0_EXTENDED_Fremdwaehrung.pdf") as pdf:
        fields = parse_einvoice(find_embedded_einvoice(pdf).xml)
    # BT-110 is the VAT in the invoice currency (GBP); the EUR amount is BT-111.
    assert values(fields)["waehrung"] == "GBP"
    assert values(fields)["mwst"] == "163.16"


def test_seller_iban_only_not_the_payers_direct_debit_account():
    with pymupdf.open(DATASET / "EN16931_zugferd_2p0_EN16931_SEPA_Prenotification.pdf") as pdf:
        fields = parse_einvoice(find_embedded_einvoice(pdf).xml)
    assert "iban" not in values(fields)


# ---------------------------------------------------------------- hand-written samples


def test_xrechnung_ubl_invoice():
    content = (DATA / "xrechnung_ubl_invoice.xml").read_bytes()
    einvoice = detect_einvoice_xml(content)
    assert einvoice is not None and einvoice.syntax == "UBL"
    fields = parse_einvoice(content)
    assert fields.einvoice_profile == "XRechnung 3.0 (UBL)"
    assert values(fields) == {
        "rechnungsnummer": "RE-2025-0815",
        "datum": "2025-03-14",
        "leistungsdatum": "2025-03-12",
        "faelligkeit": "2025-04-13",
        "zahlungsbedingungen": "Zahlbar innerhalb von 30 Tagen ohne Abzug.",
        "betrag_netto": "465.00",
        "mwst": "74.55",
        "betrag_brutto": "539.55",
        "waehrung": "EUR",
        "lieferant": "Nordlicht Bürobedarf GmbH",
        "lieferant_adresse": "Hafenstraße 7, Hinterhaus, 24103 Kiel, DE",
        "ust_id": "DE811569869",
        "steuernummer": "93815/08152",
        "iban": "DE89370400440532013000",
        "bic": "COBADEFFXXX",
        "kundennummer": "K-20931",
        "bestellnummer": "PO-4711",
    }
    assert field(fields, "iban").raw == "DE89 3704 0044 0532 0130 00"
    assert field(fields, "ust_id").raw == "DE 811 569 869"
    assert all(field(fields, n).valid for n in ("iban", "bic", "ust_id", "steuernummer"))
    assert [(t.rate, t.base, t.amount) for t in fields.tax] == [
        ("19.00", "350.00", "66.50"),
        ("7.00", "115.00", "8.05"),
    ]
    assert all(c.passed for c in fields.checks), [c.message for c in fields.checks if not c.passed]
    assert {"netto+mwst=brutto", "tax_breakdown=mwst", "iban_checksum", "ust_id_checksum"} <= set(
        checks(fields)
    )


def test_ubl_credit_note_reported_as_stated():
    fields = parse_einvoice((DATA / "ubl_creditnote.xml").read_text(encoding="utf-8"))
    assert fields.einvoice_profile == "XRechnung 3.0 (UBL)"
    assert values(fields) == {
        "rechnungsnummer": "GS-2025-0042",
        "datum": "2025-03-20",
        "faelligkeit": "2025-03-30",
        "betrag_netto": "70.00",
        "mwst": "13.30",
        "betrag_brutto": "83.30",
        "waehrung": "EUR",
        "lieferant": "Nordlicht Bürobedarf GmbH",
        "lieferant_adresse": "Hafenstraße 7, 24103 Kiel, DE",
        "ust_id": "DE811569869",
        "kundennummer": "K-20931",
    }
    document_type = checks(fields)["document_type"]
    assert document_type.passed
    assert "381" in document_type.message and "credit" in document_type.message
    assert checks(fields)["netto+mwst=brutto"].passed


def test_xrechnung_cii():
    content = (DATA / "xrechnung_cii.xml").read_bytes()
    einvoice = detect_einvoice_xml(content)
    assert einvoice is not None and einvoice.syntax == "CII"
    fields = parse_einvoice(content)
    assert fields.einvoice_profile == "XRechnung 3.0 (CII)"
    assert values(fields) == {
        "rechnungsnummer": "2025/IT/0193",
        "datum": "2025-02-03",
        "leistungsdatum": "2025-01-01/2025-01-31",
        "faelligkeit": "2025-03-05",
        "zahlungsbedingungen": "Zahlbar bis 05.03.2025 ohne Abzug.",
        "betrag_netto": "1249.90",
        "mwst": "231.49",
        "betrag_brutto": "1481.39",
        "waehrung": "EUR",
        "lieferant": "Systemhaus Rheinblick GmbH",
        "lieferant_adresse": "Rheinufer 12, 53111 Bonn, DE",
        "ust_id": "DE129273398",
        "steuernummer": "201/113/40209",
        "iban": "DE75512108001245126199",
        "bic": "SOGEDEFFXXX",
        "kundennummer": "KD-7731",
        "bestellnummer": "BST-2025-118",
    }
    assert field(fields, "datum").raw == "20250203"
    assert [(t.rate, t.base, t.amount) for t in fields.tax] == [
        ("19.00", "1200.00", "228.00"),
        ("7.00", "49.90", "3.49"),
    ]
    assert all(c.passed for c in fields.checks)


def test_zugferd_1_comfort():
    fields = parse_einvoice((DATA / "zugferd1_comfort.xml").read_bytes())
    assert fields.einvoice_profile == "ZUGFeRD 1.0 COMFORT"
    assert values(fields) == {
        "rechnungsnummer": "ZF1-88017",
        "datum": "2016-11-08",
        "leistungsdatum": "2016-11-04",
        "faelligkeit": "2016-11-22",
        "zahlungsbedingungen": "Zahlbar innerhalb 14 Tagen netto.",
        "betrag_netto": "500.00",
        "mwst": "95.00",
        "betrag_brutto": "595.00",
        "waehrung": "EUR",
        "lieferant": "Werkstatt Alpenrand KG",
        "lieferant_adresse": "Bergweg 4, 83022 Rosenheim, DE",
        "ust_id": "DE136695976",
        "steuernummer": "156/789/01234",
        "iban": "DE02120300000000202051",
        "bic": "BYLADEM1001",
        "kundennummer": "10045",
        "bestellnummer": "B-2016-553",
    }
    assert [(t.rate, t.base, t.amount) for t in fields.tax] == [("19.00", "500.00", "95.00")]
    assert all(c.passed for c in fields.checks)


def test_inconsistencies_are_reported_not_fixed():
    xml = (DATA / "xrechnung_ubl_invoice.xml").read_text(encoding="utf-8")
    xml = xml.replace(
        '<cbc:TaxInclusiveAmount currencyID="EUR">539.55', '<cbc:TaxInclusiveAmount currencyID="EUR">539.65'
    )
    xml = xml.replace('<cbc:TaxAmount currencyID="EUR">8.05', '<cbc:TaxAmount currencyID="EUR">8.15')
    xml = xml.replace("DE89 3704 0044 0532 0130 00", "DE88 3704 0044 0532 0130 00")
    fields = parse_einvoice(xml)
    assert values(fields)["betrag_brutto"] == "539.65"
    by_name = checks(fields)
    assert not by_name["netto+mwst=brutto"].passed
    assert "465.00 + VAT 74.55 = 539.55" in by_name["netto+mwst=brutto"].message
    assert "539.65" in by_name["netto+mwst=brutto"].message
    assert not by_name["tax_breakdown=mwst"].passed
    assert "74.65" in by_name["tax_breakdown=mwst"].message
    assert values(fields)["iban"] == "DE88370400440532013000"
    assert field(fields, "iban").valid is False
    assert not by_name["iban_checksum"].passed


def test_declared_encoding_is_honoured():
    xml = (DATA / "zugferd1_comfort.xml").read_text(encoding="utf-8")
    latin1 = xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    einvoice = detect_einvoice_xml(latin1)
    assert einvoice is not None
    assert "Sägewerkstraße" in einvoice.xml
    assert values(parse_einvoice(einvoice.xml))["lieferant"] == "Werkstatt Alpenrand KG"
    assert values(parse_einvoice(latin1)) == values(parse_einvoice(xml))


# ---------------------------------------------------------------- PDFs


def _pdf_with(attach) -> pymupdf.Document:
    pdf = pymupdf.open()
    pdf.new_page()
    attach(pdf)
    reopened = pymupdf.open("pdf", pdf.tobytes())
    pdf.close()
    return reopened


def test_finds_xml_only_listed_as_pdfa3_associated_file():
    content = (DATA / "xrechnung_cii.xml").read_bytes()

    def attach(pdf: pymupdf.Document) -> None:
        stream = pdf.get_new_xref()
        pdf.update_object(stream, "<< /Type /EmbeddedFile /Subtype /text#2Fxml >>")
        pdf.update_stream(stream, content)
        spec = pdf.get_new_xref()
        pdf.update_object(
            spec,
            f"<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /AFRelationship /Alternative "
            f"/EF << /F {stream} 0 R /UF {stream} 0 R >> >>",
        )
        pdf.xref_set_key(pdf.pdf_catalog(), "AF", f"[{spec} 0 R]")

    with _pdf_with(attach) as pdf:
        assert pdf.embfile_names() == []
        einvoice = find_embedded_einvoice(pdf)
    assert einvoice is not None
    assert (einvoice.filename, einvoice.syntax) == ("factur-x.xml", "CII")
    assert values(parse_einvoice(einvoice.xml))["rechnungsnummer"] == "2025/IT/0193"


def test_finds_invoice_under_any_xml_name_and_skips_other_attachments():
    def attach(pdf: pymupdf.Document) -> None:
        pdf.embfile_add("notes.xml", b"<notes><note>not an invoice</note></notes>", filename="notes.xml")
        pdf.embfile_add("photo.png", b"\x89PNG\r\n\x1a\n", filename="photo.png")
        pdf.embfile_add(
            "rechnung.xml", (DATA / "xrechnung_ubl_invoice.xml").read_bytes(), filename="rechnung.xml"
        )

    with _pdf_with(attach) as pdf:
        einvoice = find_embedded_einvoice(pdf)
    assert einvoice is not None
    assert (einvoice.filename, einvoice.syntax) == ("rechnung.xml", "UBL")


def test_no_einvoice_in_pdf():
    def attach(pdf: pymupdf.Document) -> None:
        pdf.embfile_add("notes.xml", b"<notes/>", filename="notes.xml")

    with _pdf_with(attach) as pdf:
        assert find_embedded_einvoice(pdf) is None
    with _pdf_with(lambda pdf: None) as pdf:
        assert find_embedded_einvoice(pdf) is None


# ---------------------------------------------------------------- bad and hostile input


def test_malformed_xml():
    with pytest.raises(EInvoiceError, match="not well-formed"):
        parse_einvoice(b"<rsm:CrossIndustryInvoice><unclosed></rsm:CrossIndustryInvoice>")
    with pytest.raises(EInvoiceError, match="empty"):
        parse_einvoice(b"  ")
    assert detect_einvoice_xml(b"%PDF-1.7 not xml at all") is None


def test_xml_that_is_not_an_invoice():
    order = (
        b'<?xml version="1.0"?><rsm:SCRDMCCBDACIOMessageStructure '
        b'xmlns:rsm="urn:un:unece:uncefact:data:SCRDMCCBDACIOMessageStructure:100"/>'
    )
    with pytest.raises(EInvoiceError, match="not an e-invoice.*SCRDMCCBDACIOMessageStructure"):
        parse_einvoice(order)
    with pytest.raises(EInvoiceError, match="not an e-invoice"):
        parse_einvoice("<Invoice><ID>1</ID></Invoice>")  # right name, no UBL namespace
    assert detect_einvoice_xml(order) is None
    assert issubclass(EInvoiceError, ValueError)


def test_external_entity_is_refused(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        '<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" '
        'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">'
        "<cbc:ID>&xxe;</cbc:ID></ubl:Invoice>"
    ).encode()
    with pytest.raises(EInvoiceError, match="DTD") as raised:
        parse_einvoice(xxe)
    assert "TOP-SECRET" not in str(raised.value)
    assert detect_einvoice_xml(xxe) is None


def test_entity_expansion_bomb_is_refused():
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE r [{entities}]>'
        '<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" '
        'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">'
        "<cbc:ID>&a9;</cbc:ID></ubl:Invoice>"
    ).encode()
    with pytest.raises(EInvoiceError):
        parse_einvoice(bomb)


# ---------------------------------------------------------------- cross check


def _text_fields(**printed: tuple[str, str]) -> pb.InvoiceFields:
    return pb.InvoiceFields(
        fields=[
            pb.Field(name=name, value=value, raw=raw, source=pb.FIELD_SOURCE_TEXT)
            for name, (value, raw) in printed.items()
        ]
    )


def test_cross_check_agreement():
    xml_fields = parse_einvoice((DATA / "xrechnung_ubl_invoice.xml").read_bytes())
    text_fields = _text_fields(
        rechnungsnummer=("RE-2025-0815", "RE-2025-0815"),
        datum=("2025-03-14", "14.03.2025"),
        betrag_brutto=("539.55", "539,55"),
        mwst=("74.55", "74,55"),
        iban=("DE89370400440532013000", "DE89 3704 0044 0532 0130 00"),
        ust_id=("DE811569869", "DE 811 569 869"),
        lieferant=("Nordlicht Bürobedarf GmbH", "NORDLICHT Bürobedarf GmbH"),
    )
    result = cross_check(xml_fields, text_fields)
    assert {c.name for c in result} == {
        "xml_vs_text:rechnungsnummer",
        "xml_vs_text:datum",
        "xml_vs_text:betrag_brutto",
        "xml_vs_text:mwst",
        "xml_vs_text:iban",
        "xml_vs_text:ust_id",
        "xml_vs_text:lieferant",
    }
    assert all(c.passed for c in result), [c.message for c in result if not c.passed]


def test_cross_check_disagreement():
    xml_fields = parse_einvoice((DATA / "xrechnung_ubl_invoice.xml").read_bytes())
    text_fields = _text_fields(
        betrag_brutto=("539.65", "539,65"),
        betrag_netto=("465.00", "465,00"),
        faelligkeit=("2025-04-30", "30.04.2025"),
        kundennummer=("K-20931", "K-20931"),
    )
    result = {c.name: c for c in cross_check(xml_fields, text_fields)}
    assert set(result) == {
        "xml_vs_text:betrag_brutto",
        "xml_vs_text:betrag_netto",
        "xml_vs_text:faelligkeit",
        "xml_vs_text:kundennummer",
    }
    total = result["xml_vs_text:betrag_brutto"]
    assert not total.passed
    assert total.message == "the printed total 539,65 differs from the XML total 539.55"
    assert not result["xml_vs_text:faelligkeit"].passed
    assert result["xml_vs_text:betrag_netto"].passed
    assert result["xml_vs_text:kundennummer"].passed

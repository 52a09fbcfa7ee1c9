"""Hand-made layouts, so the extractor is not tuned to one stylesheet."""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.extract import extract_fields
from tests.invoice.synth import field, line, page, values


def english_invoice() -> pb.PageResult:
    return page(
        line("Acme Widgets Ltd. · 12 High Street · 10115 Berlin", 0.08, 0.05),
        line("Kunden AG", 0.08, 0.15),
        line("Hauptstraße 5", 0.08, 0.165),
        line("60311 Frankfurt", 0.08, 0.18),
        line("Invoice No.: INV-2024-0042", 0.60, 0.15),
        line("Invoice date: March 5, 2024", 0.60, 0.165),
        line("Customer No.: C-981", 0.60, 0.18),
        line("Due date: 2024-04-04", 0.60, 0.195),
        # Totals table: label left, amount at the right end of the same row, as separate lines.
        line("Net total", 0.55, 0.70),
        line("1,234.56", 0.85, 0.70),
        line("VAT 19 %", 0.55, 0.715),
        line("234.57", 0.87, 0.715),
        line("Total", 0.55, 0.73),
        line("1,469.13", 0.85, 0.73),
        line("Payable within 30 days without deduction.", 0.08, 0.80),
        line("IBAN: DE89 3704 0044 0532 0130 00 BIC: COBADEFFXXX VAT ID: DE136695976", 0.08, 0.95),
    )


def test_english_labels_and_thousands_commas() -> None:
    got = values(extract_fields([english_invoice()]))
    assert got["rechnungsnummer"] == "INV-2024-0042"
    assert got["datum"] == "2024-03-05"
    assert got["faelligkeit"] == "2024-04-04"
    assert got["kundennummer"] == "C-981"
    assert (got["betrag_netto"], got["mwst"], got["betrag_brutto"]) == ("1234.56", "234.57", "1469.13")
    assert got["iban"] == "DE89370400440532013000"
    assert got["bic"] == "COBADEFFXXX"
    assert got["ust_id"] == "DE136695976"
    assert got["lieferant"] == "Acme Widgets Ltd."
    assert got["zahlungsbedingungen"].startswith("Payable within 30 days")


def test_fields_carry_page_box_confidence_and_validity() -> None:
    fields = extract_fields([english_invoice()])
    iban = field(fields, "iban")
    assert iban.page == 1 and iban.box.y0 > 0.949 and iban.valid and iban.confidence > 0.9
    assert iban.raw == "DE89 3704 0044 0532 0130 00"
    assert iban.source == pb.FIELD_SOURCE_TEXT
    brutto = field(fields, "betrag_brutto")
    assert brutto.raw == "1,469.13" and abs(brutto.box.x0 - 0.85) < 1e-6
    checks = {c.name: c.passed for c in fields.checks}
    assert checks["netto+mwst=brutto"] and checks["iban_checksum"] and checks["mwst_rate_19"]
    assert [(t.rate, t.base, t.amount) for t in fields.tax] == [("19.00", "1234.56", "234.57")]


def test_low_ocr_confidence_lowers_field_confidence() -> None:
    high = field(extract_fields([page(line("Rechnungsnummer: 4711", 0.1, 0.1, conf=0.99))]), "rechnungsnummer")
    low = field(extract_fields([page(line("Rechnungsnummer: 4711", 0.1, 0.1, conf=0.55))]), "rechnungsnummer")
    assert high.value == low.value == "4711"
    assert low.confidence < high.confidence


def test_stacked_labels_with_values_below() -> None:
    pr = page(
        line("Rechnungsnummer", 0.10, 0.20),
        line("Rechnungsdatum", 0.35, 0.20),
        line("Kundennummer", 0.60, 0.20),
        line("RE-77-2019", 0.10, 0.215),
        line("5. Mär. 2019", 0.35, 0.215),
        line("K 4711", 0.60, 0.215),
        line("Nettobetrag 100,00 €", 0.55, 0.60),
        line("zzgl. 7 % MwSt. 7,00 €", 0.55, 0.615),
        line("Rechnungsbetrag 107,00 €", 0.55, 0.63),
    )
    got = values(extract_fields([pr]))
    assert got["rechnungsnummer"] == "RE-77-2019"
    assert got["datum"] == "2019-03-05"
    assert (got["betrag_netto"], got["mwst"], got["betrag_brutto"]) == ("100.00", "7.00", "107.00")
    assert got["waehrung"] == "EUR"


def test_credit_note_negative_amounts() -> None:
    pr = page(
        line("Gutschrift Nr. GS-2020-7 vom 05.03.20", 0.08, 0.10),
        line("Summe netto -100,00 EUR", 0.50, 0.60),
        line("Umsatzsteuer 19 % -19,00 EUR", 0.50, 0.615),
        line("Gesamtbetrag -119,00 EUR", 0.50, 0.63),
    )
    got = values(extract_fields([pr]))
    assert got["rechnungsnummer"] == "GS-2020-7"
    assert got["datum"] == "2020-03-05"
    assert (got["betrag_netto"], got["mwst"], got["betrag_brutto"]) == ("-100.00", "-19.00", "-119.00")


def test_arithmetic_chooses_between_competing_totals() -> None:
    # "Zahlbetrag" (after a deposit) and "Bruttobetrag" compete; the one that equals netto+mwst wins.
    pr = page(
        line("Rechnung Nr. 1001", 0.08, 0.10),
        line("Netto 200,00", 0.50, 0.60),
        line("MwSt 19 % 38,00", 0.50, 0.615),
        line("Zahlbetrag 138,00", 0.50, 0.645),
        line("Gesamtbetrag 238,00", 0.50, 0.63),
    )
    assert values(extract_fields([pr]))["betrag_brutto"] == "238.00"


def test_failed_sum_is_reported_not_fixed() -> None:
    pr = page(
        line("Rechnung Nr. 1002", 0.08, 0.10),
        line("Nettobetrag 200,00", 0.50, 0.60),
        line("USt. 19 % 38,00", 0.50, 0.615),
        line("Bruttobetrag 283,00", 0.50, 0.63),
    )
    fields = extract_fields([pr])
    brutto = field(fields, "betrag_brutto")
    assert brutto.value == "283.00" and brutto.HasField("valid") and not brutto.valid
    assert any("283.00" in i for i in brutto.issues)
    assert {c.name: c.passed for c in fields.checks}["netto+mwst=brutto"] is False


def test_ocr_confused_iban_repaired_and_wrong_iban_flagged() -> None:
    repaired = field(extract_fields([page(line("IBAN: DE89 3704 0044 O532 0130 00", 0.1, 0.9, conf=0.7))]), "iban")
    assert repaired.value == "DE89370400440532013000" and repaired.valid
    assert "repaired OCR confusion O→0" in repaired.issues
    wrong = field(extract_fields([page(line("IBAN: DE89 3704 0044 0532 0130 01", 0.1, 0.9))]), "iban")
    assert wrong.value == "DE89370400440532013001" and wrong.HasField("valid") and not wrong.valid
    assert wrong.issues and not any("repaired" in i for i in wrong.issues)


def test_seller_vat_id_preferred_over_buyer_vat_id() -> None:
    pr = page(
        line("Rechnungsempfänger:", 0.08, 0.10),
        line("Kunde GmbH", 0.08, 0.115),
        line("USt-IdNr.: DE998877660", 0.08, 0.13),
        line("Rechnung Nr. 5", 0.08, 0.30),
        line("Muster Lieferant GmbH · Steuer-Nr. 201/113/40209 · USt-IdNr. DE136695976", 0.08, 0.95),
    )
    got = values(extract_fields([pr]))
    assert got["ust_id"] == "DE136695976"
    assert got["steuernummer"] == "201/113/40209"


def test_no_text_gives_no_fields() -> None:
    assert list(extract_fields([pb.PageResult(page_number=1)]).fields) == []

"""Ordinary invoices where a rule of session 19 first gave a wrong value (found by a review session).

Each test asserts the value a bookkeeper would book; each failed with the rule as first written, and all but the
last (an exempt invoice whose items have no quantity and price columns, wrong before the session too) passed
before the rule came. The comment above each names the rule it guards.
"""

from __future__ import annotations

import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.extract import extract_fields
from tests.invoice.synth import line, page, values

AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")


def _got(*lines: pb.TextLine, scanned: bool = False) -> dict[str, str]:
    p = page(*lines)
    if scanned:
        p.kind = pb.PAGE_KIND_SCANNED
    return values(extract_fields([p]))


# Rule 5 (_penalise_counts): a real one-digit invoice number lost to any other 3+ character candidate.
def test_a_one_digit_invoice_number_beside_a_reference_number() -> None:
    """A freelancer's 7th invoice: "Invoice No. 7" and the customer's "Reference No. PO-88123" (a lexicon label of
    the invoice number at 0.8). The labelled invoice number is the invoice's; the count penalty handed it to the
    customer's reference."""
    got = _got(
        line("Brightline Studio Ltd · 12 King Street · London EC2V 8AA", 0.08, 0.05),
        line("Invoice No. 7", 0.60, 0.20),
        line("Date 04/12/2026", 0.60, 0.22),
        line("Reference No. PO-88123", 0.60, 0.24),
        line("Subtotal £1,000.00", 0.55, 0.80),
        line("VAT 20% £200.00", 0.55, 0.82),
        line("Total £1,200.00", 0.55, 0.84),
    )
    assert got.get("rechnungsnummer") == "7"


def test_a_credit_notes_two_digit_number_below_the_corrected_invoices_number() -> None:
    """A small trade's 15th credit note, "Ihre Rechnung Nr. 2026-0117 vom 01.11.2026" printed above "Gutschrift
    Nr. 15": the credit note's own number, not the invoice it corrects."""
    got = _got(
        line("Malerbetrieb Krause · Lindenweg 3 · 34117 Kassel", 0.08, 0.05),
        line("Ihre Rechnung Nr. 2026-0117 vom 01.11.2026", 0.60, 0.16),
        line("Gutschrift Nr. 15", 0.60, 0.20),
        line("Datum: 04.12.2026", 0.60, 0.22),
        line("Nettobetrag 100,00 €", 0.55, 0.80),
        line("MwSt. 19 % 19,00 €", 0.55, 0.82),
        line("Gutschriftsbetrag 119,00 €", 0.55, 0.84),
    )
    assert got.get("rechnungsnummer") == "15"


# Rule 6 (_payment_table_rows, payment_schedule): an instalment plan's "Summe" is the invoice's total when the
# invoice's items add up to it.
def test_an_annual_fee_paid_in_instalments_keeps_the_plans_sum() -> None:
    """An annual maintenance contract invoiced once (item 1.000,00), paid in four quarterly instalments listed
    under "Zahlungsplan" with their "Summe 1.000,00 190,00 1.190,00": that sum is the invoice, not one quarter."""
    got = _got(
        line("Aufzugsdienst Nord GmbH · Hafenstraße 12 · 24103 Kiel", 0.08, 0.05),
        line("Rechnungs-Nr.: WV-2027-0042", 0.60, 0.12),
        line("Rechnungsdatum: 04.12.2026", 0.60, 0.14),
        line("Rechnung Wartungsvertrag 2027", 0.08, 0.22),
        line("Pos Bezeichnung Betrag", 0.08, 0.26),
        line("1 Wartungspauschale Aufzugsanlage 2027 1.000,00", 0.08, 0.28),
        line("Zahlungsplan", 0.08, 0.34),
        line("Fällig am Netto USt 19 % Brutto", 0.08, 0.36),
        line("15.01.2027 250,00 47,50 297,50", 0.08, 0.38),
        line("15.04.2027 250,00 47,50 297,50", 0.08, 0.40),
        line("15.07.2027 250,00 47,50 297,50", 0.08, 0.42),
        line("15.10.2027 250,00 47,50 297,50", 0.08, 0.44),
        line("Summe 1.000,00 190,00 1.190,00", 0.08, 0.46),
    )
    assert tuple(got.get(n) for n in AMOUNTS) == ("1000.00", "190.00", "1190.00")


# Rule 7 (_taxed_after): the deducted deposit's own breakdown (netto + USt = brutto, required by § 14 (5) UStG in
# a final invoice) is taken for "VAT charged after the deduction".
@pytest.mark.parametrize(
    "deduction",
    [
        ("abzgl. Anzahlung vom 12.01.2026 -5.950,00 €",
         "(Nettobetrag 5.000,00 €, USt 19 % 950,00 €, Bruttobetrag 5.950,00 €)"),
        ("abzüglich geleistete Anzahlung",
         "Nettobetrag 5.000,00 € zzgl. 19 % USt 950,00 € Gesamtbetrag 5.950,00 €"),
    ],
    ids=["bracketed-breakdown", "heading-then-breakdown"],
)  # fmt: skip
def test_a_final_invoice_deducting_a_deposit_with_its_vat_stated(deduction: tuple[str, str]) -> None:
    """Schlussrechnung, gross method: the whole work 20.000 + 3.800 = 23.800, then the deposit deducted with its
    netto, VAT and brutto stated, then the amount left to pay. The invoice is the whole work."""
    got = _got(
        line("Elektro Weber GmbH · Bahnhofstr. 4 · 72070 Tübingen", 0.08, 0.05),
        line("Rechnungs-Nr. SR-2026-0212", 0.60, 0.12),
        line("Datum 05.03.2026", 0.60, 0.14),
        line("Schlussrechnung", 0.08, 0.20),
        line("Summe netto 20.000,00 €", 0.50, 0.60),
        line("zzgl. 19 % USt 3.800,00 €", 0.50, 0.62),
        line("Gesamtbetrag 23.800,00 €", 0.50, 0.64),
        line(deduction[0], 0.08, 0.67),
        line(deduction[1], 0.08, 0.685),
        line("Zahlbetrag 17.850,00 €", 0.50, 0.72),
    )
    assert tuple(got.get(n) for n in AMOUNTS) == ("20000.00", "3800.00", "23800.00")


# Rule 11 (_scan_wrapped_ibans): a direct debit whose marker word follows the wrapped IBAN.
def test_a_direct_debits_wrapped_iban_is_the_buyers() -> None:
    """A utility's invoice paid by SEPA direct debit: "... wird am 15.12.2026 von der IBAN DE02" / "1203 0000 0000
    2020 51 abgebucht." The account debited is the customer's; the invoice prints no payee IBAN."""
    got = _got(
        line("Stadtwerke Musterstadt GmbH · Am Wasserwerk 1 · 72070 Tübingen", 0.08, 0.05),
        line("Rechnungs-Nr.: 2026-118844", 0.60, 0.12),
        line("Datum: 04.12.2026", 0.60, 0.14),
        line("Nettobetrag 100,00 €", 0.55, 0.50),
        line("USt 19 % 19,00 €", 0.55, 0.52),
        line("Rechnungsbetrag 119,00 €", 0.55, 0.54),
        line("Der Rechnungsbetrag wird am 15.12.2026 von der IBAN DE02", 0.08, 0.60),
        line("1203 0000 0000 2020 51 abgebucht. Mandatsreferenz: M-4711", 0.08, 0.615),
    )
    assert got.get("iban") is None


# Rule 12 (_reconciled_number): readings of the same length that are no second print of the number, and an "O"
# inside a digit run.
def test_a_scanned_invoice_number_is_not_the_page_counter() -> None:
    """The 112th invoice of a small business, scanned; the foot prints "Seite 1/2". "1/2" is the page counter,
    not the invoice number printed again."""
    p1 = page(
        line("Malerbetrieb Krause · Lindenweg 3 · 34117 Kassel", 0.08, 0.05),
        line("Rechnung Nr. 112", 0.60, 0.12),
        line("Datum: 04.12.2026", 0.60, 0.14),
        line("Pos Bezeichnung Menge Einzelpreis Gesamt", 0.08, 0.30),
        line("1 Malerarbeiten Wohnzimmer 1 1.000,00 1.000,00", 0.08, 0.32),
        line("Seite 1/2", 0.45, 0.96),
        number=1, count=2,
    )  # fmt: skip
    p2 = page(
        line("Nettobetrag 1.000,00 €", 0.55, 0.20),
        line("MwSt. 19 % 190,00 €", 0.55, 0.22),
        line("Gesamtbetrag 1.190,00 €", 0.55, 0.24),
        line("Seite 2/2", 0.45, 0.96),
        number=2, count=2,
    )  # fmt: skip
    for p in (p1, p2):
        p.kind = pb.PAGE_KIND_SCANNED
    assert values(extract_fields([p1, p2])).get("rechnungsnummer") == "112"


@pytest.mark.parametrize(
    ("number", "misread"), [("2024-1170", "2024-117O"), ("2610-117", "261O-117")], ids=["final-zero", "zero-before-dash"]
)
def test_a_zero_inside_a_digit_run_is_no_letter_o(number: str, misread: str) -> None:
    """The number read right in the head, its second print misread with an "O": a zero ending a digit run or
    before a dash is still a zero (only a zero BEFORE a digit is decided by the rule)."""
    got = _got(
        line("Malerbetrieb Krause · Lindenweg 3 · 34117 Kassel", 0.08, 0.05),
        line(f"Rechnung Nr. {number}", 0.60, 0.12),
        line("Datum: 04.12.2026", 0.60, 0.14),
        line("Nettobetrag 1.000,00 €", 0.55, 0.50),
        line("MwSt. 19 % 190,00 €", 0.55, 0.52),
        line("Gesamtbetrag 1.190,00 €", 0.55, 0.54),
        line(f"Rechnung {misread} · Seite 1 von 1", 0.08, 0.96),
        scanned=True,
    )
    assert got.get("rechnungsnummer") == number


# Rule 4 (_sender_in two-part line): a delivery address or a site named in one line with the customer's legal form.
@pytest.mark.parametrize(
    "site",
    [
        "Lieferanschrift Muster Bau GmbH · 70173 Stuttgart",
        "Lieferung an Muster Bau GmbH · 70173 Stuttgart",
        "Bauvorhaben Muster Bau GmbH · 70173 Stuttgart",
    ],
)
def test_a_delivery_address_line_with_the_customers_legal_form_is_no_sender_line(site: str) -> None:
    """Letterhead top right (name, street, town on three rows), the customer's window address, and in the header a
    one-line delivery address or building site without a colon. The customer named there is not the seller."""
    got = _got(
        line("Weber Haustechnik GmbH", 0.60, 0.04),
        line("Bahnhofstr. 4", 0.60, 0.055),
        line("72070 Tübingen", 0.60, 0.07),
        line("Muster Bau GmbH", 0.08, 0.14),
        line("Industriestr. 5", 0.08, 0.155),
        line("70173 Stuttgart", 0.08, 0.17),
        line(site, 0.08, 0.24),
        line("Rechnungs-Nr. R-2026-0815", 0.60, 0.30),
        line("Datum 04.12.2026", 0.60, 0.32),
        line("Nettobetrag 1.000,00 €", 0.55, 0.80),
        line("MwSt. 19 % 190,00 €", 0.55, 0.82),
        line("Gesamtbetrag 1.190,00 €", 0.55, 0.84),
    )
    assert got.get("lieferant") == "Weber Haustechnik GmbH"


# Rule 2 (_addressee_tokens): "up to 2 rows above" the attention line reaches past the addressee's name.
def test_a_return_address_name_over_the_window_is_not_the_addressees() -> None:
    """The window's small return-address line holds the seller's name alone ("Weber Haustechnik GmbH"), then the
    customer "Muster AG" and "z. Hd. Frau Özdemir". Only "Muster AG" is the addressee's name; the seller, named
    nowhere else with its legal form, is lost."""
    got = _got(
        line("Weber Haustechnik GmbH", 0.08, 0.115),
        line("Muster AG", 0.08, 0.13),
        line("z. Hd. Frau Özdemir", 0.08, 0.145),
        line("Industriestr. 5", 0.08, 0.16),
        line("70173 Stuttgart", 0.08, 0.175),
        line("Rechnungs-Nr. R-2026-0815", 0.60, 0.30),
        line("Datum 04.12.2026", 0.60, 0.32),
        line("Nettobetrag 1.000,00 €", 0.55, 0.80),
        line("MwSt. 19 % 190,00 €", 0.55, 0.82),
        line("Gesamtbetrag 1.190,00 €", 0.55, 0.84),
    )
    assert got.get("lieferant") == "Weber Haustechnik GmbH"


# Rule 8 (_zero_vat with items): not a regression, a gap. Its own case ("650,00 + 130,00 = 780,00") is still
# read as netto + 20 % VAT when the items table has no quantity/unit-price columns (no line items are read).
def test_a_small_business_invoice_with_a_two_column_items_table_has_no_vat() -> None:
    got = _got(
        line("Grafik Anna Schmidt · Lindenweg 3 · 34117 Kassel", 0.08, 0.05),
        line("Rechnung Nr. 2026-014", 0.60, 0.20),
        line("Datum: 04.12.2026", 0.60, 0.22),
        line("Pos Leistung Betrag", 0.08, 0.30),
        line("1 Logoentwurf 650,00 €", 0.08, 0.32),
        line("2 Visitenkarten 130,00 €", 0.08, 0.34),
        line("Gesamtbetrag 780,00 €", 0.55, 0.40),
        line("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.", 0.08, 0.44),
    )
    assert tuple(got.get(n) for n in AMOUNTS) == ("780.00", "0.00", "780.00")

"""Line items (services/invoice/lineitems.py): quantity × unit price = amount per row, their sum against netto
(held / failed / not applicable), the sum as evidence for netto, VAT lines read beside line items, and the
payee IBAN on direct-debit invoices.

Pages are built by hand (tests/invoice/synth.py); each test fails without the feature it names.
"""

from __future__ import annotations

import pymupdf

from bench_service.datasets import ZUGFERD_AWV
from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.extract import extract_fields
from services.invoice.layout import DocumentLayout
from services.invoice.lineitems import CHECK_NAME, read_line_items
from services.pdftext.textlayer import read_page
from tests.invoice.synth import LINE_H, line, page, values

AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")


def _head(*extra: pb.TextLine) -> list[pb.TextLine]:
    return [
        line("Muster Handel GmbH · Hauptstraße 1 · 10115 Berlin", 0.08, 0.05),
        line("Rechnung", 0.08, 0.2),
        line("Rechnungsnummer: R-2026-0815", 0.08, 0.24),
        line("Rechnungsdatum: 04.12.2026", 0.08, 0.26),
        *extra,
    ]


def _check(fields: pb.InvoiceFields, name: str = CHECK_NAME) -> pb.Check | None:
    return next((c for c in fields.checks if c.name == name), None)


def _items_page(*rows: pb.TextLine, totals: tuple[str, str, str]) -> pb.PageResult:
    netto, mwst, brutto = totals
    return page(
        *_head(),
        line("Pos. Bezeichnung Menge Einheit Einzelpreis Gesamt", 0.08, 0.40),
        *rows,
        line(f"Nettobetrag {netto} €", 0.55, 0.70),
        line(f"MwSt. 19 % {mwst} €", 0.55, 0.72),
        line(f"Gesamtbetrag {brutto} €", 0.55, 0.74),
    )


def test_line_items_read_by_their_arithmetic() -> None:
    """Quantity before or after the unit price, position and article numbers and a rate column in between,
    and a French thousands group ("1 116,23")."""
    p = page(
        line("1 S-59353 Fachbuch kompakt 12 Stk. 75,83 909,96", 0.08, 0.42),
        line("2 Trennblätter 9,9000 20 Stk 19 % 198,00", 0.08, 0.44),
        line("3 B-31983 Prestation de conseil 7,5 148,83 20 % 1 116,23", 0.08, 0.46),
        line("Zwischensumme 2.224,19", 0.55, 0.60),
        line("USt. 19 % auf 1.107,96 210,51", 0.55, 0.62),
    )
    items = read_line_items(DocumentLayout.build([p]))
    got = [(str(i.quantity), str(i.unit_price), str(i.amount)) for i in items]
    assert got == [("12", "75.83", "909.96"), ("20", "9.9000", "198.00"), ("7.5", "148.83", "1116.23")]


def test_line_items_sum_to_netto_held() -> None:
    p = _items_page(
        line("1 Schrauben M8 100 Stk. 0,25 25,00", 0.08, 0.42),
        line("2 Montage vor Ort 15,5 Std. 61,04 946,12", 0.08, 0.44),
        totals=("971,12", "184,51", "1.155,63"),
    )
    fields = extract_fields([p])
    check = _check(fields)
    assert check is not None and check.passed, check
    assert "2 line items" in check.message
    assert CHECK_NAME not in fields.not_applicable
    assert not fields.needs_review, list(fields.review_reasons)


def test_line_items_sum_failed_is_reported() -> None:
    """Items that add up to 80,00 under a netto of 100,00 (nothing names a discount): the check fails with
    both sums; netto + mwst = brutto holds, so the failure alone does not flag the invoice."""
    p = _items_page(
        line("1 Schrauben M8 100 Stk. 0,30 30,00", 0.08, 0.42),
        line("2 Muttern M8 100 Stk. 0,50 50,00", 0.08, 0.44),
        totals=("100,00", "19,00", "119,00"),
    )
    fields = extract_fields([p])
    check = _check(fields)
    assert check is not None and not check.passed
    assert "80.00" in check.message and "100.00" in check.message
    assert values(fields)["betrag_netto"] == "100.00"
    assert not fields.needs_review, list(fields.review_reasons)


def test_line_items_with_allowance_hold() -> None:
    """An invoice discount between the items' sum and netto: items + discount = netto holds."""
    p = _items_page(
        line("1 Schrauben M8 100 Stk. 0,60 60,00", 0.08, 0.42),
        line("2 Muttern M8 100 Stk. 0,50 50,00", 0.08, 0.44),
        line("Rechnungsrabatt -10,00", 0.55, 0.66),
        totals=("100,00", "19,00", "119,00"),
    )
    check = _check(extract_fields([p]))
    assert check is not None and check.passed and "Rechnungsrabatt" in check.message


def test_no_line_items_not_applicable_never_failed() -> None:
    p = page(
        *_head(),
        line("Pauschale Beratung laut Vereinbarung", 0.08, 0.42),
        line("Nettobetrag 500,00 €", 0.55, 0.70),
        line("MwSt. 19 % 95,00 €", 0.55, 0.72),
        line("Gesamtbetrag 595,00 €", 0.55, 0.74),
    )
    fields = extract_fields([p])
    assert _check(fields) is None
    assert list(fields.not_applicable) == [CHECK_NAME]
    assert not fields.needs_review, list(fields.review_reasons)


def test_line_item_sum_decides_netto() -> None:
    """Two netto candidates of equal standing ("Warenwert" and "Zwischensumme"), neither with a VAT
    rate or sum to tell them apart: the one the line items add up to is netto."""
    p = page(
        *_head(),
        line("1 Schrauben M8 100 Stk. 0,60 60,00", 0.08, 0.42),
        line("2 Muttern M8 100 Stk. 0,40 40,00", 0.08, 0.44),
        line("Warenwert 120,00", 0.55, 0.66),
        line("Zwischensumme 100,00", 0.55, 0.68),
    )
    fields = extract_fields([p])
    assert values(fields)["betrag_netto"] == "100.00"
    check = _check(fields)
    assert check is not None and check.passed


def test_line_item_row_is_no_vat_line() -> None:
    """ "5 ... 20 qm 7,03 140,60": 5 % of 140,60 is 7,03 by chance; a line item row is no VAT line."""
    p = _items_page(
        line("4 A-50313 Übersetzung 5 Seite 57,61 288,05", 0.08, 0.42),
        line("5 A-45005 Gerüststellung Fassade 20 qm 7,03 140,60", 0.08, 0.44),
        totals=("428,65", "81,44", "510,09"),
    )
    fields = extract_fields([p])
    assert [t.rate for t in fields.tax] == ["19.00"]
    assert not fields.needs_review, list(fields.review_reasons)


def test_vat_line_with_space_grouped_amounts() -> None:
    """ "USt. 19 % auf 29 679,80 5 639,16": rate, base and amount on one row, amounts grouped by spaces."""
    p = page(
        *_head(),
        line("Zwischensumme 29 894,12 EUR", 0.55, 0.66),
        line("USt. 19 % auf 29 679,80 5 639,16 EUR", 0.55, 0.68),
        line("USt. 7 % auf 214,32 15,00 EUR", 0.55, 0.70),
        line("Summe MwSt. 5 654,16 EUR", 0.55, 0.72),
        line("Summe brutto 35 548,28 EUR", 0.55, 0.74),
    )
    fields = extract_fields([p])
    assert [(t.rate, t.base, t.amount) for t in fields.tax] == [
        ("19.00", "29679.80", "5639.16"),
        ("7.00", "214.32", "15.00"),
    ]
    assert tuple(values(fields).get(n) for n in AMOUNTS) == ("29894.12", "5654.16", "35548.28")
    assert not fields.needs_review, list(fields.review_reasons)


def test_zzgl_vat_single_amount_row() -> None:
    """ "zzgl. 19 % USt 37,62": rate and tax amount on one row, the base is netto (a guard: this form
    worked before and must keep working beside the line-item and space-group readings of VAT lines)."""
    p = page(
        *_head(),
        line("Summe netto 198,00 EUR", 0.55, 0.68),
        line("zzgl. 19 % USt 37,62 EUR", 0.55, 0.70),
        line("Rechnungsbetrag 235,62 EUR", 0.55, 0.72),
    )
    fields = extract_fields([p])
    assert [(t.rate, t.base, t.amount) for t in fields.tax] == [("19.00", "198.00", "37.62")]
    assert tuple(values(fields).get(n) for n in AMOUNTS) == ("198.00", "37.62", "235.62")


# ---------------------------------------------------------------- SEPA direct debit

PAYEE_IBAN = "DE89370400440532013000"
BUYER_IBAN = "DE02120300000000202051"


def _grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def test_direct_debit_iban_is_the_buyers_not_the_payees() -> None:
    """A SEPA direct-debit invoice prints the buyer's IBAN the amount is taken from, here low on the page
    where footers carry the seller's identifiers; the payee IBAN (the supplier's bank line) is `iban`."""
    p = page(
        *_head(),
        line("Nettobetrag 100,00 €", 0.55, 0.60),
        line("MwSt. 19 % 19,00 €", 0.55, 0.62),
        line("Gesamtbetrag 119,00 €", 0.55, 0.64),
        line(f"Bankverbindung: Commerzbank · IBAN {_grouped(PAYEE_IBAN)} · BIC COBADEFFXXX", 0.08, 0.70),
        line("Der Rechnungsbetrag wird am 15.12.2026 per SEPA-Lastschrift von Ihrem Konto", 0.08, 0.86),
        line(f"IBAN {_grouped(BUYER_IBAN)} abgebucht. Mandatsreferenz M-4711", 0.08, 0.86 + LINE_H * 1.3),
    )
    assert values(extract_fields([p]))["iban"] == PAYEE_IBAN


def test_direct_debit_iban_alone_is_not_returned() -> None:
    p = page(
        *_head(),
        line("Gesamtbetrag 119,00 €", 0.55, 0.64),
        line(f"Wir buchen den Betrag per Lastschrift von IBAN {_grouped(BUYER_IBAN)} ab.", 0.08, 0.70),
    )
    assert "iban" not in values(extract_fields([p]))


def test_dataset_sepa_invoice_text_layer_has_no_payee_iban() -> None:
    """The dataset's SEPA pre-notification prints only the buyer's IBAN ("Käufer-IBAN", "von Ihrem Konto per
    SEPA-Lastschrift eingezogen"): read from its text layer, no `iban` (the XML says the same)."""
    with pymupdf.open(ZUGFERD_AWV / "EN16931_zugferd_2p0_EN16931_SEPA_Prenotification.pdf") as pdf:
        pages = [p for i in range(pdf.page_count) if (p := read_page(pdf, i)) is not None]
    fields = values(extract_fields(pages))
    assert fields["rechnungsnummer"] == "471102" and "iban" not in fields


def test_transfer_iban_still_taken() -> None:
    """Without a direct debit the printed IBAN is the payee's, as before (a guard for the marker's reach)."""
    p = page(
        *_head(),
        line("Gesamtbetrag 119,00 €", 0.55, 0.64),
        line(f"Bitte überweisen Sie den Betrag auf IBAN {_grouped(PAYEE_IBAN)}.", 0.08, 0.70),
    )
    assert values(extract_fields([p]))["iban"] == PAYEE_IBAN


# ---------------------------------------------------------------- REST shape


def test_rest_validation_lists_not_applicable() -> None:
    """`text.structured.validation.not_applicable` carries the checks that could not be made; held and
    failed stay as they were."""
    from gateway_rest.convert import structured_fields

    p = page(
        *_head(),
        line("Nettobetrag 500,00 €", 0.55, 0.70),
        line("MwSt. 19 % 95,00 €", 0.55, 0.72),
        line("Gesamtbetrag 595,00 €", 0.55, 0.74),
    )
    validation = structured_fields(extract_fields([p])).model_dump()["validation"]
    assert validation["not_applicable"] == [CHECK_NAME]
    assert CHECK_NAME not in validation["failed"] and "netto+mwst=brutto" in validation["held"]


def test_iban_wrapped_after_its_label_read_whole() -> None:
    """ "... auf unser Konto bei der Sparkasse, IBAN" / "DE89 3704 0044 0532 0130 00, BIC ...": the label's
    short read of the next row fails its check; the whole valid IBAN of that row is `iban`."""
    p = page(
        *_head(),
        line("Rechnungsbetrag: 119,00 EUR", 0.08, 0.60),
        line("Bitte überweisen Sie den Betrag auf unser Konto bei der Commerzbank, IBAN", 0.08, 0.70),
        line(f"{_grouped(PAYEE_IBAN)}, BIC COBADEFFXXX.", 0.08, 0.70 + LINE_H * 1.3),
    )
    fields = extract_fields([p])
    assert values(fields)["iban"] == PAYEE_IBAN
    assert not any(c.name == "iban_checksum" and not c.passed for c in fields.checks)


def test_misread_small_netto_does_not_wipe_the_other_amounts() -> None:
    """On a scan only two of the item rows read as items and the netto row is unreadable: the items' sum
    (503,74) is computed as a netto candidate, smaller than every VAT read. VAT and brutto stay; no amount
    field is lost because one candidate cannot pair with the others."""
    p = page(
        *_head(),
        line("1 Schrauben M8 20 Stk. 11,00 220,00", 0.08, 0.42),
        line("2 Muttern M8 6 Stk. 47,29 283,74", 0.08, 0.44),
        line("3 Stahltraeger HEB 200 ~~ lfm 2.500,00 34.346,50", 0.08, 0.46),
        line("~~~ ~~~ ~~~~", 0.55, 0.70),
        line("MwSt. 19 % 6.621,55 EUR", 0.55, 0.72),
        line("Gesamtbetrag 41.471,79 EUR", 0.55, 0.74),
    )
    got = values(extract_fields([p]))
    assert (got.get("mwst"), got.get("betrag_brutto")) == ("6621.55", "41471.79")

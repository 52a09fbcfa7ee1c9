"""What office scans do to invoice text, and the checks that undo it (issue 14, scans of unseen layouts).

Each snippet is a form an OCR reading took in the invariance benchmark (benchmarks/bench_invariance.py) on
the dataset or a tuning family; each test failed before the mechanism it names. Repairs happen only where
a consistency check confirms them (netto + mwst = brutto, a VAT rate, a checksum); otherwise the value
stays as read and is flagged.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice import dates
from services.invoice.extract import extract_fields
from services.invoice.identifiers import check_identifier
from services.invoice.lexicon import load as load_lexicon
from services.invoice.ocr_digits import confusion
from tests.invoice.synth import field, line, page, values

AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")


def _amounts(fields: pb.InvoiceFields) -> tuple[str | None, ...]:
    got = values(fields)
    return tuple(got.get(n) for n in AMOUNTS)


def _head() -> list[pb.TextLine]:
    return [line("Rechnung Nr. 471102", 0.08, 0.10), line("Rechnungsdatum 05.03.2018", 0.08, 0.12)]


def test_consistent_triple_weighed_beyond_the_best_six_readings() -> None:
    """A VAT table's per-line amounts outrank the weakly labelled VAT total: the total, its minus sign
    lost, still makes netto + mwst = brutto and is chosen."""
    rows = _head()
    for i, (base, rate, tax) in enumerate(
        [("-5,00", "19", "0,10"), ("-2,90", "7", "0,06"), ("-5,00", "19", "0,05"), ("-2,90", "7", "0,02"),
         ("-5,00", "19", "0,92"), ("-2,90", "7", "0,20"), ("-1,00", "19", "0,30")]
    ):  # fmt: skip
        rows.append(line(f"Abschlag {base} {rate} % USt. {tax}", 0.10, 0.40 + i * 0.02))
    rows += [
        line("Rechnungssumme ohne USt. -7,67", 0.50, 0.70),
        line("Steuer 1,12", 0.50, 0.72),
        line("Bruttosumme -8,79", 0.50, 0.74),
    ]
    assert _amounts(extract_fields([page(*rows)])) == ("-7.67", "-1.12", "-8.79")


def test_digit_confusion_repaired_where_the_sum_confirms_it() -> None:
    """ "37,62" read "31,62": netto + mwst = brutto and 19 % of netto say 37.62; the reading stays in the issues."""
    p = page(
        *_head(),
        line("Nettobetrag 198,00", 0.50, 0.70),
        line("USt. 19 % 31,62", 0.50, 0.72),
        line("Bruttobetrag 235,62", 0.50, 0.74),
    )
    fields = extract_fields([p])
    assert _amounts(fields) == ("198.00", "37.62", "235.62")
    mwst = field(fields, "mwst")
    assert mwst.raw == "31,62" and any("OCR digit confusion 1→7" in i for i in mwst.issues)
    assert {c.name: c.passed for c in fields.checks}["netto+mwst=brutto"] is True
    assert fields.needs_review and any("OCR digit confusion" in r for r in fields.review_reasons)


def test_same_confusion_twice_needs_a_vat_rate_too() -> None:
    """ "76,67" read "16,61" (1 for 7 twice) is repaired: 19 % of 403,55 is 76,67."""
    p = page(
        *_head(),
        line("Nettobetrag 403,55", 0.50, 0.70),
        line("USt. 19 % 16,61", 0.50, 0.72),
        line("Bruttobetrag 480,22", 0.50, 0.74),
    )
    assert _amounts(extract_fields([p])) == ("403.55", "76.67", "480.22")


def test_wrong_cent_repaired_in_the_amount_printed_once() -> None:
    """A wrong last digit puts all three amounts one digit off the sum. The line items confirm netto and
    brutto is printed twice alike: the VAT read once ("56,81" for "56,87") is the misread one."""
    p = page(
        *_head(),
        line("Pos Artikel Menge Preis Betrag", 0.08, 0.30),
        line("1 Trennblätter 20 9,90 198,00", 0.08, 0.32),
        line("2 Joghurt 50 5,50 275,00", 0.08, 0.34),
        line("Summe netto 473,00", 0.50, 0.70),
        line("Steuerbetrag 56,81", 0.50, 0.72),
        line("Bruttosumme 529,87", 0.50, 0.74),
        line("Zahlbetrag 529,87", 0.50, 0.76),
    )
    assert _amounts(extract_fields([p])) == ("473.00", "56.87", "529.87")


def test_transposed_digits_are_no_ocr_confusion() -> None:
    """ "283,00" for 238,00 swaps two digits: a typing error, not a misreading; flagged, not repaired."""
    p = page(
        *_head(),
        line("Nettobetrag 200,00", 0.50, 0.70),
        line("USt. 19 % 38,00", 0.50, 0.72),
        line("Bruttobetrag 283,00", 0.50, 0.74),
    )
    fields = extract_fields([p])
    assert _amounts(fields) == ("200.00", "38.00", "283.00")
    assert {c.name: c.passed for c in fields.checks}["netto+mwst=brutto"] is False


def test_confusion_pairs() -> None:
    assert confusion(Decimal("31.62"), Decimal("37.62")) == ("1", "7", 1)
    assert confusion(Decimal("16.61"), Decimal("76.67")) == ("1", "7", 2)
    assert confusion(Decimal("283.00"), Decimal("238.00")) is None  # two different replacements
    assert confusion(Decimal("31.62"), Decimal("32.62")) is None  # 1 and 2 look nothing alike
    assert confusion(Decimal("1111.11"), Decimal("7777.77")) is None  # too many digits
    assert confusion(Decimal("31.62"), Decimal("-31.62")) is None


def test_month_names_with_accents_misread() -> None:
    """OCR reads "août" as "aoüt" and "é" as "&"; the month is still read."""
    assert [f.value for f in dates.find_dates("Date de facture : 4 aoüt 2017")] == [dates.date(2017, 8, 4)]
    assert [f.value for f in dates.find_dates("le 3 d&cembre 2018")] == [dates.date(2018, 12, 3)]
    assert [f.value for f in dates.find_dates("1er FÉVRIER 2019")] == [dates.date(2019, 2, 1)]


def test_due_date_label_with_accents_read_as_ampersands() -> None:
    """ "Date d'échéance" read "Date d'&ch&ance" is the due date label, not the invoice date's "Date"."""
    p = page(
        line("Facture N° B-64307", 0.08, 0.10),
        line("Date d'&ch&ance : 14 aoüt 2017", 0.08, 0.80),
    )
    got = values(extract_fields([p]))
    assert got.get("faelligkeit") == "2017-08-14" and got.get("datum") != "2017-08-14"


@pytest.mark.parametrize("rate", ["7£", "Z£"])
def test_currency_signs_beside_bare_numbers_are_no_evidence(rate: str) -> None:
    """ "7£" or "Z£" (a misread "7%") and "$4" (a misread "§4") beside whole numbers do not make pounds or
    dollars; the currency code printed on the invoice does."""
    p = page(
        *_head(),
        line("Alle Beträge in EUR", 0.08, 0.20),
        line(f"1 Süßwaren 5 52,11 {rate} 263,55", 0.08, 0.40),
        line("steuerfrei nach $4 Nr. 10a UStG 59,50", 0.08, 0.42),
        line("Gesamt 263,55", 0.50, 0.70),
    )
    assert values(extract_fields([p]))["waehrung"] == "EUR"


def test_currency_after_an_ocr_speck() -> None:
    """ "Rechnungswährung : EUR" with the colon read as "©"."""
    p = page(*_head(), line("Rechnungswährung © EUR", 0.08, 0.20), line("Gesamtbetrag $ 12,00", 0.50, 0.70))
    assert values(extract_fields([p]))["waehrung"] == "EUR"


def test_steuernummer_gap_after_its_first_digit() -> None:
    """ "201/113/40209" read "2 01/113/40209": spaces inside a slashed Steuernummer are OCR gaps."""
    got = check_identifier("steuernummer", "2 01/113/40209")
    assert got.value == "201/113/40209" and got.valid
    p = page(*_head(), line("Steuernummer : 2 01/113/40209", 0.08, 0.90))
    assert values(extract_fields([p]))["steuernummer"] == "201/113/40209"


def test_space_after_the_decimal_comma() -> None:
    """ "EUR 34850, 24": OCR put a gap after the decimal comma; the sum confirms the amount."""
    p = page(
        *_head(),
        line("Netto EUR 34850, 24", 0.50, 0.70),
        line("USt. 19 % EUR 6621,55", 0.50, 0.72),
        line("Summe brutto EUR 41471,79", 0.50, 0.74),
    )
    assert _amounts(extract_fields([p])) == ("34850.24", "6621.55", "41471.79")


def test_vat_id_label_read_with_commas_and_specks() -> None:
    """ "USt.-Id.-Nr.:" read "USE, -Id.-Nr. .", "USt. -Iqd,-Nr. :" or "USE. -Id.. Nr. ;": still the VAT id's
    label, and the speck before the value is skipped. The sample id fails its check digits: returned, flagged."""
    for row in ("USE, -Id.-Nr. . DE234567891", "USt. -Iqd,-Nr. : DE234567891", "USE. -Id.. Nr. ; DE234567891"):
        vat = field(extract_fields([page(*_head(), line(row, 0.08, 0.30))]), "ust_id")
        assert vat.value == "DE234567891" and vat.HasField("valid") and not vat.valid


def test_french_vat_lines_on_their_base_correct_a_misread_total() -> None:
    """ "Montant HT 2 377,77" read "2 377,11": the VAT lines "TVA 20 % sur 1 548,95 309,79" (bases grouped by
    spaces, "sur" from the lexicon's rate_base words) sum to a netto that adds up with TVA and TTC."""
    p = page(
        line("Facture N° INV-106663", 0.08, 0.10),
        line("Montant HT 2 377,11 €", 0.50, 0.70),
        line("TVA 20 % sur 1 548,95 309,79 €", 0.50, 0.72),
        line("TVA 10 % sur 828,82 82,88 €", 0.50, 0.74),
        line("Total TVA 392,67 €", 0.50, 0.76),
        line("Montant TTC 2 770,44 €", 0.50, 0.78),
    )
    assert _amounts(extract_fields([p])) == ("2377.77", "392.67", "2770.44")


def test_misread_copy_of_an_identifier_gives_way() -> None:
    """The seller's VAT id printed twice, once read with "I" for "1": the reading with the digit wins, even
    though the sample id fails its check digits (the misread one fails its format too)."""
    p = page(
        line("Verkäufer:", 0.08, 0.05),
        line("MUSTERLIEFERANT GMBH", 0.08, 0.07),
        line("BAHNHOFSTRASSE 99", 0.08, 0.09),
        line("DE 99199 MUSTERHAUSEN", 0.08, 0.11),
        line("Ust. Id.-Nr. : DEI23456789", 0.08, 0.13),
        line("Käufer/Leistungsempfänger:", 0.08, 0.16),
        line("Muster-Markt", 0.08, 0.18),
        line("Rechnung Nr. 471102", 0.08, 0.30),
        line("MUSTERLIEFERANT GMBH", 0.08, 0.60),
        line("Geschäftsführung: Max Mustermann", 0.08, 0.62),
        line("USt-IdNr: DE123456789", 0.08, 0.64),
    )
    assert values(extract_fields([p]))["ust_id"] == "DE123456789"


def _boxed_line(words: list[tuple[str, float, float, float, float]]) -> pb.TextLine:
    """An engine's line with the word boxes it gave (x0, y0, x1, y1)."""
    return pb.TextLine(
        text=" ".join(w[0] for w in words),
        box=pb.BoundingBox(
            x0=words[0][1], y0=min(w[2] for w in words), x1=words[-1][3], y1=max(w[4] for w in words)
        ),
        confidence=0.9,
        words=[
            pb.Word(text=t, box=pb.BoundingBox(x0=x0, y0=y0, x1=x1, y1=y1), confidence=0.9)
            for t, x0, y0, x1, y1 in words
        ],
    )


def test_overlapping_word_boxes_of_one_line_stay_in_its_row() -> None:
    """Tesseract boxed "34850," over the whole "34850, 24" and "24" inside it: one row all the same
    (as iso_schlicht's scan read its netto)."""
    p = page(
        *_head(),
        line("Netto", 0.711, 0.5010),
        _boxed_line(
            [
                ("EUR", 0.7952, 0.5010, 0.8222, 0.5087),
                ("34850,", 0.8335, 0.5010, 0.9081, 0.5107),
                ("24", 0.8911, 0.4959, 0.9085, 0.5121),
            ]
        ),
        line("USt. 19 % EUR 6621,55", 0.711, 0.5190),
        line("Summe brutto EUR 41471,79", 0.711, 0.5370),
    )
    assert _amounts(extract_fields([p])) == ("34850.24", "6621.55", "41471.79")


def test_speck_over_a_word_is_no_word() -> None:
    """An "A" the engine read as a line of its own, lying on "aoüt" of the invoice date: the speck goes and
    the date's row stays whole (as a francais scan read it)."""
    p = page(
        line("Facture N°: B-64307", 0.5137, 0.1693),
        _boxed_line([("A", 0.7480, 0.1864, 0.7560, 0.1901)]),
        _boxed_line(
            [
                ("Date", 0.5137, 0.1872, 0.5516, 0.1964),
                ("de", 0.5585, 0.1869, 0.5778, 0.1964),
                ("facture::", 0.5843, 0.1869, 0.6528, 0.1964),
                ("4", 0.7109, 0.1872, 0.7202, 0.1961),
                ("aoüt", 0.7270, 0.1875, 0.7637, 0.1961),
                ("2017", 0.7706, 0.1869, 0.8109, 0.1961),
            ]
        ),
    )
    assert values(extract_fields([p])).get("datum") == "2017-08-04"


def test_iban_with_a_character_read_twice() -> None:
    """ "DE02 1203 ..." read "DE0O2120300000000202051": one too many for a German IBAN, "0" and "O" side by
    side are one character read twice; the reading without the "O" passes the checksum."""
    iban = field(extract_fields([page(*_head(), line("IBAN : DE0O2120300000000202051", 0.08, 0.90))]), "iban")
    assert iban.value == "DE02120300000000202051" and iban.valid
    assert any("a character OCR read twice" in i for i in iban.issues)
    # Without a look-alike pair nothing is dropped: the IBAN is reported as read, failing its check.
    wrong = check_identifier("iban", "DE021203000000002020517")
    assert wrong.value == "DE021203000000002020517" and not wrong.valid


def test_grouped_iban_with_a_character_read_twice() -> None:
    """ "DE04 1007 ..." read "DEO04 1007 0000 0678 4011 92": found in its groups, the "O" dropped."""
    p = page(*_head(), line("IBAN: DEO04 1007 0000 0678 4011 92", 0.08, 0.90))
    assert values(extract_fields([p]))["iban"] == "DE04100700000678401192"


def test_steuernummer_behind_a_misread_label() -> None:
    """ "St.-Nr.: 68/575/20049" read "Sst.-Nr.:": the slashed form of a state's Steuernummer is found
    without its label; a slashed date is not one."""
    p = page(*_head(), line("Gärtnerei Jürgens KG · Sst.-Nr.: 68/575/20049", 0.08, 0.95))
    assert values(extract_fields([p]))["steuernummer"] == "68/575/20049"
    p = page(*_head(), line("Lieferdatum 12/04/2026", 0.08, 0.40))
    assert "steuernummer" not in values(extract_fields([p]))


def _totals(netto: str, vat_row: str, brutto: str, *extra: pb.TextLine, scanned: bool = True) -> pb.PageResult:
    """A totals block; ``scanned``: recognised by OCR (a text layer's sums are the invoice's own, never computed)."""
    p = page(
        *_head(),
        *extra,
        line(f"Rechnungssumme ohne USt. {netto}", 0.50, 0.70),
        line(vat_row, 0.50, 0.72),
        line(f"Bruttosumme {brutto}", 0.50, 0.74),
        line(f"Zahlbetrag {brutto}", 0.50, 0.76),
    )
    p.kind = pb.PAGE_KIND_SCANNED if scanned else pb.PAGE_KIND_BORN_DIGITAL
    return p


def test_vat_beyond_a_digit_confusion_computed_from_the_totals() -> None:
    """ "37,62" read "341.,62" (no amount at all): 235,62 − 198,00 is 19 % of netto to the cent, so mwst is
    37.62, marked computed, with the reading in its issue, and the invoice flagged for review."""
    fields = extract_fields([_totals("198,00", "Steuerbetrag in EUR 341.,62", "235,62")])
    assert _amounts(fields) == ("198.00", "37.62", "235.62")
    mwst = field(fields, "mwst")
    assert mwst.source == pb.FIELD_SOURCE_COMPUTED
    assert any("mwst computed from the other totals" in i and "19 % of netto" in i for i in mwst.issues)
    assert fields.needs_review and any("mwst computed from the other totals" in r for r in fields.review_reasons)
    # "31,02" for "37,62" (two different look-alike digits) the same way.
    fields = extract_fields([_totals("198,00", "Steuerbetrag in EUR 31,02", "235,62")])
    assert _amounts(fields) == ("198.00", "37.62", "235.62")
    # A text layer's VAT that breaks the sum is what the invoice printed: reported as read, not computed.
    fields = extract_fields([_totals("198,00", "Steuerbetrag in EUR 31,02", "235,62", scanned=False)])
    assert _amounts(fields) == ("198.00", "31.02", "235.62") and fields.needs_review


def test_mixed_rate_vat_computed_when_a_reading_of_it_is_on_the_page() -> None:
    """7 % and 19 %: "56,87" read "56,817". 529,87 − 473,00 = 56,87 lies between 7 % and 19 % of netto, and
    the misread word is two edits from it: taken, pointing at that word. A credit note's negative totals
    and a reading split in two words ("1, 12") work the same way."""
    rates = (line("Umsatzsteuer 7 % 275,00", 0.10, 0.50), line("Umsatzsteuer 19 % 198,00", 0.10, 0.52))
    fields = extract_fields([_totals("473,00", "Steuerbetrag in EUR 56,817", "529,87", *rates)])
    assert _amounts(fields) == ("473.00", "56.87", "529.87")
    assert field(fields, "mwst").raw == "56,817"
    credit = (line("Abschlag 7 % -2,90", 0.10, 0.50), line("Abschlag 19 % -5,00", 0.10, 0.52))
    fields = extract_fields([_totals("-7,67", "Steuerbetrag in EUR 1, 12", "-8,79", *credit)])
    assert _amounts(fields) == ("-7.67", "-1.12", "-8.79")


def test_vat_not_computed_without_evidence() -> None:
    """A difference of the totals that is no VAT rate of netto (150,00 − 100,00), or one between two printed
    rates with no reading of it on the page, is not made the VAT: the reading stays, flagged."""
    fields = extract_fields([_totals("100,00", "MwSt. 19,00", "150,00")])
    assert _amounts(fields)[1] == "19.00" and fields.needs_review
    assert field(fields, "mwst").source != pb.FIELD_SOURCE_COMPUTED
    rates = (line("Umsatzsteuer 7 % 275,00", 0.10, 0.50), line("Umsatzsteuer 19 % 198,00", 0.10, 0.52))
    fields = extract_fields([_totals("473,00", "Steuerbetrag in EUR 12,34", "529,87", *rates)])
    assert _amounts(fields)[1] != "56.87" and fields.needs_review


def test_vat_id_behind_a_colon_read_as_a_character_and_a_letter_in_its_digits() -> None:
    """ "USt.-Id.-Nr.: DE234567891" read "USt.-Id.-Nr. 2 DE234567891": the "2" is the colon, not the id.
    A sample id whose check digits fail ("DE123456789") read "DEI23456789" is given as printed (the I can
    only be a 1 there), still invalid and reported."""
    p = page(*_head(), line("USt.-Id.-Nr. 2 DE234567891", 0.08, 0.30))
    assert values(extract_fields([p]))["ust_id"] == "DE234567891"
    fields = extract_fields([page(*_head(), line("USt-IdNr.: DEI23456789", 0.08, 0.30))])
    ust = field(fields, "ust_id")
    assert ust.value == "DE123456789" and not ust.valid
    assert any("repaired OCR confusion I→1" in i for i in ust.issues)


def test_total_with_a_digit_group_lost_computed_from_netto_and_vat() -> None:
    """ "65.929,36 €" read "3.929,36 €": netto and mwst are confirmed by the VAT lines per rate (19 % and 7 %
    of their bases), the page shows a reading two edits from their sum: brutto is that sum, flagged. Without a
    reading near it, the total is not invented."""
    rates = (
        line("USt. 19 % auf 53.711,63 10.205,21 €", 0.50, 0.60),
        line("USt. 7 % auf 1.880,86 131,66 €", 0.50, 0.62),
    )
    p = _totals("55.592,49 €", "Steuerbetrag 10.336,87 €", "3.929,36 €", *rates)
    fields = extract_fields([p])
    assert _amounts(fields) == ("55592.49", "10336.87", "65929.36")
    assert any("brutto computed from the other totals" in r for r in fields.review_reasons)
    p = _totals("55.592,49 €", "Steuerbetrag 10.336,87 €", "12,00 €", *rates)
    assert _amounts(extract_fields([p]))[2] != "65929.36"
    # A transposition ("283,00" for 238,00) on a text layer is the invoice's own error: flagged, not fixed.
    p = _totals("200,00", "USt. 19 % 38,00", "283,00", scanned=False)
    assert _amounts(extract_fields([p])) == ("200.00", "38.00", "283.00")


def test_currency_behind_a_colon_read_as_a_digit() -> None:
    """ "Rechnungswährung: GBP" read "Rechnungswährung 2 GBP": the currency is GBP, not the EUR of a later line."""
    p = page(*_head(), line("Rechnungswährung 2 GBP", 0.08, 0.20), line("Steuerbetrag in EUR 183,14", 0.50, 0.70))
    assert values(extract_fields([p]))["waehrung"] == "GBP"


def test_currency_code_with_a_misread_letter_behind_its_label() -> None:
    """ "Rechnungswährung: EUR" read "Rechnungswährung © BUR" (a fax): EUR, the one code a letter away,
    with the reading in its issue. A word near no code, or near two, is no currency."""
    p = page(*_head(), line("Rechnungswährung © BUR", 0.08, 0.20))
    waehrung = field(extract_fields([p]), "waehrung")
    assert waehrung.value == "EUR" and any("'BUR'" in i for i in waehrung.issues)
    p = page(*_head(), line("Rechnungswährung © XYZ", 0.08, 0.20))
    assert "waehrung" not in values(extract_fields([p]))


def test_no_total_computed_from_a_rate_the_invoice_never_states() -> None:
    """2,60 is 2.6 % of 100,00 (a Swiss rate) by chance: on a scan that states no such rate, brutto is not
    computed as 102.60 from it ("102,90" read); the reading stays, flagged. Stated, the rate is evidence."""
    fields = extract_fields([_totals("100,00", "MwSt. 2,60", "102,90")])
    assert _amounts(fields) == ("100.00", "2.60", "102.90") and fields.needs_review
    fields = extract_fields([_totals("100,00", "MwSt. 2,6 % 2,60", "102,90")])
    assert _amounts(fields)[2] == "102.60"


def test_mixed_rate_vat_as_the_sum_of_its_amounts_per_rate() -> None:
    """A credit note's VAT total "-1,12" read "4,12"; its VAT per rate is printed and read right (-0,92 at
    19 %, -0,20 at 7 %). -8,79 − -7,67 is their sum: mwst is -1.12, not the 19 % line's -0,92 paired with
    netto "repaired" to -7,87 (6 for 8) so that the sum holds."""
    per_rate = (
        line("Umsatzsteuer 19 % -0,92", 0.10, 0.50),
        line("Umsatzsteuer 7 % -0,20", 0.10, 0.52),
    )
    fields = extract_fields([_totals("-7,67", "Steuerbetrag in EUR 4,12", "-8,79", *per_rate)])
    assert _amounts(fields) == ("-7.67", "-1.12", "-8.79")
    mwst = field(fields, "mwst")
    assert any("sum of the VAT amounts per rate" in i for i in mwst.issues)
    assert mwst.source == pb.FIELD_SOURCE_COMPUTED  # nobody read -1,12: a person should see it
    assert fields.needs_review and any("computed from the other totals" in r for r in fields.review_reasons)
    assert {c.name: c.passed for c in fields.checks}["netto+mwst=brutto"] is True
    # A text layer's VAT that breaks the sum is what the invoice printed: reported as printed, not summed.
    text_layer = _totals("-7,67", "Steuerbetrag in EUR 4,12", "-8,79", *per_rate, scanned=False)
    fields = extract_fields([text_layer])
    assert _amounts(fields)[1] != "-1.12" and fields.needs_review
    # Amounts per rate that do not add up to the difference of the totals are not made the VAT.
    other = (line("Umsatzsteuer 19 % -0,92", 0.10, 0.50), line("Umsatzsteuer 7 % -0,21", 0.10, 0.52))
    fields = extract_fields([_totals("-7,67", "Steuerbetrag in EUR 4,12", "-8,79", *other)])
    assert _amounts(fields)[1] != "-1.13" and not any(
        "sum of the VAT amounts per rate" in i for i in field(fields, "mwst").issues
    )


def test_label_words_compared_without_their_punctuation() -> None:
    """A fax at 98 dpi reads "USt.-Id.-Nr." as "UStr.-Id.=Nr.": one letter and a hyphen off. Fuzzy label
    matching compares letters and digits, so the word is still the VAT id's label ("Best.-Nr" likewise);
    a word of other letters is no label."""
    vat = field(extract_fields([page(*_head(), line("UStr.-Id.=Nr. DE234567891", 0.08, 0.30))]), "ust_id")
    assert vat.value == "DE234567891" and not vat.valid
    order = values(extract_fields([page(*_head(), line("Bestellr-Nr.: B-4711", 0.08, 0.30))]))
    assert order.get("bestellnummer") == "B-4711"
    other = values(extract_fields([page(*_head(), line("Ust-Arten=Nr. DE234567891", 0.08, 0.30))]))
    assert "ust_id" not in other


def _read_line(y: float, height: float, *words: tuple[str, float, float]) -> pb.TextLine:
    """A line as OCR boxed it: each word from x0 to x1, `height` down from y."""
    boxed = [
        pb.Word(text=t, box=pb.BoundingBox(x0=a, y0=y, x1=b, y1=y + height), confidence=0.9) for t, a, b in words
    ]
    box = pb.BoundingBox(x0=words[0][1], y0=y, x1=words[-1][2], y1=y + height)
    return pb.TextLine(text=" ".join(t for t, _, _ in words), box=box, confidence=0.9, words=boxed)


def test_vat_of_netto_sign_and_at_most_the_highest_rate_of_it() -> None:
    """A two-column totals block of a scan, its labels and totals not read: the VAT lines state their bases
    ("USt. 19 % auf 1 306,05"), netto is the items' sum (2 541,90). A base is no VAT: 1 235,85 is 48 % of
    netto, and with the sign of 1 306,05 flipped "netto + mwst = brutto" held with the other base (the full
    page chose mwst -1 306,05). No VAT of the opposite sign or above the highest VAT rate of netto is taken."""
    rows = [
        _read_line(0.613, 0.01, ("USt.", 0.094, 0.122), ("19", 0.128, 0.142), ("%", 0.15, 0.156),
                   ("auf", 0.165, 0.185), ("1", 0.19, 0.196), ("306,05", 0.201, 0.244)),
        _read_line(0.632, 0.01, ("USt.", 0.094, 0.122), ("7", 0.128, 0.134), ("%", 0.14, 0.152),
                   ("auf", 0.156, 0.177), ("1", 0.182, 0.188), ("235,85", 0.193, 0.236)),
        _read_line(0.649, 0.012, ("Umsatzsteuer", 0.094, 0.181), ("gesamt", 0.185, 0.23)),
    ]  # fmt: skip
    for y, qty, unit, price, total in (
        (0.445, "5", "Stk.", "103,61", "518,05"), (0.477, "3,5", "Std.", "61,43", "215,01"),
        (0.508, "20", "Kan.", "13,74", "274,80"), (0.54, "20", "Kan.", "22,15", "443,00"),
    ):  # fmt: skip
        rows += [_read_line(y, 0.008, (qty, 0.538, 0.552), (unit, 0.567, 0.59)),
                 _read_line(y, 0.009, (price, 0.733, 0.767)), _read_line(y, 0.009, (total, 0.866, 0.908))]  # fmt: skip
    rows += [
        _read_line(0.558, 0.01, ("12", 0.538, 0.552), ("qm", 0.567, 0.586)),
        _read_line(0.558, 0.009, ("90,92", 0.732, 0.767)),
        _read_line(0.558, 0.009, ("1", 0.854, 0.86), ("091,04", 0.866, 0.909)),
    ]
    p = page(*rows)
    p.kind = pb.PAGE_KIND_SCANNED
    netto, mwst, _ = _amounts(extract_fields([p]))
    assert netto == "2541.90"
    assert mwst is None or 0 <= Decimal(mwst) <= Decimal(netto) * Decimal("0.27"), mwst


def test_numero_sign_read_as_a_registered_sign_or_a_question_mark() -> None:
    """Tesseract's German model has no "°": a French "N° de facture" comes back "N® de facture" or
    "N? de facture". Both are still the invoice number's label, whether the label is a phrase or the
    "Facture N°" pattern."""
    for label in ("N® de facture :", "N? de facture :", "Facture N® :"):
        p = page(line(f"{label} B-43436", 0.08, 0.10), line("Date de facture : 7 avril 2016", 0.08, 0.12))
        assert values(extract_fields([p])).get("rechnungsnummer") == "B-43436", label


def test_speck_before_the_labels_colon_is_no_part_of_the_vat_id() -> None:
    """ "USt.-Id.-Nr.: DE..." read with a speck before the colon ("3:"): the speck and the colon are
    the label's, the VAT id follows; the IBAN likewise."""
    vat = field(extract_fields([page(*_head(), line("USt. -Id.-Nr. 3: DE234567891", 0.08, 0.30))]), "ust_id")
    assert vat.value == "DE234567891"
    iban = values(extract_fields([page(*_head(), line("IBAN i: DE89370400440532013000", 0.08, 0.30))]))
    assert iban.get("iban") == "DE89370400440532013000"


def test_label_hyphens_read_as_equals_signs() -> None:
    """ "USt.-Id.-Nr.:" read "USt. =-Id.=-Nr. :": a hyphen between a label's words may come back "=" (or a
    dash); the label still holds."""
    vat = field(extract_fields([page(*_head(), line("USt. =-Id.=-Nr. : DE234567891", 0.08, 0.30))]), "ust_id")
    assert vat.value == "DE234567891"


def test_thousands_groups_at_a_word_space_on_an_upright_page() -> None:
    """French totals "5 141,33 / 1 028,27 / 6 169,60" scanned: the groups stand a word space apart (5 pt at 9 pt
    ink on A4). Their tails happen to add up too (141,33 + 28,27 = 169,60, even at 20 %), so only the gap
    decides: measured in points (boxes are normalised per axis), it is a word space and the totals are whole."""
    width, height = 595.0, 842.0

    def amount_row(y: float, label: str, group: str, tail: str) -> pb.TextLine:
        return _read_line(y / height, 8.9 / height, (label, 295 / width, 356 / width),
                          (group, 470.7 / width, 475.5 / width), (tail, 480.6 / width, 513.7 / width),
                          ("EUR", 518 / width, 541 / width))  # fmt: skip

    p = page(
        line("Facture N° 2023-82677", 0.08, 0.10),
        line("Date de facture : 30 mars 2023", 0.08, 0.12),
        amount_row(600, "Montant HT", "5", "141,33"),
        amount_row(614, "TVA 20 %", "1", "028,27"),
        amount_row(628, "Total TTC", "6", "169,60"),
    )
    p.kind, p.width, p.height = pb.PAGE_KIND_SCANNED, width, height
    assert _amounts(extract_fields([p])) == ("5141.33", "1028.27", "6169.60")


def test_label_with_a_speck_read_as_a_bracket_between_its_words() -> None:
    """A 200 dpi scan read "Invoice number:" as "Invoıce ) number:" (the dotless ı matches case-insensitively
    anyway): a speck read as a closing bracket between the words leaves the invoice number's label. A bar or
    an opening bracket does not join words: "Gesamt | MwSt" are two column heads."""
    p = page(line("Invoıce ) number: INV-36335", 0.55, 0.10), line("Invoice date: September 17, 2025", 0.55, 0.12))
    assert values(extract_fields([p])).get("rechnungsnummer") == "INV-36335"
    lexicon = load_lexicon()
    row = "Pos | Menge | Einzelpreis | Gesamt | MwSt"
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", row)]
    assert sorted(row[a:b] for _, _, a, b in lexicon.match_row(row, words)) == ["Gesamt", "MwSt"]


def test_a_letter_a_vat_format_fixes_in_place_read_as_a_digit() -> None:
    """A Dutch VAT id's "B" (NL + nine digits + B + two) read "8": the format says a letter stands there, and
    the id's check digits then hold; repaired and reported."""
    p = page(line("Factuurnummer: 2025-72080", 0.08, 0.10), line("Datum: 6 juli 2018", 0.08, 0.12),
             line("Btw-id: NL409484015862", 0.08, 0.30))  # fmt: skip
    ust = field(extract_fields([p]), "ust_id")
    assert ust.value == "NL409484015B62" and ust.valid
    assert any("repaired OCR confusion 8→B" in i for i in ust.issues)


def test_a_four_read_as_a_in_an_ibans_digits() -> None:
    """A fax at 98 dpi rows closes a 4's open top: "DE43 ..." read "DEA3 ...". Where the format wants a digit,
    A is tried as 4, and the IBAN's checksum decides."""
    got = check_identifier("iban", "DEA3 1007 0000 0034 3707 36")
    assert got.value == "DE43100700000034370736" and got.valid
    assert "repaired OCR confusion A→4" in got.issues


def test_a_speck_inside_an_iban_read_as_a_dot() -> None:
    """A fax's speck between two of an IBAN's digits came back as "." ("DE22120300007780731.159"): the run goes
    on across it, and the checksum holds."""
    p = page(*_head(), line("USt-ID: DE326107027 IBAN: DE22120300007780731.159", 0.08, 0.90))
    assert values(extract_fields([p]))["iban"] == "DE22120300007780731159"


def test_the_sellers_name_from_its_clearest_reading() -> None:
    """The sender line above the address names the seller, but its small print read "Schröter" where the
    letterhead, read surely, says "Schröder": the surest reading of the same name is taken."""
    p = page(
        line("Schröder Elektrotechnik GmbH", 0.08, 0.04, conf=0.96),
        line("Schröter Elektrotechnik GmbH · Schönhauser Straße 125a · 40212 Düsseldorf", 0.08, 0.15, conf=0.69),
        line("Ärztehaus am Münsterplatz", 0.08, 0.17),
        *_head(),
    )
    p.kind = pb.PAGE_KIND_SCANNED
    assert values(extract_fields([p]))["lieferant"] == "Schröder Elektrotechnik GmbH"
    p.kind = pb.PAGE_KIND_BORN_DIGITAL  # a text layer is what was printed: taken as it stands
    assert values(extract_fields([p]))["lieferant"] == "Schröter Elektrotechnik GmbH"


def test_words_after_a_vat_label_are_no_vat_id() -> None:
    """A fax lost the Dutch VAT id behind "Btw-nummer:" and the seller's name came next in the row: a VAT id
    is a country code and mostly digits, so "Van den Berg" is no VAT id ("VANDENBERG" was returned)."""
    p = page(*_head(), line("Btw-nummer: Van den Berg Installatietechniek", 0.08, 0.30))
    assert "ust_id" not in values(extract_fields([p]))


def test_a_two_rate_vat_table_total_beats_its_own_rate_row() -> None:
    """A gridded VAT table read column by column (grosshandel_tabelle, office scan): its labels lost, the 19 %
    row's tax unread. The 7 % row (430,84 + 30,16 = 461,00) adds up at one rate; the total row adds up at
    no single rate, but less the 7 % row leaves 768,14 with 145,95 at 19 %: that total is the invoice's."""
    p = page(
        *_head(),
        line("USt-Kennzeichen: A = 19 %, B = 7 %", 0.08, 0.55),
        line("Zu zahlender Betrag", 0.60, 0.58),
        line("768,14 914,09 1.375,09 EUR", 0.10, 0.60),
        line("430,84", 0.20, 0.62),
        line("30,16 176,11", 0.30, 0.64),
        line("461,00", 0.40, 0.66),
        line("1.198,98 1.375,09", 0.20, 0.68),
    )
    assert _amounts(extract_fields([p])) == ("1198.98", "176.11", "1375.09")


def test_an_ibans_first_digits_are_no_vat_id() -> None:
    """ "DE35 6005 0101 0805 2084 54": "DE" and its next nine digits pass a German VAT id's checksum by chance;
    a sole trader with a Steuernummer only has no VAT id."""
    p = page(
        *_head(),
        line("Gesamtbetrag 3.704,23 €", 0.50, 0.60),
        line("Steuer-Nr. 14/122/47312", 0.08, 0.90),
        line("IBAN DE35 6005 0101 0805 2084 54", 0.08, 0.92),
    )
    got = values(extract_fields([p]))
    assert got.get("iban") == "DE35600501010805208454" and "ust_id" not in got


def test_a_speck_before_a_slash_between_two_labels() -> None:
    """ "Rechnungsdatum/Lieferdatum" read "Rechnungsdatumj/Lieferdatum": the invoice date is still labelled, not
    the order date printed first on the page."""
    p = page(
        line("Bestelldatum 13.09.2019", 0.08, 0.08),
        line("Rechnungsdatumj/Lieferdatum 14.09.2019", 0.50, 0.12),
        line("Rechnungsnummer INV-2019-8168", 0.50, 0.14),
        line("Gesamtbetrag 27,16 €", 0.50, 0.50),
    )
    assert values(extract_fields([p])).get("datum") == "2019-09-14"


def test_a_sepa_creditor_ids_first_characters_are_no_vat_id() -> None:
    """ "Gläubiger-ID: DE77ZZZ05801835139": read with "ZZZ" as digits, "DE772270580" passes a VAT id's checksum;
    it is the direct debit's creditor id, and the invoice prints no VAT id."""
    p = page(
        *_head(),
        line("Summe brutto 1.989,47 €", 0.50, 0.60),
        line("Gläubiger-ID: DE77ZZZ05801835139 · Mandatsreferenz: 38390262-05", 0.08, 0.70),
    )
    assert "ust_id" not in values(extract_fields([p]))


@pytest.mark.parametrize(("read", "printed"), [("IE94613000", "IE9461300O"), ("IE1768678)J", "IE1768678J")])
def test_an_irish_vat_ids_final_letter_and_a_speck_inside(read: str, printed: str) -> None:
    """An Irish VAT id ends in a letter: "O" read as "0" is repaired where the check then holds; a speck OCR
    put inside the id (")") is dropped when the id without it passes its check."""
    got = check_identifier("ust_id", read)
    assert (got.value, got.valid) == (printed, True) and got.issues


def test_an_irish_vat_id_behind_its_label_with_a_speck_inside() -> None:
    """ "VAT No.: IE1768678)J" in the footer: the VAT id is read behind its label, the speck dropped."""
    p = page(
        *_head(),
        line("Total in EUR €303.08", 0.50, 0.60),
        line("VAT No.: IE1768678)J - Registered in Ireland, company number 462932", 0.08, 0.94),
    )
    assert values(extract_fields([p])).get("ust_id") == "IE1768678J"


@pytest.mark.parametrize("name", ["Clickwave Ireland Limited", "Pinloop Europe Unlimited Company"])
def test_a_footers_company_before_a_middle_dot_read_as_a_colon(name: str) -> None:
    """The footer's "Name · street · town" with its middle dots read ":" on a scan: the name before the first
    one is the seller's; an Irish "Unlimited Company" is a legal form."""
    p = page(
        line("Clickwave Ads Invoice", 0.08, 0.05),
        line("Invoice number: 4370786908", 0.50, 0.12),
        line("Total in EUR €4,239.58", 0.50, 0.60),
        line(f"{name} : Gordon Quay House, 4 Barrow Street : Dublin 4, D04 X2K7 - Ireland", 0.08, 0.93),
    )
    assert values(extract_fields([p])).get("lieferant") == name


@pytest.mark.parametrize(
    ("head", "again", "number"),
    [
        ("Rechnung Nr. REO19230", "RE019230 11.04.2016 O-4764", "RE019230"),
        ("Rechnung Nr. R 20241168", "4. Abschlagsrechnung R 2024/168 vom 20.06.24", "R 2024/168"),
        ("Rechnung Nr. PO-4711", "Rechnung P0-4711", "PO-4711"),
    ],
)
def test_the_invoice_number_printed_twice_settles_a_confused_character(head: str, again: str, number: str) -> None:
    """A scan reads the number differently where it is printed again: "O" or "0", "/" or "1". A zero starts a run
    of digits, an "O" before a letter or a sign stays a letter; a slash is rarely invented."""
    p = page(line(head, 0.09, 0.20), line(again, 0.09, 0.95), line("Gesamtbetrag 1.486,57 €", 0.50, 0.60))
    p.kind = pb.PAGE_KIND_SCANNED
    assert values(extract_fields([p])).get("rechnungsnummer") == number


def test_a_text_layers_invoice_number_is_never_reconciled() -> None:
    p = page(line("Rechnung Nr. REO19230", 0.09, 0.20), line("RE019230", 0.09, 0.95),
             line("Gesamtbetrag 1.486,57 €", 0.50, 0.60))  # fmt: skip
    assert values(extract_fields([p])).get("rechnungsnummer") == "REO19230"

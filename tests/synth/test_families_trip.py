"""The families of families_trip: never-tuned, deterministic, their truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pymupdf
import pytest
from schwifty import IBAN
from stdnum.ch import vat as ch_vat
from stdnum.eu import vat

from benchmarks.synth.families_trip import TRIP_FAMILIES, draw_trip
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    AMOUNT_KEYS,
    all_of,
    assert_amounts_add_up,
    assert_identifiers_pass,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_printed,
    currency_euro_sign_for_eur,
    de_amount,
    german_printed_forms,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("hotel_rechnung", "kassenbon", "spedition_fracht", "lizenz_ch")
CENT = Decimal("0.01")
KEYS = ALL_TRUTH_KEYS
RECEIPT_WIDTH = 80 * 72 / 25.4


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


def printed_day(text: str, label: str) -> dt.date:
    """The date after `label`, printed 12.03.2024 or 12.03.24."""
    found = re.search(rf"{label} (\d\d)\.(\d\d)\.(\d{{4}}|\d\d)\b", text)
    assert found, label
    year = int(found[3]) if len(found[3]) == 4 else 2000 + int(found[3])
    return dt.date(year, int(found[2]), int(found[1]))


# -- printed forms, written here independently of the generator -------------------------------------------


def swiss(value: float) -> str:
    return f"{value:,.2f}".replace(",", "'")


german_forms = german_printed_forms(currency=currency_euro_sign_for_eur)


def printed_forms(key: str, value) -> set[str]:
    if key in AMOUNT_KEYS:
        return german_forms(key, value) | {swiss(value)}
    if key == "ust_id":  # also a Swiss one as CHE-123.456.789 MWST
        swiss_vat_id = f"{value[:3]}-{value[3:6]}.{value[6:9]}.{value[9:12]} {value[12:]}"
        return german_forms(key, value) | {swiss_vat_id}
    return german_forms(key, value)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(TRIP_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_trip)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert {"rechnungsnummer", "datum", "betrag_netto", "mwst", "betrag_brutto", "waehrung", "lieferant",
                "pages"} <= set(t)  # fmt: skip
        assert set(t) <= KEYS, set(t) - KEYS
        dt.date.fromisoformat(t["datum"])
        for key in ("betrag_netto", "mwst", "betrag_brutto"):
            assert isinstance(t[key], float) and round(t[key], 2) == t[key]
        assert t["waehrung"] == ("CHF" if inv.layout == "lizenz_ch" else "EUR") and isinstance(
            t["pages"], int
        )
        assert ("iban" in t) == (inv.layout != "kassenbon")
        assert "bic" not in t or "iban" in t
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            assert doc.page_count == t["pages"]
            for page in doc:
                if inv.layout == "kassenbon":
                    assert page.rect.width == pytest.approx(RECEIPT_WIDTH) and page.rect.height > 200
                else:
                    assert page.rect == pymupdf.paper_rect("a4")


def test_amounts_add_up_per_rate(invoices):
    assert_amounts_add_up(invoices, None, positive_net=True)


def test_identifiers_pass_their_checksums(invoices):
    assert_identifiers_pass(
        invoices,
        iban_countries=lambda inv: ("CH",) if inv.layout == "lizenz_ch" else ("DE",),
        ust_id_valid=lambda number: (
            ch_vat.is_valid(number) if number.startswith("CHE") else vat.is_valid(number)
        ),
    )
    assert all("ust_id" in inv.truth or "steuernummer" in inv.truth for inv in all_of(invoices))


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(
        invoices, lambda name, inv: (swiss if name == "lizenz_ch" else de_amount)(inv.truth["betrag_brutto"])
    )


# -- what each family prints ------------------------------------------------------------------------------


def test_hotel_rechnung_prints_a_settled_folio_with_a_vat_table(invoices):
    local_taxes = set()
    for inv in invoices["hotel_rechnung"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert re.search(r"(Saldo|Restbetrag) 0,00 (€|EUR)", text)
        assert re.search(r"Abreise \d\d\.\d\d\.\d\d", text) and re.search(
            r"(Anreise|Ankunft) \d\d\.\d\d\.\d\d", text
        )
        assert re.search(r"Zimmer(-Nr\.| Nr\.)? \d{3}", text)
        assert any(word in text for word in ("Übernachtung", "Logis", "Zimmer"))
        assert re.search(r"(Zahlung|EC-Karte|American Express)", text)
        rates = {v.rate: v for v in inv.vat_lines}
        assert set(rates) >= {7, 0} and rates[0].base > 0 and rates[0].amount == 0  # the local tax, no VAT
        assert 19 in rates or "Frühstück" not in text
        assert re.search(r"Brutto", text) and re.search(r"\b7 %", text)
        tax = next(w for w in ("City Tax", "Übernachtungsteuer", "Kultur- und Tourismustaxe", "Kulturförderabgabe",
                               "Beherbergungssteuer", "Tourismusabgabe", "Tourismusbeitrag", "Kurtaxe", "Kurbeitrag",
                               "Kurabgabe", "Gästebeitrag") if w in text)  # fmt: skip
        local_taxes.add(tax)
        # the gross includes the local tax; the truth's netto is the VAT table's total net
        for key in ("betrag_netto", "mwst", "betrag_brutto"):
            assert de_amount(t[key]) in text, key
        stay = [printed_day(text, label) for label in ("(?:Anreise|Ankunft)", "Abreise")]
        assert stay[0] < stay[1] <= dt.date.fromisoformat(t["datum"])  # the invoice date is neither
    assert len(local_taxes) >= 3


def test_kassenbon_prints_a_till_receipt_with_tse(invoices):
    for inv in invoices["kassenbon"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert re.search(rf"(Bon-Nr\.:?|Beleg-Nr\.|Bon) {re.escape(t['rechnungsnummer'])}\b", text)
        assert re.search(r"(SUMME|Summe|ZU ZAHLEN) EUR", text)
        assert re.search(r"(Geg\. EC-Karte|Gegeben EC-Karte|Geg\. girocard|Kartenzahlung|Gegeben BAR)", text)
        for words in ("Signatur", "Seriennummer", "Start:", "Signaturzähler"):
            assert words in text, words
        assert re.search(r"Transaktion(snummer)?:", text) and re.search(r"(Ende|Stop):", text)
        assert re.search(r"Netto", text) and re.search(r"(MwSt|USt|Steuer)", text)
        assert re.search(r"\d,\d\d [AB12]\b", text)  # item lines with their tax code
        assert not {"iban", "bic"} & set(t)
        if "steuernummer" in t:
            assert re.search(rf"(Steuer-Nr\.:|St\.-Nr\.:|Steuernummer:) {re.escape(t['steuernummer'])}", text)


def test_spedition_fracht_prints_shipments_surcharges_and_terms(invoices):
    pages, insured = set(), set()
    for inv in invoices["spedition_fracht"]:
        t = inv.truth
        texts = page_texts(inv.pdf)
        text = " ".join(texts)
        assert re.search(r"Leistungszeitraum:? \d\d\.\d\d\.\d{4} - \d\d\.\d\d\.\d{4}", text)
        assert re.search(r"(Dieselzuschlag|Dieselfloater|Treibstoffzuschlag) \d+(,\d)? % auf", text)
        assert "Maut" in text and "Zahlbar innerhalb 30 Tagen" in text and "ADSp" in text
        shipments = [item for item in inv.items if re.fullmatch(r"(SND)?[\d-]+", item.description)]
        assert 3 <= len(shipments) <= 25 and all(item.description in text for item in shipments)
        assert t["kundennummer"] in texts[0]
        for n, page in enumerate(texts, 1):
            assert f"{n} von {len(texts)}" in page
        pages.add(len(texts))
        insured.add(any(v.rate == 0 for v in inv.vat_lines))
        assert any_printed(texts[-1], t["betrag_brutto"])
    assert max(pages) > 1 and 1 in pages and insured == {True, False}


def test_lizenz_ch_prints_swiss_francs_vat_and_a_qr_bill(invoices):
    bills, bics = set(), set()
    for inv in invoices["lizenz_ch"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert f"CHF {swiss(t['betrag_brutto'])}" in text and f"CHF {swiss(t['betrag_netto'])}" in text
        assert re.search(r"MWST 8[,.]1 ?%", text) and "ß" not in text
        assert ch_vat.format(t["ust_id"]) in text
        assert t["iban"].startswith("CH") and " " not in t["iban"]
        assert re.search(r"Zahlbar (bis \d\d\.\d\d\.\d{4}|innert \d+ Tagen)", text)
        assert re.fullmatch(r"CHE\d{9}MWST", t["ust_id"])
        bill = "Zahlteil" in text
        bills.add(bill)
        if bill:
            assert "Empfangsschein" in text and "Konto / Zahlbar an" in text
            assert IBAN(t["iban"]).formatted in text
            assert f"{t['betrag_brutto']:,.2f}".replace(",", " ") in text
        bics.add("bic" in t)
    assert bills == {True, False} and bics == {True, False}

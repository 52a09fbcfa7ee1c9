"""The families of families_last: never-tuned, deterministic, their truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pymupdf
import pytest
from schwifty import IBAN
from stdnum.de import stnr
from stdnum.eu import vat

from benchmarks.synth.families_last import LAST_FAMILIES, draw_last
from tests.synth.family_checks import (
    all_of,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_printed,
    bases_by_rate,
    cents,
    de_amount,
    seeded,
    text_of,
    vat_of,
)
from tests.synth.test_families import amount_forms, any_printed, date_forms
from tests.synth.test_synth import page_texts

NAMES = ("agentur_retainer", "baumarkt_b2b")
CENT = Decimal("0.01")
KEYS = {
    "rechnungsnummer", "datum", "betrag_netto", "mwst", "betrag_brutto", "waehrung", "ust_id", "steuernummer",
    "iban", "bic", "lieferant", "pages", "kundennummer", "bestellnummer",
}  # fmt: skip


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


def printed_forms(key: str, value) -> set[str]:
    if key in ("betrag_netto", "mwst", "betrag_brutto"):
        return amount_forms(value)
    if key == "datum":
        return date_forms(value)
    if key == "waehrung":
        return {value, "€"}
    if key == "ust_id":
        return {value, f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}"}
    return {str(value)}


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(LAST_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_last)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert {"rechnungsnummer", "datum", "betrag_netto", "mwst", "betrag_brutto", "waehrung", "lieferant",
                "pages", "kundennummer" if inv.layout == "baumarkt_b2b" else "bestellnummer"} <= set(t)  # fmt: skip
        assert set(t) <= KEYS, set(t) - KEYS
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        for key in ("betrag_netto", "mwst", "betrag_brutto"):
            assert isinstance(t[key], float) and round(t[key], 2) == t[key]
        assert t["waehrung"] == "EUR"
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            assert doc.page_count == t["pages"] and all(page.rect == pymupdf.paper_rect("a4") for page in doc)


def test_amounts_add_up_per_rate(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        by_rate = bases_by_rate(inv)
        vat_total = sum(vat_of(base, rate) for rate, base in by_rate.items())
        assert set(by_rate) <= {19, 0} and 19 in by_rate, inv.layout
        assert cents(t["betrag_netto"]) == sum(by_rate.values()) > 0, inv.layout
        assert cents(t["mwst"]) == vat_total, inv.layout
        assert cents(t["betrag_netto"]) + vat_total == cents(t["betrag_brutto"]), inv.layout


def test_identifiers_pass_their_checksums(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        if "iban" in t:
            iban = IBAN(t["iban"], validate_bban=True)
            assert iban.country_code == "DE" and t.get("bic", str(iban.bic)) == str(iban.bic)
        else:
            assert "bic" not in t
        if "ust_id" in t:
            assert vat.is_valid(t["ust_id"]), t["ust_id"]
        if "steuernummer" in t:
            assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]
        assert "ust_id" in t or "steuernummer" in t


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, lambda name, inv: de_amount(inv.truth["betrag_brutto"]))


# -- what each family prints ------------------------------------------------------------------------------


def test_agentur_retainer_prints_hours_by_role_and_third_party_costs(invoices):
    sidebars, skontos = set(), set()
    for inv in invoices["agentur_retainer"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert re.search(r"(Job-Nr\.|Projekt-Nr\.|Projektnummer):? \S+", text)
        assert "Zwischensumme" in text and re.search(r"(19 % USt\.|19 % MwSt\.|Umsatzsteuer 19 %)", text)
        assert re.search(r"(Rolle|Tätigkeit)", text) and re.search(r"(Stundensatz|€/h|€ / Std\.)", text)
        assert re.search(r"\b\d+,\d\d\b", text)  # hours with two decimals
        assert any_printed(text, t["betrag_brutto"]) and t["bestellnummer"] in text
        if "Fremdkosten" in text or "Fremdleistungen" in text:
            assert (
                re.search(r"(Handling|Agenturprovision)", text)
                or "Summe Fremdkosten" in text
                or "gesamt" in text
            )
        skonto = re.search(r"(\d+) % Skonto(?: =|) \(?([\d.]+,\d\d) (€|EUR)", text)
        if skonto:
            gross = cents(t["betrag_brutto"])
            expected = (gross * int(skonto[1]) / 100).quantize(CENT, ROUND_HALF_UP)
            assert skonto[2] == de_amount(float(expected))
        skontos.add(skonto is not None)
        sidebars.add("Bankverbindung" in text)
    assert skontos == {True, False} and sidebars == {True, False}


def test_baumarkt_b2b_prints_delivery_notes_deposit_and_carry_over(invoices):
    page_counts, deposits, debits = set(), set(), set()
    for inv in invoices["baumarkt_b2b"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert re.search(r"(Lieferschein|Lieferschein-Nr\.|LS) \d+ (vom|v\.) \d\d\.\d\d\.\d\d", text)
        assert re.search(r"\b(Stk|m²|kg|Sack)\b", text) and re.search(r"\b40\d{11}\b", text)  # an EAN
        assert re.search(r"(Warenwert|Summe Waren)", text) and re.search(
            r"(Summe netto|Nettobetrag|Gesamt netto)", text
        )
        assert any_printed(text, t["betrag_brutto"]) and t["kundennummer"] in texts[0]
        page_counts.add(t["pages"])
        if t["pages"] > 1:
            assert all("Übertrag" in page for page in texts)
        deposit = next((item for item in inv.items if "fand" in item.description), None)
        if deposit:
            deposits.add(deposit.rate)
            assert ("ohne MwSt." in text) == (deposit.rate == 0)
        debit = "Lastschrift" in text
        debits.add(debit)
        if debit:  # the customer's IBAN masked, never in the truth
            masked = re.search(r"IBAN (DE\d\d[ *X\d]+?) eingezogen", text)
            assert masked and ("*" in masked[1] or "X" in masked[1])
            assert "iban" not in t or t["iban"].replace(" ", "") != masked[1].replace(" ", "")
    assert {1, 2} <= page_counts and deposits == {0, 19} and debits == {True, False}

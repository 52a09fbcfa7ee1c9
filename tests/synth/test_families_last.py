"""The families of families_last: never-tuned, deterministic, their truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from stdnum.eu import vat

from benchmarks.synth.families_last import LAST_FAMILIES, draw_last
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    TRUTH_KEYS,
    all_of,
    assert_amounts_add_up,
    assert_identifiers_pass,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_format,
    assert_truth_printed,
    cents,
    de_amount,
    german_printed_forms,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("agentur_retainer", "baumarkt_b2b")
CENT = Decimal("0.01")
KEYS = ALL_TRUTH_KEYS - {"leistungsdatum"}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


printed_forms = german_printed_forms(dates=("datum",))


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
        assert_truth_format(
            inv,
            TRUTH_KEYS | {"kundennummer" if inv.layout == "baumarkt_b2b" else "bestellnummer"},
            KEYS,
            amounts="any",
        )
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        assert t["waehrung"] == "EUR"


def test_amounts_add_up_per_rate(invoices):
    assert_amounts_add_up(
        invoices,
        lambda inv, rates: rates <= {19, 0} and 19 in rates,
        positive_net=True,
        vat_lines="unchecked",
    )


def test_identifiers_pass_their_checksums(invoices):
    assert_identifiers_pass(invoices, ust_id_valid=vat.is_valid)
    for inv in all_of(invoices):
        t = inv.truth
        assert "iban" in t or "bic" not in t
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

"""The families of families_messe: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from schwifty import BIC, IBAN
from stdnum.de import stnr
from stdnum.eu import vat

from benchmarks.synth.families_messe import MESSE_FAMILIES, draw_messe
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    TRUTH_KEYS,
    all_of,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_format,
    assert_truth_printed,
    bases_by_rate,
    cents,
    de_amount,
    german_printed_forms,
    seeded,
    vat_of,
)
from tests.synth.test_synth import page_texts

NAMES = ("messebau_schluss", "dauerrechnung_miete")
KEYS = ALL_TRUTH_KEYS
DE_AMOUNT = r"\d{1,3}(?:\.\d{3})*,\d\d"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 16)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms()


def printed_total(name: str, inv) -> str:
    return de_amount(inv.truth["betrag_brutto"])


def amount(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def amounts_in(text: str) -> list[Decimal]:
    return [amount(m) for m in re.findall(rf"(?<![\d.,]){DE_AMOUNT}(?![\d,])", text)]


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(MESSE_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_messe)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(many):
    for inv in all_of(many):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"iban"}, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        assert t["waehrung"] == "EUR"
        if inv.layout == "dauerrechnung_miete":
            assert "leistungsdatum" not in t and "bestellnummer" not in t
        elif "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]


def test_amounts_add_up_at_19_percent(many):
    for inv in all_of(many):
        t = inv.truth
        by_rate = bases_by_rate(inv)
        assert set(by_rate) == {Decimal(19)}
        assert cents(t["betrag_netto"]) == by_rate[Decimal(19)]
        assert cents(t["mwst"]) == vat_of(by_rate[Decimal(19)], Decimal(19))
        assert cents(t["betrag_netto"]) + cents(t["mwst"]) == cents(t["betrag_brutto"])


def test_identifiers_pass_their_checksums(many):
    for inv in all_of(many):
        t = inv.truth
        iban = IBAN(t["iban"], validate_bban=True)
        assert iban.country_code == "DE"
        if "bic" in t:
            assert BIC(t["bic"]) and t["bic"][:4] == str(iban.bic)[:4]
        if "ust_id" in t:
            assert vat.is_valid(t["ust_id"]) and t["ust_id"].startswith("DE")
        if "steuernummer" in t:
            assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- what each family prints ------------------------------------------------------------------------------


def test_messebau_prints_a_final_invoice_less_its_deposits(many):
    orders = customers = service_dates = periods_only = two = 0
    for inv in many["messebau_schluss"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in text
        assert re.search(r"(Schlussrechnung|SCHLUSSRECHNUNG)", text) and re.search(r"Messe:? ", text)
        assert re.search(r"Abschlagsrechnung", text)
        assert re.search(r"\bHRA \d+", text) and re.search(r"\bHRB \d+", text)
        # The deposits are deducted: what is left to pay is printed, and it is less than the whole gross.
        gross = cents(t["betrag_brutto"])
        assert de_amount(t["betrag_brutto"]) in text
        rest = re.search(rf"(Restbetrag|Noch zu zahlen|Restforderung|Zahlbetrag)\D{{0,40}}?({DE_AMOUNT})", text)
        assert rest and Decimal(0) < amount(rest[2]) < gross, rest
        for number in re.findall(r"Abschlagsrechnung Nr\. (\S+)", text):
            assert number != t["rechnungsnummer"]
        if "bestellnummer" in t:
            orders += 1
            assert re.search(r"(Bestell-Nr\.|Ihre Bestellung)", text)
        customers += "kundennummer" in t
        if "leistungsdatum" in t:
            service_dates += 1
            assert re.search(r"(Leistungsdatum|Liefer-/Leistungsdatum|Datum der Leistung)", text)
        else:
            periods_only += 1
            assert not re.search(r"(Leistungsdatum|Datum der Leistung)", text)
        two += t["pages"] == 2
    assert orders and customers >= 15 and service_dates and periods_only and two


def test_dauerrechnung_states_monthly_amounts_and_a_schedule(many):
    tenants = year_rows = private = schedules_apart = 0
    for inv in many["dauerrechnung_miete"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in text
        assert "Dauerrechnung" in text and "§ 14 UStG" in text and "§ 9 UStG" in text
        assert re.search(r"Mietobjekt", text) and "Dauerauftrag" in text
        # Twelve due dates, each with the monthly gross; the year's total (12×) a trap where printed.
        gross = cents(t["betrag_brutto"])
        found = amounts_in(text)
        assert found.count(gross) >= 12
        if 12 * gross in found:
            year_rows += 1
        months = set(re.findall(r"\b0?[1-7]\.(\d\d)\.20\d\d\b", text))
        assert {f"{m:02d}" for m in range(1, 13)} <= months, sorted(months)
        if "kundennummer" in t:
            tenants += 1
            assert re.search(r"(Mieter-Nr\.|Mieternummer):? " + re.escape(t["kundennummer"]), text), t["kundennummer"]
        private += "ust_id" not in t
        schedules_apart += t["pages"] == 2 and "Zahlungsplan" in texts[1]
    assert tenants and year_rows and private and schedules_apart

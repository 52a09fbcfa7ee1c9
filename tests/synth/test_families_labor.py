"""The families of families_labor: never-tuned, deterministic, truth adds up, printed, fits the page, and what
each family prints beside its truth (the lab's report, sample and accreditation numbers and distractor dates; the
printer's reverse charge or German VAT and the customer's VAT number)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from stdnum.eu import vat
from stdnum.gb import vat as gb_vat
from stdnum.ie import vat as ie_vat

from benchmarks.synth.families_labor import LABOR_FAMILIES, draw_labor
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
    de_number,
    in_second_half_of_2020,
    printed_gross_in_any_form,
    rates_one_of,
    seeded,
)
from tests.synth.test_families import date_forms, printed_forms
from tests.synth.test_synth import is_printed, page_texts

NAMES = ("labor_analytik", "print_invoice_en")
REQUIRED = TRUTH_KEYS | {"ust_id", "iban"}
KEYS = {
    "labor_analytik": ALL_TRUTH_KEYS,
    "print_invoice_en": ALL_TRUTH_KEYS - {"steuernummer"},
}
RATES = {"labor_analytik": [{19}], "print_invoice_en": [{0}, {19}]}
DE_AMOUNT = r"\d{1,3}(?:[. ]\d{3})*,\d\d"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


def text_of(inv) -> str:
    return " ".join(page_texts(inv.pdf))


def printed(text: str, key: str, value) -> bool:
    return any(is_printed(text, f) for f in printed_forms(key, value))


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(LABOR_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_labor)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(many):
    for inv in all_of(many):
        t = inv.truth
        lab = inv.layout == "labor_analytik"
        assert_truth_format(inv, REQUIRED, KEYS[inv.layout], amounts="positive" if lab else "not negative")
        assert t["waehrung"] == "EUR" and t["betrag_netto"] > 0
        assert t["pages"] in ((1, 2) if lab else (1,))
        assert not in_second_half_of_2020(t["datum"])
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]
        if not lab:
            assert "bic" in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_one_of(RATES), positive_bases=True)


def seller_vat_valid(number: str) -> bool:
    return {"GB": gb_vat.is_valid, "IE": ie_vat.is_valid}.get(number[:2], vat.is_valid)(number)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(
        many,
        iban_countries=lambda inv: ("DE",) if inv.layout == "labor_analytik" else (inv.truth["ust_id"][:2],),
        iban_required=True,
        ust_id_required=True,
        ust_id_valid=seller_vat_valid,
    )
    countries = {inv.truth["ust_id"][:2] for inv in many["print_invoice_en"]}
    assert countries == {"IE", "GB", "DE"}, countries
    assert all(inv.truth["ust_id"].startswith("DE") for inv in many["labor_analytik"])


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross_in_any_form)


# -- labor_analytik ---------------------------------------------------------------------------------------


def test_lab_prints_its_accreditation_report_and_distractor_dates(many):
    counts = dict.fromkeys(("two_pages", "express", "sampling", "order", "no_order", "single_day", "period",
                            "skonto", "customer_no", "method_column", "per_parameter", "carried"), 0)  # fmt: skip
    for inv in many["labor_analytik"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        where = inv.seed
        assert re.search(r"D-PL-\d{5}-\d\d-00", text), where
        assert re.search(r"Prüfbericht(?: Nr\.|-Nr\.)?:? (?:PB-\d\d-\d{5}|\d{4}-\d{5}-PB|AB\d{7})", text), (
            where
        )
        assert re.search(r"Probe(?:n)? \d{4}-\d{6}", text), where
        # the distractor dates are other days than the invoice date
        received = re.search(r"(?:Probeneingang(?: am)?|Eingang der Proben):? (\S+(?: \S+ \d{4})?)", text)
        assert received and received[1] not in date_forms(t["datum"]), where
        ordered = re.search(r"Ihr Auftrag vom:? (\S+(?: \S+ \d{4})?)", text)
        assert ordered and ordered[1] not in date_forms(t["datum"]), where
        assert ("leistungsdatum" in t) == ("Leistungsdatum" in text), where
        counts["single_day" if "Leistungsdatum" in text else "period"] += 1
        if "leistungsdatum" not in t:
            assert "Prüfzeitraum" in text, where
        # the customer's order number only under its label
        label = r"(?:Ihre Bestell-Nr\.|Ihr Zeichen / Bestell-Nr\.|Bestellnummer):? "
        m = re.search(label + r"(\S+)", text)
        assert (m is not None) == ("bestellnummer" in t), where
        if m:
            assert m[1] == t["bestellnummer"], where
        counts["order" if m else "no_order"] += 1
        counts["customer_no"] += "kundennummer" in t
        if t["pages"] == 2:
            counts["two_pages"] += 1
            carried = re.search(rf"Übertrag ({DE_AMOUNT})", texts[0])  # the table itself runs on to page 2
            assert (carried is not None) == ("Übertrag" in texts[1]), where
            counts["carried"] += carried is not None
            assert "Seite 1 von 2" in texts[0] and "Seite 2 von 2" in texts[1], where
            assert t["rechnungsnummer"] in texts[1], where
        express = re.search(
            rf"(?<!\d)50 % ({DE_AMOUNT}) ({DE_AMOUNT})", text
        )  # its cells: 50 %, base, amount
        if "Eilzuschlag" in text:
            counts["express"] += 1
            assert express, where
            base, amount = de_number(express[1]), de_number(express[2])
            assert amount == (base / 2).quantize(Decimal("0.01"), "ROUND_HALF_UP") and base < cents(
                t["betrag_netto"]
            )
        counts["sampling"] += "Probenahme vor Ort" in text
        counts["skonto"] += "Skonto" in text
        counts["method_column"] += bool(re.search(r"Methode|Verfahren|Norm", text.split("Eilzuschlag")[0]))
        counts["per_parameter"] += bool(re.search(r"\d+ Proben \(", text))
        assert all(item.rate == 19 for item in inv.items)
    assert all(counts.values()), counts


# -- print_invoice_en -------------------------------------------------------------------------------------


def test_printer_invoice_is_english_with_reverse_charge_or_german_vat(many):
    counts = dict.fromkeys(("reverse", "german_vat", "dispatch", "no_dispatch", "po", "account", "long", "slash",
                            "dash", "amount_due", "deliver_to"), 0)  # fmt: skip
    for inv in many["print_invoice_en"]:
        t, text = inv.truth, text_of(inv)
        where = inv.seed
        assert "INVOICE" in text and "Delivery charge" in text and t["lieferant"] in text, where
        assert re.search(r"\d,\d{3}\.\d\d|\d\.\d\d", text), where
        assert re.search(r"Registered in (?:Ireland|England and Wales) No\. \d{6,8}", text), where
        customer_vats = re.findall(r"(?:Customer VAT No\.|VAT No\.|Your VAT No\.): (DE\d{9})", text)
        if t["mwst"] == 0:
            counts["reverse"] += 1
            assert t["ust_id"][:2] in ("IE", "GB") and "reverse charge" in text.lower(), where
            assert customer_vats and all(v != t["ust_id"] for v in customer_vats), where
            assert {item.rate for item in inv.items} == {0}
        else:
            counts["german_vat"] += 1
            assert t["ust_id"].startswith("DE") and re.search(r"VAT (?:@ )?19%", text), where
            assert "Zweigniederlassung" in text and t["ust_id"] not in customer_vats, where
        label = re.search(r"(?:Dispatch Date|Despatch Date|Date of Dispatch) (\S+(?: \S+ \d{4})?)", text)
        assert (label is not None) == ("leistungsdatum" in t), where
        if label:
            counts["dispatch"] += 1
            assert label[1] in date_forms(t["leistungsdatum"]), where
        else:
            counts["no_dispatch"] += 1
        po = re.search(r"(?:Your Ref / PO No\.|Your Order No\.|PO Number) (\S+)", text)
        assert (po is not None) == ("bestellnummer" in t) and (not po or po[1] == t["bestellnummer"]), where
        counts["po"] += po is not None
        account = re.search(r"(?:Account No\.?|Customer A/C) (\S+)", text)
        assert (account is not None) == ("kundennummer" in t), where
        counts["account"] += account is not None
        day = dt.date.fromisoformat(t["datum"])
        counts["long"] += f"{day.day} {day:%B} {day.year}" in text
        counts["slash"] += f"{day:%d/%m/%Y}" in text
        counts["dash"] += f"{day:%d-%b-%Y}" in text
        counts["amount_due"] += bool(re.search(r"Amount Due|Balance Due", text))
        counts["deliver_to"] += bool(re.search(r"Deliver To|Delivery Address", text))
        assert printed(text, "betrag_brutto", t["betrag_brutto"]), where
    assert all(counts.values()), counts

"""The families of families_notdienst: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from benchmarks.synth.families_notdienst import NOTDIENST_FAMILIES, draw_notdienst
from tests.synth.family_checks import (
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
    german_printed_forms,
    iban_compact_or_in_fours,
    printed_gross,
    seeded,
    text_of,
)
from tests.synth.test_families import date_forms

NAMES = ("schluesseldienst_notdienst", "fachzeitschrift_abo")
REQUIRED = (
    "rechnungsnummer",
    "datum",
    "betrag_netto",
    "mwst",
    "betrag_brutto",
    "waehrung",
    "lieferant",
    "pages",
)
KEYS = {
    *REQUIRED, "ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer", "leistungsdatum",
}  # fmt: skip
AMOUNT = r"-?\d{1,3}(?:[ .]\d{3})*,\d\d"
CUR = r"(?: €| EUR)?"
DAY = r"\d\d\.\d\d\.(?:\d{4}|\d\d)|\d{1,2}\. [A-Za-zä]+ \d{4}"
CENT = Decimal("0.01")
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 12)


def day_of(text: str) -> dt.date:
    day, month, year = text.split(".")
    return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))


def issn_valid(text: str) -> bool:
    """An ISSN's check digit, written out here: weights 8 to 2 over the first seven digits, modulo 11."""
    digits = text.replace("-", "")
    total = sum(int(ch) * (8 - k) for k, ch in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(NOTDIENST_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_notdienst)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        assert_truth_format(inv, REQUIRED, KEYS)
        t = inv.truth
        assert {"ust_id", "steuernummer"} & set(t)
        assert dt.date(2021, 3, 1) <= dt.date.fromisoformat(t["datum"]) <= dt.date(2025, 6, 30)
        assert t["waehrung"] == "EUR" and ("bic" not in t or "iban" in t)
        if inv.layout == "schluesseldienst_notdienst":
            assert "leistungsdatum" in t and t["leistungsdatum"] <= t["datum"] and "bestellnummer" not in t
        else:
            assert "leistungsdatum" not in t and "iban" in t or "Lastschrift" in text_of(inv.pdf)


def test_amounts_add_up_per_rate(many):
    allowed = {"schluesseldienst_notdienst": ({19},), "fachzeitschrift_abo": ({7}, {7, 19})}
    assert_amounts_add_up(
        many,
        lambda inv, rates: rates in [set(map(Decimal, r)) for r in allowed[inv.layout]],
        positive_bases=True,
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- schluesseldienst_notdienst ---------------------------------------------------------------------------

GROSS_SD = r"(?:Rechnungsbetrag|Gesamtbetrag|Endbetrag|Summe brutto)(?: EUR)?"
SERVICE_DAY = r"(?:Leistungsdatum|Einsatzdatum|Einsatztag):? "


def test_schluesseldienst_notdienst_prints_a_call_out_with_its_times_and_surcharge(many):
    counts = dict.fromkeys(
        ("form", "letter", "lock", "glass", "card", "cash", "transfer", "no_bank", "percent", "flat",
         "midnight", "cylinder", "police", "customer_no", "units", "hours"),
        0,
    )  # fmt: skip
    for inv in many["schluesseldienst_notdienst"]:
        t, text = inv.truth, text_of(inv.pdf)
        gross = cents(t["betrag_brutto"])
        assert gross in [de_number(x) for x in re.findall(rf"{GROSS_SD}:? ({AMOUNT})", text)], inv.seed
        assert "19 %" in text
        # the day of the job under its label; the call, the arrival and the end of the work
        forms = "|".join(re.escape(f) for f in date_forms(t["leistungsdatum"]))
        assert re.search(rf"{SERVICE_DAY}({forms})", text), inv.seed
        arrived = re.search(r"(?:Ankunft vor Ort|Ankunft|Eintreffen):? (\d\d):(\d\d) Uhr", text)
        done = re.search(r"(?:Arbeitsende|Fertigstellung|Ende):? (\d\d):(\d\d) Uhr", text)
        called = re.search(
            rf"(?:Auftrag erteilt|Anruf|Auftragseingang):? (?:({DAY}), )?(\d\d):(\d\d) Uhr", text
        )
        assert arrived and done and called, inv.seed
        day = dt.date.fromisoformat(t["leistungsdatum"])
        start = dt.datetime.combine(day, dt.time(int(arrived[1]), int(arrived[2])))
        call_day = day_of(called[1]) if called[1] else day
        call = dt.datetime.combine(call_day, dt.time(int(called[2]), int(called[3])))
        assert dt.timedelta(minutes=10) <= start - call <= dt.timedelta(hours=1), inv.seed
        if called[1]:
            counts["midnight"] += 1
            assert call_day == day - dt.timedelta(days=1)
        # the working time in quarters of an hour, ending when the work ended
        work = [i for i in inv.items if i.unit in ("15 Min.", "AE", "Std.")]
        assert len(work) == 1, inv.seed
        quarters = work[0].quantity * (4 if work[0].unit == "Std." else 1)
        counts["hours" if work[0].unit == "Std." else "units"] += 1
        end = dt.datetime.combine(day, dt.time(int(done[1]), int(done[2])))
        assert end - start == dt.timedelta(minutes=15 * int(quarters)), inv.seed
        # the surcharge: a percentage of the amount printed in its line, or a flat amount
        sur = [i for i in inv.items if "zuschlag" in i.description.lower()]
        assert len(sur) == 1, inv.seed
        if m := re.search(rf"(\d+) % auf [A-Za-z ]+\(({AMOUNT}){CUR}\)", sur[0].description):
            counts["percent"] += 1
            expected = (de_number(m[2]) * int(m[1]) / 100).quantize(CENT, ROUND_HALF_UP)
            assert sur[0].unit_price == expected, inv.seed
        else:
            counts["flat"] += 1
            assert "pauschal" in sur[0].description
        # the trade and the material
        glass = "Notverglasung" in text
        counts["glass" if glass else "lock"] += 1
        assert glass or re.search(r"Türöffnung|zylinder", text, re.IGNORECASE)
        counts["cylinder"] += bool(re.search(r"zylinder[^.]*\d\d/\d\d mm", text))
        counts["police"] += "Polizei-Vorgangs-Nr." in text
        # the payment: by card or in cash on site (the account left out on some seeds), or by transfer
        if "Terminal-ID" in text:
            counts["card"] += 1
        elif re.search(r"(dankend erhalten|Bar bezahlt)", text):
            counts["cash"] += 1
            if m := re.search(rf"Gegeben ({AMOUNT}){CUR} · Rückgeld ({AMOUNT})", text):
                assert de_number(m[1]) - de_number(m[2]) == gross
        else:
            counts["transfer"] += 1
            assert "iban" in t and re.search(r"(Zahlbar|überweisen)", text)
        counts["no_bank"] += "iban" not in t
        assert ("iban" in t) == ("IBAN" in text)
        counts["form" if "Unterschrift Auftraggeber" in text else "letter"] += 1
        counts["customer_no"] += "kundennummer" in t
    assert all(counts.values()), counts


# -- fachzeitschrift_abo ----------------------------------------------------------------------------------

GROSS_ABO = r"(?:Rechnungsbetrag|Gesamtbetrag|Zu zahlender Betrag)(?: EUR)?"


def test_fachzeitschrift_abo_prints_a_subscription_with_its_period_and_rates(many):
    counts = dict.fromkeys(
        ("two_rates", "print_only_rate", "debit", "transfer", "digital", "shipping", "second_copy",
         "discount", "included", "upgrade", "two_journals", "order", "summary", "rows", "no_bank"),
        0,
    )  # fmt: skip
    for inv in many["fachzeitschrift_abo"]:
        t, text = inv.truth, text_of(inv.pdf)
        gross = cents(t["betrag_brutto"])
        assert gross in [de_number(x) for x in re.findall(rf"{GROSS_ABO}:? ({AMOUNT})", text)], inv.seed
        # the subscription number beside the invoice and customer numbers, the period of a year
        abo = re.search(r"(?:Abo-Nr\.|Abonnement-Nr\.|Bezieher-Nr\.):? (A?B?\d{7})", text)
        assert abo and abo[1] != t.get("kundennummer"), inv.seed
        span = re.search(rf"Bezugszeitraum:? ({DAY}) – ({DAY})", text)
        assert span, inv.seed
        issns = re.findall(r"ISSN (\d{4}-\d{3}[\dX])", text)
        assert issns and all(issn_valid(x) for x in issns), inv.seed
        counts["two_journals"] += len(issns) > 1
        assert "6 Wochen vor" in text
        # the rates: the journal, its shipping and e-paper at 7 %, online services at 19 %
        rates = {i.rate for i in inv.items}
        counts["two_rates" if rates == {7, 19} else "print_only_rate"] += 1
        for item in inv.items:
            if re.search(r"(Versand|Porto|Abonnement|E-Paper|Zweitexemplar|Rabatt)", item.description):
                assert item.rate == 7, (inv.seed, item.description)
        shipping = [i for i in inv.items if re.search(r"(Versand|Porto)", i.description)]
        counts["shipping"] += bool(shipping)
        counts["digital"] += not shipping
        counts["second_copy"] += "Zweitexemplar" in text
        counts["discount"] += any(i.total < 0 for i in inv.items)
        counts["included"] += "inklusive" in text
        counts["upgrade"] += "Digital-Upgrade" in text
        if "Lastschrift" in text:
            counts["debit"] += 1
            assert re.search(r"Gläubiger-ID: DE\d\dZZZ\d{11}", text)
        else:
            counts["transfer"] += 1
            assert "iban" in t
        counts["no_bank"] += "iban" not in t
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(rf"(Ihre Bestellung|Ihre Bestell-Nr\.):? {re.escape(t['bestellnummer'])}", text)
        counts["summary" if "USt-Satz" in text else "rows"] += 1
        assert "leistungsdatum" not in t and t["lieferant"] in text
    assert all(counts.values()), counts

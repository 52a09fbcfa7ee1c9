"""The families of families_kueche: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from schwifty import IBAN

from benchmarks.synth.families_kueche import KUECHE_FAMILIES, draw_kueche
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
    in_second_half_of_2020,
    printed_gross,
    rates_as_in,
    seeded,
)
from tests.synth.test_families import date_forms
from tests.synth.test_synth import page_texts

NAMES = ("kuechen_montage", "hausverwaltung_weg")
REQUIRED = {
    "rechnungsnummer",
    "datum",
    "betrag_netto",
    "mwst",
    "betrag_brutto",
    "waehrung",
    "lieferant",
    "pages",
}
KEYS = {
    "kuechen_montage": REQUIRED | {"ust_id", "steuernummer", "iban", "bic", "kundennummer", "leistungsdatum"},
    "hausverwaltung_weg": REQUIRED | {"ust_id", "steuernummer", "iban", "bic", "kundennummer"},
}
RATES = {"kuechen_montage": {19}, "hausverwaltung_weg": {19}}
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
GERMAN_IBAN = r"DE\d\d(?: ?\d{4}){4} ?\d\d"
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)
# The sinks' and taps' model numbers of the studios' catalogue (every kitchen has one of each).
SINKS = ("526003", "114.0198.498", "MOND100AGRA")
TAPS = ("32321002", "72800000", "516690")


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 16)


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


def amounts(text: str, pattern: str) -> list[Decimal] | None:
    """The amounts the groups of `pattern`'s first match in `text` hold, None without a match."""
    m = re.search(pattern, text)
    return [de_number(g) for g in m.groups()] if m else None


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(KUECHE_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_kueche)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS[inv.layout])
        assert t["waehrung"] == "EUR"
        assert "ust_id" in t or "steuernummer" in t
        assert not in_second_half_of_2020(t["datum"])
        if inv.layout == "kuechen_montage":
            assert "iban" in t
        if "leistungsdatum" in t:
            assert dt.date.fromisoformat(t["leistungsdatum"]) < dt.date.fromisoformat(t["datum"])


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_as_in(RATES), positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass({"kuechen_montage": many["kuechen_montage"]}, iban_required=True)
    assert_identifiers_pass({"hausverwaltung_weg": many["hausverwaltung_weg"]})


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- kuechen_montage --------------------------------------------------------------------------------------

DAY_LABEL = r"(?:Liefer-/Montagedatum|Montagetermin|Leistungsdatum|Montage am)"
WHOLE = r"(?:Gesamtbetrag Lieferung und Montage|Auftragssumme gesamt|Gesamtbetrag)(?: EUR)?"
REST = r"(?:Restzahlung|Restbetrag|Noch zu zahlen)"
GROSS = r"(?:Gesamtbetrag|Rechnungsbetrag|Bruttobetrag|Summe brutto)(?: EUR)?"


def test_kitchen_lists_modules_appliances_and_two_fitters(many):
    counts = dict.fromkeys(
        ("package", "priced", "discount", "holiday_flat", "office_or_practice", "one_day", "two_days",
         "customer", "no_customer", "labour_note", "two_pages"),
        0,
    )  # fmt: skip
    for inv in many["kuechen_montage"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert "SPUG60" in text and "SO10" in text, inv.seed
        assert any(m in text for m in SINKS) and any(m in text for m in TAPS), inv.seed
        assert re.search(r"2 Monteure|Montagehelfer", text), inv.seed
        assert "Auftragsbestätigung" in text or "AB-Nr." in text
        assert re.search(r"Programm: \S+", text)
        counts["package" if "bestehend aus" in text else "priced"] += 1
        counts["discount"] += any(item.unit_price < 0 for item in inv.items)
        counts[
            "holiday_flat" if re.search(r"Ferienwohnung \d|Apartment \d", text) else "office_or_practice"
        ] += 1
        if "leistungsdatum" in t:
            counts["one_day"] += 1
            assert re.search(rf"{DAY_LABEL}:? (?:{any_date(t['leistungsdatum'])})", text), inv.seed
        else:
            counts["two_days"] += 1
            assert re.search(r"Lieferung am .+?, Montage am .+? und ", text), inv.seed
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
        labour = re.search(rf"(?:Lohnkosten|Lohnkostenanteil)[^:]*: ({AMOUNT})", text)
        if labour:
            counts["labour_note"] += 1
            truth = {cents(t[k]) for k in ("betrag_netto", "mwst", "betrag_brutto")}
            assert de_number(labour[1]) not in truth and de_number(labour[1]) < cents(t["betrag_netto"])
        counts["two_pages"] += t["pages"] == 2
    assert all(counts.values()), counts


def test_kitchen_deducts_the_deposit_after_the_whole_invoice(many):
    counts = dict.fromkeys(("gross", "split", "table", "none", "final_invoice"), 0)
    for inv in many["kuechen_montage"]:
        t, text = inv.truth, " ".join(page_texts(inv.pdf))
        net, vat, gross = (cents(t[k]) for k in ("betrag_netto", "mwst", "betrag_brutto"))
        table = amounts(text, rf"abzgl\. Anzahlung \(AB [^)]*\) ({AMOUNT}) ({AMOUNT}) ({AMOUNT})")
        split = amounts(
            text, rf"Anzahlung[^€]*?, netto ({AMOUNT}){CUR} abzgl\. 19 % MwSt\. auf die Anzahlung ({AMOUNT})"
        )
        counts["final_invoice"] += "Schlussrechnung" in text
        if table:
            counts["table"] += 1
            assert amounts(text, rf"{WHOLE} ({AMOUNT}) ({AMOUNT}) ({AMOUNT})") == [net, vat, gross], inv.seed
            rest = amounts(text, rf"{REST} ({AMOUNT}) ({AMOUNT}) ({AMOUNT})")
            assert rest == [net + table[0], vat + table[1], gross + table[2]], inv.seed
            paid, paid_net, paid_vat = -table[2], -table[0], -table[1]
        elif split:
            counts["split"] += 1
            paid_net, paid_vat = -split[0], -split[1]
            paid = paid_net + paid_vat
            assert amounts(text, rf"{REST} ({AMOUNT})") == [gross - paid], inv.seed
        elif "Anzahlung" in text:
            counts["gross"] += 1
            deducted = amounts(text, rf"abzgl\. (?:geleistete )?Anzahlung .*? ({AMOUNT}){CUR} {REST}")
            assert deducted and deducted[0] < 0, inv.seed
            paid, paid_net, paid_vat = -deducted[0], None, None
            assert amounts(text, rf"{REST} ({AMOUNT})") == [gross - paid], inv.seed
        else:
            counts["none"] += 1
            assert not re.search(REST + rf" {AMOUNT}", text)
            continue
        # a round deposit paid with the order, less than the whole; its VAT 19 % of its net
        assert paid % 100 == 0 and 0 < paid < gross, inv.seed
        if paid_net is not None:
            assert abs(paid_vat - paid_net * Decimal("0.19")) <= Decimal("0.01"), inv.seed
        if not table:
            assert gross in [de_number(m) for m in re.findall(rf"{GROSS}:? ({AMOUNT})", text)], inv.seed
    assert all(counts.values()), counts


# -- hausverwaltung_weg -----------------------------------------------------------------------------------

RATE = r"(\d{1,3},\d\d) (?:€|EUR)"


def monthly_rate(description: str) -> Decimal:
    m = re.search(RATE, description)
    assert m, description
    return de_number(m[1])


def test_manager_bills_units_times_rate_times_months(many):
    counts = dict.fromkeys(
        ("months", "units", "list", "parking", "commercial", "meeting", "claim", "copies", "customer",
         "no_customer", "letter"),
        0,
    )  # fmt: skip
    for inv in many["hausverwaltung_weg"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(r"\d\. Quartal \d{4}", text) and "Verwaltervertrag vom" in text
        assert re.search(r"Objekt: (?:WEG|Wohnungseigentümergemeinschaft|Eigentümergemeinschaft) ", text)
        obj = re.search(r"\(Objekt-Nr\. ([^)]+)\)", text)
        assert obj and obj[1] not in (t["rechnungsnummer"], t.get("kundennummer"))
        fees = [item for item in inv.items if item.description.startswith("Verwaltervergütung")]
        rates = {}
        for item in fees:
            assert item.description in text, item.description
            rate = monthly_rate(item.description)
            if item.unit == "Monate":
                counts["months"] += 1
                count = int(re.match(r"Verwaltervergütung (\d+) ", item.description)[1])
            elif "je " in item.description:
                counts["units"] += 1
                count = int(item.quantity)
            else:
                counts["list"] += 1
                count = int(re.match(r"Verwaltervergütung (\d+) ", item.description)[1])
                assert "× 3 Monate" in item.description
            assert item.total == rate * count * 3, item
            kind = (
                "parking"
                if re.search(r"Garage|Stellpl", item.description)
                else "commercial"
                if "Gewerbe" in item.description
                else "units"
            )
            rates[kind] = rate
        assert "units" in rates
        if "parking" in rates:
            counts["parking"] += 1
            assert rates["parking"] < rates["units"]
        if "commercial" in rates:
            counts["commercial"] += 1
            assert rates["commercial"] > rates["units"]
        descriptions = " ".join(item.description for item in inv.items)
        counts["meeting"] += "Eigentümerversammlung" in descriptions
        counts["claim"] += "Versicherungsschaden" in descriptions
        counts["copies"] += "Kopien" in descriptions
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
        counts["letter"] += "Sehr geehrte Damen und Herren" in text
    assert all(counts.values()), counts


def test_manager_draws_the_fee_from_the_communitys_account_or_asks_for_a_transfer(many):
    counts = dict.fromkeys(
        ("withdrawn_own_bank", "withdrawn_no_bank", "transfer", "represented", "own_address"), 0
    )
    for inv in many["hausverwaltung_weg"]:
        t, text = inv.truth, " ".join(page_texts(inv.pdf))
        ibans = {iban.replace(" ", "") for iban in re.findall(GERMAN_IBAN, text)}
        own = t.get("iban", "").replace(" ", "")
        if "Hausgeldkonto" in text:
            weg = ibans - {own}
            assert len(weg) == 1, (inv.seed, ibans)
            assert IBAN(weg.pop(), validate_bban=True)
            counts["withdrawn_own_bank" if own else "withdrawn_no_bank"] += 1
        else:
            counts["transfer"] += 1
            assert own and ibans == {own}, inv.seed
        seller = re.escape(t["lieferant"])
        if re.search(rf"(?:vertreten durch die|c/o|vertr\. d\. d\. Verwalter) {seller}", text):
            counts["represented"] += 1
        else:
            counts["own_address"] += 1
    assert all(counts.values()), counts

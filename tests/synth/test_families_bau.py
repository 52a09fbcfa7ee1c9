"""The families of families_bau: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from stdnum.iso7064 import mod_97_10

from benchmarks.synth.families_bau import BAU_FAMILIES, draw_bau
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
    rates_one_of,
    seeded,
)
from tests.synth.test_families import date_forms
from tests.synth.test_synth import page_texts

NAMES = ("architekt_hoai_abschlag", "aufzug_wartung")
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
    "architekt_hoai_abschlag": REQUIRED | {"ust_id", "steuernummer", "iban", "bic", "bestellnummer"},
    "aufzug_wartung": REQUIRED | {"ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer"},
}
RATES = {"architekt_hoai_abschlag": [{19}], "aufzug_wartung": [{19}, {19, 0}]}
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 16)


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}):? ({AMOUNT}){CUR}", text)]


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


def german_day(text: str) -> dt.date:
    """A date as these families print it: 05.03.2024, 05.03.24 or 5. März 2024."""
    months = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember")  # fmt: skip
    long = re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", text)
    if long:
        return dt.date(int(long[3]), months.index(long[2]) + 1, int(long[1]))
    day, month, year = text.split(".")
    return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))


DAY = r"\d\d\.\d\d\.\d{2,4}|\d{1,2}\. [A-Z][a-zä]+ \d{4}"


def is_creditor_id(value: str) -> bool:
    """A German SEPA creditor identifier whose ISO 7064 check digits hold."""
    m = re.fullmatch(r"DE(\d\d)ZZZ(\d{11})", value)
    return bool(m) and mod_97_10.is_valid(f"{m[2]}DE{m[1]}")


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(BAU_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_bau)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS[inv.layout])
        assert "iban" in t and t["waehrung"] == "EUR"
        assert "ust_id" in t or "steuernummer" in t
        assert not in_second_half_of_2020(t["datum"])


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_one_of(RATES), positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- architekt_hoai_abschlag ------------------------------------------------------------------------------

EARNED = r"Honorar bisher gesamt netto|Honorar lt\. Leistungsstand netto|Summe Honorar zum [^€]*? netto"


def test_architect_bills_this_progress_invoice_not_the_fee_earned(many):
    counts = dict.fromkeys(
        ("hoai2013", "hoai2021", "lines", "table", "conversion", "special", "ancillary", "itemised", "order",
         "no_order", "ek", "part", "gmbh", "two_pages", "one_page"),
        0,
    )  # fmt: skip
    for inv in many["architekt_hoai_abschlag"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        nth = re.search(
            r"(\d)\. (?:Abschlagsrechnung|ABSCHLAGSRECHNUNG)|Abschlagsrechnung Nr\. (\d)", texts[0]
        )
        assert nth, inv.seed
        n = int(nth[1] or nth[2])
        assert 2 <= n <= 6
        assert re.search(r"(?:Leistungsphasen|LPh) \d(?:–| bis )\d gem\. § 34 HOAI 20(?:13|21)", text)
        assert "Honorarzone" in text and "Honorarsatz" in text and "§ 35" in text
        # the earlier invoices: their numbers and dates, none of them this invoice's
        earlier = re.findall(rf"\d\. Abschlagsrechnung Nr\. (.+?) vom ({DAY}) ({AMOUNT}){CUR}", text)
        if earlier:
            counts["lines"] += 1
            deducted = sum((de_number(m[2]) for m in earlier), Decimal(0))  # printed negative
            assert deducted < 0
        else:
            counts["table"] += 1
            table = text[text.index("Aufstellung bisheriger Abschlagsrechnungen") :]
            earlier = re.findall(rf"\d\. (.+?) ({DAY}) ({AMOUNT}) {AMOUNT} {AMOUNT}", table)
            (deducted,) = amounts_after(text, r"abzüglich bisheriger Abschlagsrechnungen \(netto\)")
            assert deducted == -sum((de_number(m[2]) for m in earlier), Decimal(0))
        assert len(earlier) == n - 1, inv.seed
        assert t["rechnungsnummer"] not in {m[0] for m in earlier} and len({m[0] for m in earlier}) == n - 1
        day = dt.date.fromisoformat(t["datum"])
        assert all(german_day(m[1]) < day and not in_second_half_of_2020(german_day(m[1]).isoformat())
                   for m in earlier)  # fmt: skip
        # the fee earned so far less the earlier invoices' nets is this invoice's net
        (earned,) = amounts_after(text, EARNED)
        assert earned + deducted == cents(t["betrag_netto"]), inv.seed
        assert cents(t["betrag_netto"]) < earned
        assert (
            cents(t["betrag_brutto"])
            == amounts_after(text, r"(?:Rechnungsbetrag brutto|Zahlbetrag|Zu zahlender Betrag)(?: EUR)?")[-1]
        )
        phases = [item for item in inv.items if item.description.startswith("LPh ")]
        assert phases and all(0 < item.quantity <= 1 for item in phases)
        assert sum(1 for item in inv.items if item.unit_price < 0) == n - 1
        counts["hoai2013" if "HOAI 2013" in text else "hoai2021"] += 1
        if "HOAI 2013" in text:
            assert not re.search(r"Basishonorarsatz|oberer Honorarsatz", text)
        counts["conversion"] += "Umbauzuschlag" in text
        counts["special"] += "Besondere Leistungen" in text
        if re.search(r"Nebenkosten pauschal|Nebenkostenpauschale", text):
            counts["ancillary"] += 1
        else:
            counts["itemised"] += 1
            assert "Nebenkosten werden mit der Schlussrechnung nach Einzelnachweis abgerechnet." in text
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(
                rf"(?:Ihre Bestell-Nr\.|Ihre Bestellnummer|Bestell-Nr\.):? {t['bestellnummer']}", text
            )
        else:
            counts["no_order"] += 1
        name = t["lieferant"]
        counts["ek" if name.endswith("e.K.") else "part" if name.endswith("PartGmbB") else "gmbh"] += 1
        if name.endswith("PartGmbB"):
            assert "Partnerschaftsregister" in text
        assert re.search(r"Architekt\S*kammer|Architekten- und \S+kammer", text)
        counts["two_pages" if t["pages"] > 1 else "one_page"] += 1
    assert all(counts.values()), counts


# -- aufzug_wartung ---------------------------------------------------------------------------------------


def test_aufzug_wartung_bills_a_quarter_of_lift_maintenance(many):
    counts = dict.fromkeys(
        ("ahead", "arrears", "one_lift", "lifts", "grouped", "flat", "repair", "dated", "zues_table",
         "zues_after", "no_zues", "debit", "transfer", "order", "sign", "no_reference", "customer",
         "no_customer"),
        0,
    )  # fmt: skip
    for inv in many["aufzug_wartung"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        gross = r"Gesamtbetrag|Rechnungsbetrag|Summe brutto"
        assert cents(t["betrag_brutto"]) in amounts_after(text, rf"(?:{gross})(?: EUR)?"), inv.seed
        # the quarter and its service period
        quarter = re.search(r"(\d)\. Quartal (\d{4})", text)
        period = re.search(rf"Leistungszeitraum ({DAY}) – ({DAY})", text)
        assert quarter and period, inv.seed
        first, last = german_day(period[1]), german_day(period[2])
        q, year = int(quarter[1]), int(quarter[2])
        assert (
            first == dt.date(year, 3 * q - 2, 1)
            and last.month == 3 * q
            and (last + dt.timedelta(days=1)).day == 1
        )
        assert not in_second_half_of_2020(first.isoformat()) and not in_second_half_of_2020(last.isoformat())
        day = dt.date.fromisoformat(t["datum"])
        counts["ahead" if first <= day <= last else "arrears"] += 1
        assert day >= first
        # the property is not the customer's address; the lifts with their factory numbers
        assert re.search(r"Objekt: \S", text)
        lifts = len(set(re.findall(r"Anlage (\d):", text)))
        assert lifts >= 1 and text.count("Fabrik-Nr.") >= lifts
        counts["one_lift" if lifts == 1 else "lifts"] += 1
        counts["grouped" if "Baujahr" in text else "flat"] += 1
        contract = re.search(r"Wartungsvertrag Nr\. (.+?) vom", text)
        assert contract and contract[1] not in (
            t.get("kundennummer"),
            t.get("bestellnummer"),
            t["rechnungsnummer"],
        )
        descriptions = " ".join(item.description for item in inv.items)
        assert "artung" in descriptions
        if "Monteurstunden" in descriptions:
            counts["repair"] += 1
            assert "Störungsbeseitigung am" in text
            counts["dated"] += bool(re.search(r"\b\d\d\.\d\d\.\d\d \d", text))
        passed = [item for item in inv.items if item.rate == 0]
        if passed:
            assert len(passed) == 1 and "ZÜS" in text
            fee = passed[0].total
            if re.search(rf"19 % USt\. auf {AMOUNT}", text):
                counts["zues_table"] += 1
                assert "Prüfgebühr ZÜS (durchlaufender Posten, ohne USt.)" in text
            else:
                counts["zues_after"] += 1
                assert fee in amounts_after(text, r"zzgl\. Prüfgebühr ZÜS \(ohne USt\.\)")
                assert "durchlaufenden Posten ohne Umsatzsteuer" in text
            net = cents(t["betrag_netto"])
            assert cents(t["mwst"]) == ((net - fee) * Decimal("0.19")).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
        else:
            counts["no_zues"] += 1
            assert "Prüfgebühr" not in text
        if "SEPA-Lastschrift" in text:
            counts["debit"] += 1
            creditor = re.search(r"Gläubiger-ID: (\S+)", text)
            assert creditor and is_creditor_id(creditor[1]) and creditor[1] != t.get("ust_id")
            assert "Mandatsreferenz:" in text and "Skonto" not in text
        else:
            counts["transfer"] += 1
            assert "Gläubiger-ID" not in text
        if "bestellnummer" in t:
            counts["order"] += 1
            label = r"(?:Ihre Bestell-Nr\.|Ihre Auftrags-Nr\.|Ihre Bestellnummer)"
            assert re.search(rf"{label}:? {re.escape(t['bestellnummer'])}", text), inv.seed
            assert "Ihr Zeichen" not in text
        elif "Ihr Zeichen:" in text:
            counts["sign"] += 1
        else:
            counts["no_reference"] += 1
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
    assert all(counts.values()), counts

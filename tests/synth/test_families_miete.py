"""The families of families_miete: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from benchmarks.synth.families_miete import MIETE_FAMILIES, draw_miete
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
    de_or_en_number,
    german_printed_forms,
    iban_compact_or_in_fours,
    is_german_vat_id,
    printed_gross_in_any_form,
    seeded,
)
from tests.synth.test_families import date_forms
from tests.synth.test_synth import page_texts

NAMES = ("fotostudio_mietstudio", "it_freelancer_en")
REQUIRED = {"rechnungsnummer", "datum", "betrag_netto", "betrag_brutto", "waehrung", "lieferant", "pages"}
KEYS = REQUIRED | {"mwst", "ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer",
                   "leistungsdatum"}  # fmt: skip
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
EN_AMOUNT = r"\d{1,3}(?:[,. ]\d{3})*[.,]\d\d(?!\d)"
GROSS = r"(?:Gesamtbetrag|Rechnungsbetrag|Bruttobetrag|Summe brutto)(?: EUR)?"
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)
COUNTRIES = {"PL", "ES", "PT", "CZ"}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 12)


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


def is_own_vat_id(number: str) -> bool:
    from stdnum.eu import vat

    return number[:2] in COUNTRIES and vat.is_valid(number)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(MIETE_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_miete)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        studio = inv.layout == "fotostudio_mietstudio"
        assert_truth_format(
            inv, REQUIRED, KEYS, amounts="positive" if studio else "not negative", mwst_may_be_absent=not studio
        )
        assert "iban" in t and t["waehrung"] == "EUR"
        day = dt.date.fromisoformat(t["datum"])
        if studio:
            assert "mwst" in t and ("ust_id" in t or "steuernummer" in t)
            assert not dt.date(2020, 6, 15) <= day <= dt.date(2021, 1, 31)
            assert "bestellnummer" not in t
            if "leistungsdatum" in t:
                assert dt.date.fromisoformat(t["leistungsdatum"]) < day
        else:
            assert "ust_id" in t and "steuernummer" not in t and "leistungsdatum" not in t
            assert t.get("mwst", 0.0) == 0.0 and t["betrag_netto"] == t["betrag_brutto"]
            assert t["iban"][:2] == t["ust_id"][:2]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many,
        lambda inv, rates: rates == ({Decimal(19)} if inv.layout == "fotostudio_mietstudio" else {Decimal(0)}),
        positive_bases=True,
        mwst_may_be_absent=True,
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass({"fotostudio_mietstudio": many["fotostudio_mietstudio"]}, iban_required=True)
    assert_identifiers_pass(
        {"it_freelancer_en": many["it_freelancer_en"]},
        iban_countries=COUNTRIES,
        iban_required=True,
        ust_id_required=True,
        ust_id_valid=is_own_vat_id,
    )


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross_in_any_form)


# -- fotostudio_mietstudio --------------------------------------------------------------------------------


def test_fotostudio_prints_a_shoot_day(many):
    counts = dict.fromkeys(
        ("half", "full", "overtime", "catering", "deposit", "no_deposit", "day_label", "day_subject",
         "customer", "no_customer"),
        0,
    )  # fmt: skip
    for inv in many["fotostudio_mietstudio"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(r"Produktion: [^\n]+ \d{4}", text)
        job = re.search(r"(?:Ihre Job-Nr\.|Job-Nr\. Agentur|Ihre Job-Nummer):? (\S+)", text)
        assert job and job[1] not in (t["rechnungsnummer"], t.get("kundennummer"))
        assert re.search(r"\d\d:\d\d–\d\d:\d\d Uhr", text)
        assert "Storn" in text
        descriptions = " ".join(item.description for item in inv.items)
        assert "Studioassistenz" in descriptions and "Studiomiete" in descriptions
        counts["half" if "halber Tag" in descriptions else "full"] += 1
        counts["overtime"] += "Überstunden" in descriptions
        counts["catering"] += "Catering" in descriptions
        gross = cents(t["betrag_brutto"])
        assert gross in [de_number(m) for m in re.findall(rf"(?:{GROSS}) ({AMOUNT})", text)], inv.seed
        deposit = re.search(rf"abzgl\. Anzahlung .*? (-{AMOUNT})", text)
        if deposit:
            counts["deposit"] += 1
            paid = -de_number(deposit[1])
            rest = re.search(rf"(?:Restbetrag|Zahlbetrag) ({AMOUNT})", text)
            assert rest and de_number(rest[1]) == gross - paid
        else:
            counts["no_deposit"] += 1
            assert "Anzahlung" not in text
        if "leistungsdatum" in t:
            counts["day_label"] += 1
            label = r"(?:Produktionstag|Shooting-Datum|Leistungsdatum|Aufnahmetag)"
            assert re.search(rf"{label}:? (?:{any_date(t['leistungsdatum'])})", text), inv.seed
        else:
            counts["day_subject"] += 1
            assert "Shooting am " in text
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
    assert all(counts.values()), counts


# -- it_freelancer_en -------------------------------------------------------------------------------------


def test_it_freelancer_en_bills_in_english_under_reverse_charge(many):
    counts = dict.fromkeys(
        ("vat_line", "no_vat_line", "milestones", "projects", "fixed", "po", "iso", "en_date", "en_amount",
         "local_amount", *COUNTRIES),
        0,
    )  # fmt: skip
    for inv in many["it_freelancer_en"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert "Art. 196 Directive 2006/112/EC" in text
        assert "Net 14" in text or "14 days net" in text
        customer = re.search(r"Customer VAT ID: (DE\d{9})", text)
        assert customer and is_german_vat_id(customer[1]) and customer[1] != t["ust_id"]
        assert "USt" not in text and "MwSt" not in text
        counts[t["ust_id"][:2]] += 1
        total = re.search(rf"(?:Total due|Total|Amount due|Total \(EUR\))\s+(?:€ |EUR )?({EN_AMOUNT})", text)
        assert total and de_or_en_number(total[1]) == cents(t["betrag_brutto"]), inv.seed
        if "mwst" in t:
            counts["vat_line"] += 1
            assert re.search(r"VAT (?:0 %|\(0%\)|0%)", text)
        else:
            counts["no_vat_line"] += 1
            assert not re.search(r"VAT (?:0 %|\(0%\)|0%)", text)
        descriptions = " ".join(item.description for item in inv.items)
        counts["milestones" if "Milestone" in descriptions or "Sprint" in descriptions else "projects"] += 1
        counts["fixed"] += "fixed price" in descriptions
        if "bestellnummer" in t:
            counts["po"] += 1
            assert re.search(rf"(?:Your PO|PO number|Purchase order):? {t['bestellnummer']}", text)
        counts["iso" if t["datum"] in text else "en_date"] += 1
        counts["en_amount" if re.search(r"\d,\d{3}\.\d\d", text) else "local_amount"] += 1
    assert all(counts.values()), counts

"""The families of families_dienst: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from stdnum.eu import at_02

from benchmarks.synth.families_dienst import DIENST_FAMILIES, draw_dienst
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
    german_printed_forms,
    iban_in_fours,
    printed_gross,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("zeitarbeit_wochen", "gebaeudereinigung_monat")
KEYS = ALL_TRUTH_KEYS - {"leistungsdatum"}
DE_AMOUNT = r"-?\d{1,3}(?:[ .]\d{3})*,\d\d"
GROSS_LABELS = r"(?:Rechnungsbetrag|Gesamtbetrag|Bruttobetrag|Zu zahlender Betrag)(?: EUR| in EUR| \(EUR\))?"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(dates=("datum",), iban=iban_in_fours)


def gross_printed(text: str, gross: float) -> bool:
    """The gross stands under (strip) or after (block, box) a gross label."""
    found = re.findall(rf"{GROSS_LABELS} (?:€ |EUR )?({DE_AMOUNT})", text)
    strip = re.search(
        rf"{GROSS_LABELS} ({DE_AMOUNT}) (?:€ |EUR )?({DE_AMOUNT}) (?:€ |EUR )?({DE_AMOUNT})", text
    )
    values = {de_number(v) for v in found} | ({de_number(strip[3])} if strip else set())
    return cents(gross) in values


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(DIENST_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_dienst)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2021, 1, 15)  # German VAT 16 % then
        assert t["waehrung"] == "EUR" and "leistungsdatum" not in t
        assert "bic" not in t or "iban" in t
        if inv.layout == "gebaeudereinigung_monat":
            assert "bestellnummer" not in t
        else:
            assert {"ust_id", "iban", "bic"} <= set(t)


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, lambda inv, rates: rates == {Decimal(19)})


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- what each family prints ------------------------------------------------------------------------------

WEEK = r"(?:KW \d\d?/\d{4}|KW \d\d?\b|\d\d?\. KW \d{4}|\d\d\.\d\d\.(?:\d{4})?–\d\d\.\d\d\.\d{4})"


def test_zeitarbeit_wochen_prints_a_staffing_invoice(many):
    counts = dict.fromkeys(
        (
            "surcharge",
            "factor",
            "travel",
            "sums",
            "hours",
            "centre",
            "order",
            "start",
            "numbers_only",
            "flat",
            "personnel",
        ),
        0,
    )
    for inv in many["zeitarbeit_wochen"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and re.search(WEEK, texts[0])
        assert re.search(r"(Stundennachweis Nr\.|Nachweis) [\w-]+", text)
        counts["personnel"] += "Pers.-Nr. " in text
        for word in ("Std.", "19 %", "Amtsgericht", "USt-IdNr.", "Geschäftsführer"):
            assert word in text, word
        permit = re.search(r"Erlaubnis zur Arbeitnehmerüberlassung.{0,160}?Bundesagentur für Arbeit", text)
        assert permit and re.search(
            r"(erteilt am|, am|uns am) (\d\d\.\d\d\.\d\d(\d\d)?|\d\d?\. \w+ \d{4})", text
        )
        assert re.search(r"Tarifwerks (GVP|BAP|iGZ)/DGB", text)
        assert gross_printed(text, t["betrag_brutto"]), inv.seed
        assert not re.search(r"\b(7|16) ?%", text)
        counts["surcharge"] += bool(re.search(r"(Nacht|Sonntags|Feiertags|Überstunden)zuschlag \d+ %", text))
        counts["factor"] += "Mehrarbeit 125 %" in text
        counts["travel"] += "Fahrtkostenpauschale" in text or "Fahrgeld" in text
        counts["sums"] += bool(
            re.search(r"Summe (KW \d|[A-ZÄÖÜ]\w+, \w+|[A-Z]\w+ [A-ZÄÖÜ]\w+ |Pers\.-Nr\.)", text)
        )
        counts["centre"] += "Kostenstelle" in text
        counts["start"] += "Einsatz ab" in text
        counts["numbers_only"] += not re.search(r"[A-ZÄÖÜ][a-zäöüıß]+, [A-Z][a-z]+", text)
        counts["flat"] += "Mitarbeiter" in text and "Leistungsart" in text
        total = re.search(r"(Gesamtstunden|Summe Stunden|Stunden gesamt): (\d+,\d\d) Std\.", text)
        if total:
            counts["hours"] += 1
            worked = sum(
                (i.quantity for i in inv.items if i.unit == "Std." and "zuschlag" not in i.description),
                Decimal(0),
            )
            assert de_number(total[2]) == worked
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(
                rf"(Bestellnummer|Auftrags-Nr\.|Bestell-Nr\.) {re.escape(t['bestellnummer'])}", text
            )
        if len(texts) > 1:
            assert f"Seite 2 von {len(texts)}" in texts[1] and t["rechnungsnummer"] in texts[1]
    assert all(n >= 2 for n in counts.values()), counts


def test_zeitarbeit_wochen_runs_onto_a_second_page_on_some_seeds(many):
    pages = [inv.truth["pages"] for inv in many["zeitarbeit_wochen"]]
    assert 1 in pages and 2 in pages and pages.count(1) > pages.count(2)
    carried = [inv for inv in many["zeitarbeit_wochen"] if "Übertrag" in text_of(inv.pdf)]
    assert carried and all(inv.truth["pages"] > 1 for inv in carried)


def test_gebaeudereinigung_monat_prints_a_cleaning_invoice(many):
    counts = dict.fromkeys(
        ("debit", "transfer", "no_own_bank", "sole", "note_13b", "credit", "extras", "consumables", "event"),
        0,
    )
    for inv in many["gebaeudereinigung_monat"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        for word in ("Leistungszeitraum", "Objekt", "Unterhaltsreinigung", "19 %"):
            assert word in text, word
        assert re.search(r"(Objekt-Nr\.|Objektnummer|Obj\.-Nr\.) [\w-]+", text)
        assert re.search(r"(Vertrag Nr\.|Reinigungsvertrag|Vertrag) [\w/-]+ vom ", text)
        assert gross_printed(text, t["betrag_brutto"]), inv.seed
        assert not re.search(r"\b(7|16) ?%", text)
        if "Gläubiger-ID" in text:
            counts["debit"] += 1
            creditor = re.search(r"Gläubiger-ID: (DE\d\dZZZ\d{11})\b", text)
            assert creditor and at_02.is_valid(creditor[1]) and "Mandatsreferenz: " in text
            assert re.search(r"DE\d\d( \*{4} \*{4} \*{4} \*\*\d\d \d\d|X{14}\d{4})", text)
            counts["no_own_bank"] += "iban" not in t and "IBAN" not in text
        else:
            counts["transfer"] += 1
            assert "iban" in t and "Lastschrift" not in text
        if "ust_id" not in t:
            counts["sole"] += 1
            assert (
                re.search(r"Inh(\.|aber|aberin)\b", text)
                and "steuernummer" in t
                and "Amtsgericht" not in text
            )
        else:
            assert "Amtsgericht" in text
        counts["note_13b"] += "§ 13b UStG" in text
        credits = [item.total for item in inv.items if item.total < 0]
        if credits:
            counts["credit"] += 1
            assert "Gutschrift" in text and all(any_printed(text, float(v)) for v in credits)
        counts["extras"] += bool(re.search(r"(Glasreinigung|Rahmenreinigung|Teppichreinigung|Grundreinigung|"
                                           r"Jalousien|Polstermöbel)", text))  # fmt: skip
        counts["consumables"] += bool(re.search(r"(Verbrauchsmaterial|Falthandtücher|Toilettenpapier|Seife|"
                                                r"Müllbeutel|Spülmaschinentabs)", text))  # fmt: skip
        counts["event"] += bool(re.search(r"Sonderreinigung nach .+ am \d", text))
        assert re.search(r"Leistungszeitraum:? (\w+ \d{4}|\d)", text)
    assert all(n >= 2 for n in counts.values()), counts


def test_gebaeudereinigung_monat_prints_its_dates_in_several_forms(many):
    texts = [text_of(inv.pdf) for inv in many["gebaeudereinigung_monat"]]
    assert any(re.search(r"\b\d\d\.\d\d\.\d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d\d\.\d\d\.\d\d\b(?!\.)", text) for text in texts)
    assert any(re.search(r"\b\d\d?\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                         r"November|Dezember) \d{4}\b", text) for text in texts)  # fmt: skip
    assert any(re.search(r"Leistungszeitraum:? (Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
                         r"Oktober|November|Dezember) \d{4}", text) for text in texts)  # fmt: skip

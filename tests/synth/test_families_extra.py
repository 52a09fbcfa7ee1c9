"""The families of families_extra: never-tuned, deterministic, truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from stdnum.ch import uid as ch_uid
from stdnum.eu import vat
from stdnum.gb import vat as gb_vat
from stdnum.no import orgnr

from benchmarks.synth.families import family_seeds
from benchmarks.synth.families_extra import EXTRA_FAMILIES, draw_extra
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    TRUTH_KEYS_BUT_VAT,
    all_of,
    assert_amounts_add_up,
    assert_identifiers_pass,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_format,
    assert_truth_printed,
    bases_by_rate,
    cents,
    de_amount,
    drawn,
    german_printed_forms,
    rates_within,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("freelancer_reverse_charge", "druckerei_staffel")
KEYS = ALL_TRUTH_KEYS
RATES = {"freelancer_reverse_charge": {0}, "druckerei_staffel": {19, 7}}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms()


def printed_total(name: str, inv) -> str:
    gross = inv.truth["betrag_brutto"]
    text = text_of(inv.pdf)
    english = f"{gross:,.2f}"
    return english if is_english_amount(text, english) else de_amount(gross)


def is_english_amount(text: str, english: str) -> bool:
    return re.search(rf"(?<![\d.,]){re.escape(english)}(?![\d])", text) is not None


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(EXTRA_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_extra)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(
            inv,
            TRUTH_KEYS_BUT_VAT | {"ust_id", "iban"},
            KEYS,
            amounts="not negative",
            mwst_may_be_absent=True,
        )
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        assert t["waehrung"] == "EUR"
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]


def test_amounts_add_up_per_rate(invoices):
    assert_amounts_add_up(invoices, rates_within(RATES), mwst_may_be_absent=True)
    for inv in all_of(invoices):
        t = inv.truth
        if inv.layout == "freelancer_reverse_charge":
            assert t["betrag_netto"] == t["betrag_brutto"] > 0 and t.get("mwst", 0.0) == 0.0
        else:
            assert t["betrag_netto"] > 0 and t["mwst"] > 0


def test_druckerei_mixes_rates_on_some_seeds(many):
    mixes = {frozenset(bases_by_rate(inv)) for inv in many["druckerei_staffel"]}
    assert {frozenset({19}), frozenset({19, 7}), frozenset({7})} <= mixes


def test_identifiers_pass_their_checksums(invoices):
    assert_identifiers_pass(invoices, iban_required=True, ust_id_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- what each family prints ------------------------------------------------------------------------------

FOREIGN_ID = re.compile(
    r"\b(ATU\d{8}|BE0\d{9}|IT\d{11}|ES[A-Z]\d{8}|DK\d{8}|SE\d{12}|PL\d{10}|LU\d{8}|FR\d{11}|NL\d{9}B01|"
    r"IE\d{7}[A-Z]{1,2}|GB\d{9}|CHE-\d{3}\.\d{3}\.\d{3} MWST|NO \d{9} MVA)"
)


def foreign_id_valid(number: str) -> bool:
    if number.startswith("GB"):
        return gb_vat.is_valid(number)
    if number.startswith("CHE"):
        return ch_uid.is_valid(number.removesuffix(" MWST"))
    if number.startswith("NO"):
        return orgnr.is_valid(number.split()[1])
    return vat.is_valid(number)


def test_freelancer_bills_abroad_without_german_vat(many):
    langs, vat_lines, notes, pages = set(), set(), set(), set()
    for inv in many["freelancer_reverse_charge"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        eu = re.search(r"(Steuerschuldnerschaft des Leistungsempfängers|[Rr]everse [Cc]harge)", text)
        non_eu = re.search(
            r"(Nicht im Inland steuerbar|Not taxable in Germany|not subject to German VAT)", text
        )
        assert bool(eu) != bool(non_eu), text
        notes.add(bool(eu))
        assert not re.search(r"\b(19|7) ?% (USt|MwSt|VAT)", text)
        others = {m[0] for m in FOREIGN_ID.finditer(text)} - {t["ust_id"]}
        assert all(foreign_id_valid(number) for number in others), others
        assert len(others) <= 1 and (others or "USA" in text)  # the customer's own, beside the truth's
        assert t["lieferant"] in texts[0] and len(t["lieferant"].split()) == 2  # a person's name
        assert not re.search(r"\b(GmbH|AG|UG|e\.K\.)\b", t["lieferant"])
        vat_lines.add("mwst" in t)
        if "mwst" in t:
            assert re.search(r"(USt\. 0 %|VAT 0 %)", text)
        langs.add(("Rechnung" in text, "Invoice" in text))
        pages.add(t["pages"])
        if t["pages"] == 2:
            assert (
                re.search(r"(Tätigkeitsnachweis|[Tt]imesheet)", texts[1]) and t["rechnungsnummer"] in texts[1]
            )
    assert notes == {True, False} and vat_lines == {True, False} and pages == {1, 2}
    assert {(True, False), (True, True), (False, True)} <= langs  # German, bilingual, English


def test_druckerei_prints_print_jobs(many):
    prepaid = skonto = 0
    for inv in many["druckerei_staffel"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert re.search(r"\d+/\d-farbig", text) and "g/m²" in text
        assert re.search(r"\d Stk\.|\d Expl\.", text)
        assert re.search(r"Mehr- oder Minderlieferungen", text)
        assert re.search(r"(Rechnungsbetrag|Gesamtbetrag)", text) and any_printed(text, t["betrag_brutto"])
        if 7 in bases_by_rate(inv):
            assert "Buch" in text
        rest = re.search(r"(Restbetrag|Noch zu zahlen|Zahlbetrag) (?:€ )?(\d{1,3}(?:\.\d{3})*,\d\d)", text)
        if "Anzahlung" in text:
            assert rest, text
            left = Decimal(rest[2].replace(".", "").replace(",", "."))
            gross = cents(t["betrag_brutto"])
            assert 0 < left < gross and any_printed(text, float(left - gross))  # the prepayment, negative
            prepaid += 1
        else:
            assert not rest
        skonto += "Skonto" in text
        if "bestellnummer" in t:
            assert re.search(
                rf"(Ihre Bestell-Nr\.|Ihre Bestellnummer|Ihr Zeichen|Nr\.) {t['bestellnummer']}", text
            )
    assert prepaid and skonto


def test_druckerei_runs_onto_a_second_page_on_some_seeds(many):
    pages = {inv.truth["pages"] for inv in many["druckerei_staffel"]}
    assert pages == {1, 2}
    for inv in many["druckerei_staffel"]:
        texts = page_texts(inv.pdf)
        if len(texts) == 2:
            assert "Seite 2 von 2" in texts[1] and inv.truth["rechnungsnummer"] in texts[1]


def test_seeds_draw_many_dates_and_amount_styles():
    texts = [text_of(drawn("freelancer_reverse_charge", s).pdf)
             for s in family_seeds("freelancer_reverse_charge", 40)]  # fmt: skip
    assert any(re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d\d\.\d\d\.\d{4}\b", text) for text in texts)
    assert any(re.search(r"\d,\d{3}\.\d\d", text) for text in texts)
    assert any(re.search(r"\d\.\d{3},\d\d", text) for text in texts)

"""The families of families_first: never-tuned, deterministic, truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from schwifty import IBAN
from stdnum.at import uid as at_uid
from stdnum.de import stnr
from stdnum.eu import vat
from stdnum.gb import vat as gb_vat

from benchmarks.synth.families import family_seeds
from benchmarks.synth.families_first import FIRST_FAMILIES, draw_first
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    TRUTH_KEYS,
    all_of,
    assert_amounts_add_up,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_format,
    assert_truth_printed,
    bases_by_rate,
    currency_euro_sign_for_eur,
    de_amount,
    drawn,
    german_printed_forms,
    rates_within,
    seeded,
    text_of,
    vat_id_in_threes_or_british,
)
from tests.synth.test_families import amount_forms, any_printed
from tests.synth.test_synth import page_texts

NAMES = ("steuerberater_stbvv", "rechnung_at", "uk_invoice", "gutschrift_versand")
CENT = Decimal("0.01")
KEYS = ALL_TRUTH_KEYS
RATES = {
    "steuerberater_stbvv": {19},
    "rechnung_at": {20, 10},
    "uk_invoice": {20, 0},
    "gutschrift_versand": {19, 7},
}
COUNTRY = {"steuerberater_stbvv": "DE", "rechnung_at": "AT", "uk_invoice": "GB", "gutschrift_versand": "DE"}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(  # date_forms has 4th December 2026 and 3. Jänner 2025
    vat_id=vat_id_in_threes_or_british, currency=currency_euro_sign_for_eur
)


def printed_total(name: str, inv) -> str:
    gross = abs(inv.truth["betrag_brutto"])
    return f"{gross:,.2f}" if name == "uk_invoice" else de_amount(gross)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(FIRST_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_first)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        tax = "ust_id" if inv.layout != "steuerberater_stbvv" else "steuernummer"
        assert_truth_format(inv, TRUTH_KEYS | {tax}, KEYS, amounts="any")
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        if inv.layout == "rechnung_at":  # Austria's 5 % on food and rooms then
            assert not dt.date(2020, 7, 1) <= day <= dt.date(2021, 12, 31)
        if inv.layout == "steuerberater_stbvv":  # the fee tables of July 2020 on
            assert day.year >= 2021
        assert t["waehrung"] == ("GBP" if inv.layout == "uk_invoice" else "EUR")
        if "leistungsdatum" in t:
            assert inv.layout == "rechnung_at" and t["leistungsdatum"] <= t["datum"]


def test_amounts_add_up_per_rate(invoices):
    assert_amounts_add_up(  # coffee or books only: gutschrift_versand may lack its highest rate
        invoices,
        lambda inv, rates: (
            rates_within(RATES)(inv, rates)
            and (max(RATES[inv.layout]) in rates or inv.layout == "gutschrift_versand")
        ),
    )
    for inv in all_of(invoices):
        t = inv.truth
        if inv.layout == "gutschrift_versand":  # a credit note: every amount of the sign it is printed with
            assert len({t["betrag_netto"] < 0, t["mwst"] < 0, t["betrag_brutto"] < 0}) == 1
        else:
            assert t["betrag_netto"] > 0 and t["mwst"] > 0 and t["betrag_brutto"] > 0


def test_mixed_rates_appear(invoices):
    for name in ("rechnung_at", "uk_invoice", "gutschrift_versand"):
        mixes = {frozenset(bases_by_rate(inv)) for inv in invoices[name]}
        assert frozenset(RATES[name]) in mixes and frozenset({max(RATES[name])}) in mixes, name


def test_identifiers_pass_their_checksums(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        country = COUNTRY[inv.layout]
        if "iban" in t:
            iban = IBAN(t["iban"], validate_bban=True)
            assert iban.country_code == country and t.get("bic", str(iban.bic)) == str(iban.bic)
        else:
            assert "bic" not in t and inv.layout == "uk_invoice"
        if "ust_id" in t:
            assert t["ust_id"].startswith("ATU" if country == "AT" else country)
            valid = (
                gb_vat.is_valid if country == "GB" else at_uid.is_valid if country == "AT" else vat.is_valid
            )
            assert valid(t["ust_id"]) and (country == "GB" or vat.is_valid(t["ust_id"])), t["ust_id"]
        if "steuernummer" in t:
            assert country == "DE" and stnr.is_valid(t["steuernummer"]), t["steuernummer"]


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- what each family prints ------------------------------------------------------------------------------


def test_steuerberater_prints_its_fees_under_the_stbvv(invoices):
    styles, pages = set(), set()
    for inv in invoices["steuerberater_stbvv"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert re.search(r"§ (24|25|27|33|34|35|13)( Abs\. \d+)?( Nr\. \d+a?)?( StBVV)?", text)
        assert "§ 16 StBVV" in text and "Steuerberaterkammer" in text
        assert re.search(r"(Gegenstandswert|Gegenst\.-Wert|Wert €)", text)
        assert re.search(r"\b\d+(,5)?/(10|20)\b", text)  # a rate in tenths or twentieths
        assert re.search(
            rf"(Mandanten-Nr\.|Mandantennummer|Mandant):? {re.escape(t['kundennummer'])}", texts[0]
        )
        assert f"Steuernummer {t['steuernummer']}" in text
        vat_ids = printed_forms("ust_id", t["ust_id"]) if "ust_id" in t else set()
        assert "ust_id" not in t or any(f"USt-IdNr. {form}" in text for form in vat_ids)
        assert re.search(r"19 ?% Umsatzsteuer|Umsatzsteuer 19 ?%", text) and any_printed(
            text, t["betrag_brutto"]
        )
        # § 16: 20 % of each matter's fee, at most 20 euros each
        flat = [
            item for item in inv.items if "§ 16" in item.description or "pauschale § 16" in item.description
        ]
        fees = [
            item for item in inv.items if "§ 16" not in item.description and "§ 17" not in item.description
        ]
        expected = sum(
            min((item.total * Decimal("0.2")).quantize(CENT, ROUND_HALF_UP), Decimal(20)) for item in fees
        )
        assert flat and sum(item.total for item in flat) == expected
        styles.add(any(", " in item.description for item in flat))  # one per block, or one row
        pages.add(t["pages"])
        if t["pages"] > 1:
            assert "Seite 2 von 2" in texts[1] and t["rechnungsnummer"] in texts[1]
    assert styles == {True, False} and pages <= {1, 2}


def test_steuerberater_runs_onto_a_second_page_on_some_seeds():
    pages = {
        drawn("steuerberater_stbvv", s).truth["pages"]
        for s in family_seeds("steuerberater_stbvv", 40)
    }
    assert pages == {1, 2}


def test_rechnung_at_prints_austrian_particulars(invoices):
    customer_uids = 0
    for inv in invoices["rechnung_at"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert re.search(rf"(UID-Nr\.|UID|USt-IdNr\.) {t['ust_id']}", text)
        assert re.search(r"Firmenbuch: FN \d{6} ?[a-z]\b", text)
        assert re.search(r"(Handelsgericht Wien|HG Wien|Landesgericht|LG )", text)
        assert re.search(r"(\d\d % (USt|Ust|MwSt)|(USt|MwSt)\. \d\d %|USt-Satz)", text)
        assert re.search(r"(Gesamtsumme|Rechnungsbetrag|Gesamtbetrag inkl\. USt\.|Zu bezahlen)", text)
        assert "Zahlbar" in text and "Rechnung" in text
        others = set(re.findall(r"ATU\d{8}", text)) - {t["ust_id"]}
        for number in others:  # the customer's UID, never the truth's
            assert at_uid.is_valid(number) and re.search(rf"(Ihre UID-Nr\.|UID-Nr\. Kunde) {number}", text)
        customer_uids += bool(others)
    assert customer_uids


def test_rechnung_at_writes_jaenner_on_some_seeds():
    texts = [text_of(drawn("rechnung_at", s).pdf) for s in family_seeds("rechnung_at", 16)]
    assert any(re.search(r"\b\d{1,2}\. Jänner \d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d{1,2}\. (Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                         r"Dezember) \d{4}\b", text) for text in texts)  # fmt: skip
    assert any("Sammelrechnung" in text and "Übertrag" in text for text in texts)


def test_uk_invoice_prints_british_particulars(invoices):
    ibans, ordinals = set(), set()
    for inv in invoices["uk_invoice"]:
        t, text = inv.truth, text_of(inv.pdf)
        gross = f"{t['betrag_brutto']:,.2f}"
        assert re.search(rf"£ ?{re.escape(gross)}", text) and "GBP" in text
        sort = re.search(r"Sort code: (\d\d)-(\d\d)-(\d\d) .*?Account number: (\d{8})", text)
        assert sort, text
        if "iban" in t:
            iban = IBAN(t["iban"])
            assert str(iban.branch_code) == "".join(sort.groups()[:3]) and str(iban.account_code) == sort[4]
        assert re.search(r"Registered in (England and Wales No\. \d{8}|Scotland No\. SC\d{6})", text)
        assert re.search(r"(Tax point|Tax date|tax point)", text) and re.search(r"VAT (@ |at )?20%", text)
        ibans.add("iban" in t)
        ordinals.add(bool(re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ \d{4}\b", text)))
    assert ibans == {True, False} and ordinals == {True, False}


def test_credit_note_has_its_own_number_and_names_the_original(invoices):
    signs = set()
    for inv in invoices["gutschrift_versand"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert re.search(r"(Gutschrift|Rechnungskorrektur|Stornorechnung)", text, re.IGNORECASE)
        original = re.search(r"(zu Rechnung|Rechnung Nr\.|der Rechnung|Rechnungsnummer|Zu Rechnung|"
                             r"Ursprungsrechnung) (\S+)", text)  # fmt: skip
        assert original and original[2] != t["rechnungsnummer"] and t["rechnungsnummer"] in text
        assert re.search(r"(erstattet|Erstattung|gutgeschrieben|verrechnet)", text)
        assert t["bestellnummer"] in text
        negative = any(f"-{form}" in text for form in amount_forms(abs(t["betrag_brutto"])))
        assert negative == (t["betrag_brutto"] < 0)  # the truth's sign is the printed one
        if not negative:
            assert re.search(r"(Gutschriftsbetrag|Erstattungsbetrag|Gesamtbetrag)", text)
        signs.add(negative)
    assert signs == {True, False}

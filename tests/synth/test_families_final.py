"""The families of families_final: never-tuned, deterministic, truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from schwifty import IBAN
from stdnum import luhn
from stdnum.de import stnr
from stdnum.eu import vat
from stdnum.fr import tva

from benchmarks.synth.families import family_seeds
from benchmarks.synth.families_final import FINAL_FAMILIES, draw_final
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    TRUTH_KEYS_BUT_VAT,
    all_of,
    assert_amounts_add_up,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_format,
    assert_truth_printed,
    bases_by_rate,
    cents,
    de_amount,
    de_number,
    drawn,
    german_printed_forms,
    rates_within,
    seeded,
    text_of,
    vat_id_french_or_in_threes,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("facture_btp", "kfz_haendler")
KEYS = ALL_TRUTH_KEYS
RATES = {"facture_btp": {Decimal(20), Decimal(10), Decimal("5.5")}, "kfz_haendler": {Decimal(19), Decimal(0)}}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(vat_id=vat_id_french_or_in_threes)


def french_amount(value: float) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")


def printed_total(name: str, inv) -> str:
    gross = inv.truth["betrag_brutto"]
    text = text_of(inv.pdf)
    french = french_amount(gross)
    return french if name == "facture_btp" and french in text else de_amount(gross)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(FINAL_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_final)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS_BUT_VAT | {"ust_id", "iban"}, KEYS, mwst_may_be_absent=True)
        assert "bestellnummer" not in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        assert t["waehrung"] == "EUR"
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_within(RATES), mwst_may_be_absent=True)
    for inv in all_of(many):
        by_rate = bases_by_rate(inv)
        if set(by_rate) == {0}:  # the margin scheme: no VAT printed
            assert inv.layout == "kfz_haendler" and "mwst" not in inv.truth
        else:
            assert inv.truth["mwst"] > 0 and 0 not in by_rate


def test_facture_btp_mixes_rates_on_some_seeds(many):
    mixes = {frozenset(bases_by_rate(inv)) for inv in many["facture_btp"]}
    assert {frozenset({10}), frozenset({10, 20}), frozenset({Decimal("5.5"), 10})} <= mixes
    assert frozenset({Decimal("5.5")}) in mixes or frozenset({20}) in mixes


def test_identifiers_pass_their_checksums(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        iban = IBAN(t["iban"], validate_bban=True)
        assert t.get("bic", str(iban.bic)) == str(iban.bic)
        if inv.layout == "facture_btp":
            assert iban.country_code == "FR" and tva.is_valid(t["ust_id"]), t["ust_id"]
            assert "steuernummer" not in t
        else:
            assert iban.country_code == "DE" and t["ust_id"].startswith("DE") and vat.is_valid(t["ust_id"])
            if "steuernummer" in t:
                assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- what each family prints ------------------------------------------------------------------------------

FR_AMOUNT = r"-?\d{1,3}(?:[ .]\d{3})*,\d\d"


def test_facture_btp_prints_a_french_building_invoice(many):
    retained = deposits = single = periods = 0
    for inv in many["facture_btp"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert re.search(r"(FACTURE N°|Facture n°)", texts[0]) and t["rechnungsnummer"] in texts[0]
        for word in ("Chantier :", "Désignation", "TVA", "Assurance décennale", "40 €", "SIRET", "RCS",
                     "Code APE", "N° TVA intracommunautaire", "au capital de", "virement"):  # fmt: skip
            assert word in text, word
        siret = re.search(r"SIRET (\d{3} \d{3} \d{3} \d{5})", text)
        assert siret and luhn.is_valid(siret[1].replace(" ", ""))
        assert siret[1].replace(" ", "")[:9] == t["ust_id"][4:]  # the SIREN in the VAT number
        ttc = re.search(rf"(Total TTC|TOTAL TTC|Montant TTC) ({FR_AMOUNT})", text)
        assert ttc and de_number(ttc[2]) == cents(t["betrag_brutto"])
        assert not re.search(r"\b(19|7) ?%", text)
        rest = re.search(rf"(Net à payer|NET À PAYER|Reste à payer) ({FR_AMOUNT})", text)
        kept = re.search(rf"Retenue de garantie[^€]*? (-{FR_AMOUNT})", text)
        paid = re.search(rf"(Acompte|Déduction acompte)[^€]*? (-{FR_AMOUNT})", text)
        deducted = Decimal(0)
        if kept:
            retained += 1
            assert de_number(kept[1]) == -(cents(t["betrag_brutto"]) * 5 / 100).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
            deducted -= de_number(kept[1])
        if paid:
            deposits += 1
            deducted -= de_number(paid[2])
        if deducted:
            assert rest and de_number(rest[2]) == cents(t["betrag_brutto"]) - deducted > 0
        elif rest:
            assert de_number(rest[2]) == cents(t["betrag_brutto"])
        if "leistungsdatum" in t:
            single += 1
            assert re.search(r"(Date d'intervention|Date d'exécution|Travaux réalisés le)", text)
        periods += "Travaux réalisés du" in text
        if 10 in bases_by_rate(inv):
            assert "279-0 bis" in text
        if Decimal("5.5") in bases_by_rate(inv):
            assert "5,5 %" in text and "278-0 bis A" in text
        if "kundennummer" in t:
            assert re.search(rf"(N° client|Réf\. client|Code client) : {re.escape(t['kundennummer'])}", text)
    assert retained and deposits and single and periods


def test_facture_btp_runs_onto_a_second_page_on_some_seeds(many):
    pages = {inv.truth["pages"] for inv in many["facture_btp"]}
    assert pages == {1, 2}
    for inv in many["facture_btp"]:
        texts = page_texts(inv.pdf)
        if len(texts) == 2:
            assert "Page 2/2" in texts[1] and inv.truth["rechnungsnummer"] in texts[1]


def test_facture_btp_prints_french_dates_and_amounts(many):
    texts = [text_of(inv.pdf) for inv in many["facture_btp"]]
    assert any(re.search(r"\b\d\d/\d\d/\d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                         r"novembre|décembre) \d{4}\b", text) for text in texts)  # fmt: skip
    assert any(re.search(r"\d \d{3},\d\d €", text) for text in texts)


VIN = re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b")


def test_kfz_haendler_prints_a_vehicle_sale(many):
    margin = regular = trade_ins = deposits = handovers = two_pages = 0
    for inv in many["kfz_haendler"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert VIN.search(texts[0]) and "Erstzulassung" in text and re.search(r"\d km\b", text)
        assert re.search(r"(Rechnungs-Nr\.|Rechnungsnummer|Rechnung Nr\.|Kaufvertrag/Rechnung Nr\.) "
                         rf"{re.escape(t['rechnungsnummer'])}", text)  # fmt: skip
        if "mwst" not in t:
            margin += 1
            assert "§ 25a UStG" in text and "Gebrauchtgegenstände/Sonderregelung" in text
            assert not re.search(r"\b19 ?%", text) and not re.search(r"(MwSt|USt)\.? ?\d", text)
            assert t["betrag_netto"] == t["betrag_brutto"]
        else:
            regular += 1
            assert "§ 25a" not in text and re.search(r"19 % (MwSt|USt)|MwSt\. 19 %", text)
        assert any_printed(text, t["betrag_brutto"])
        rest = re.search(r"(Restbetrag|Zahlbetrag|Noch zu zahlen) (?:EUR )?(\d{1,3}(?:\.\d{3})*,\d\d)", text)
        if "Inzahlungnahme" in text or "Anzahlung" in text:
            trade_ins += "Inzahlungnahme" in text
            deposits += "Anzahlung" in text
            assert rest and 0 < de_number(rest[2]) < cents(t["betrag_brutto"])
        else:
            assert not rest
        if "leistungsdatum" in t:
            handovers += 1
            assert re.search(r"(Übergabe am|Lieferdatum|Auslieferung|übergeben am)", text)
        if len(texts) == 2:
            two_pages += 1
            assert (
                "Ausstattung" in texts[1] and t["rechnungsnummer"] in texts[1] and "Seite 2 von 2" in texts[1]
            )
    assert margin >= 8 and regular >= 8 and trade_ins and deposits and handovers and two_pages


def test_seeds_draw_many_dates_and_amount_styles():
    texts = [text_of(drawn("kfz_haendler", s).pdf) for s in family_seeds("kfz_haendler", 30)]
    assert any(re.search(r"\b\d{1,2}\. [A-Z][a-zä]+ \d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d\d\.\d\d\.\d{4}\b", text) for text in texts)
    assert any(re.search(r"EUR \d", text) for text in texts) and any(
        re.search(r"\d,\d\d €", text) for text in texts
    )

"""The families of families_closing: never-tuned, deterministic, truth adds up, printed, fits the page."""

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

from benchmarks.synth.families_closing import CLOSING_FAMILIES, draw_closing
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
    cents,
    de_or_en_number,
    german_printed_forms,
    printed_gross_in_any_form,
    rates_as_in,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("it_systemhaus", "facture_abonnement_fr")
KEYS = ALL_TRUTH_KEYS
RATES = {"it_systemhaus": {Decimal(19)}, "facture_abonnement_fr": {Decimal(20)}}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms()


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(CLOSING_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_closing)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"ust_id"}, KEYS)
        day = dt.date.fromisoformat(t["datum"])
        if inv.layout == "it_systemhaus":
            assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        else:
            assert not {"leistungsdatum", "bestellnummer", "steuernummer"} & set(t)
        assert t["waehrung"] == "EUR"
        assert ("iban" in t) == ("bic" in t) or inv.layout == "it_systemhaus"
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_as_in(RATES))


def test_identifiers_pass_their_checksums(many):
    for inv in all_of(many):
        t = inv.truth
        if "iban" in t:
            iban = IBAN(t["iban"], validate_bban=True)
            assert t.get("bic", str(iban.bic)) == str(iban.bic)
            assert iban.country_code == t["ust_id"][:2]
        if inv.layout == "facture_abonnement_fr":
            assert tva.is_valid(t["ust_id"]) and t["ust_id"].startswith("FR")
        else:
            assert t["ust_id"].startswith("DE") and vat.is_valid(t["ust_id"])
            if "steuernummer" in t:
                assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross_in_any_form)


# -- what each family prints ------------------------------------------------------------------------------

DE_AMOUNT = r"\d{1,3}(?:[ .]\d{3})*,\d\d"


def test_it_systemhaus_prints_a_system_house_invoice(many):
    serials = licences = contracts = skonto = debits = no_iban = orders = dates = 0
    for inv in many["it_systemhaus"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        for word in ("Lieferschein", "Nettobetrag" if "Nettobetrag" in text else "Summe netto", "19 %",
                     "WEEE-Reg.-Nr. DE", "Amtsgericht", "USt-IdNr.", "Std."):  # fmt: skip
            assert word in text, word
        assert re.search(r"WEEE-Reg\.-Nr\. DE \d{8}\b", text)
        assert not re.search(r"\b7 ?%", text)
        gross = re.search(rf"(Rechnungsbetrag|Rechnungsbetrag brutto|Gesamtbetrag) ({DE_AMOUNT})", text)
        assert gross and de_or_en_number(gross[2]) == cents(t["betrag_brutto"])
        serials += "SN: " in text
        licences += bool(re.search(r"(Lizenzzeitraum:|Laufzeit|Subscription) \d", text))
        contracts += bool(re.search(r"(Wartungsvertrag|Servicevertrag) ", text))
        if "Skonto" in text:
            skonto += 1
            cut = re.search(rf"(\d) % Skonto \(({DE_AMOUNT})", text)
            assert cut
            share = (cents(t["betrag_brutto"]) * int(cut[1]) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            assert de_or_en_number(cut[2]) == share
            assert any_printed(text, float(cents(t["betrag_brutto"]) - share))
        if "SEPA-Lastschrift" in text:
            debits += 1
            assert re.search(r"DE\d\d \*{4} \*{4} \*{4} \*\*\d\d \d\d", text) and "Gläubiger-ID" in text
            no_iban += "iban" not in t
        else:
            assert "iban" in t
        if "bestellnummer" in t:
            orders += 1
            assert re.search(
                rf"(Ihre Bestellung|Ihre Bestellung Nr\.|Bestell-Nr\.) {t['bestellnummer']} vom", text
            )
        if "leistungsdatum" in t:
            dates += 1
            assert re.search(r"(Lieferdatum|Leistungsdatum|Liefer-/Leistungsdatum)", texts[0])
        if len(texts) == 2:
            assert "Übertrag" in text or not any_printed(texts[0], t["betrag_brutto"])
            assert "Seite 2 von 2" in texts[1] and t["rechnungsnummer"] in texts[1]
    assert serials >= 20 and licences and contracts and skonto and debits and no_iban and orders and dates


def test_it_systemhaus_runs_onto_a_second_page_on_some_seeds(many):
    pages = [inv.truth["pages"] for inv in many["it_systemhaus"]]
    assert set(pages) == {1, 2} and pages.count(1) > pages.count(2)
    assert any("Übertrag" in text_of(inv.pdf) for inv in many["it_systemhaus"])


FR_AMOUNT = r"-?(?:\d{1,3}(?:,\d{3})*\.\d\d|\d{1,3}(?: \d{3})*,\d\d)(?!\d)"


def test_facture_abonnement_fr_prints_a_subscription_invoice(many):
    debits = cards = transfers = credits = bilingual = telco = 0
    for inv in many["facture_abonnement_fr"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert (
            re.search(r"(Facture|FACTURE|Invoice / Facture)", texts[0]) and t["rechnungsnummer"] in texts[0]
        )
        assert re.search(r"Période.{0,40}du .+ au ", text)
        for word in ("TVA", "TTC", "RCS", "SIRET", "au capital de", "TVA intracommunautaire", "40 €"):
            assert word in text, word
        siret = re.search(r"SIRET (\d{14})", text)
        assert siret and luhn.is_valid(siret[1]) and siret[1][:9] == t["ust_id"][4:]
        ttc = re.search(rf"(Total TTC|Montant TTC) (?:€)?({FR_AMOUNT.replace('-?', '')})", text)
        assert ttc and de_or_en_number(ttc[2]) == cents(t["betrag_brutto"])
        assert re.search(r"TVA (\()?20(,00)? %", text) and not re.search(r"\b(19|5,5|10) ?%", text)
        if "prélèvement SEPA" in text:
            debits += 1
            assert "Référence Unique de Mandat" in text and re.search(r"ICS : FR\d\dZZZ[0-9A-Z]{6}\b", text)
            assert re.search(r"FR\d\d \*{4} \*{4}", text) and "iban" not in t
            assert re.search(r"(Montant prélevé le|Prélèvement SEPA le) ", text)
        elif "Payé par carte le" in text:
            cards += 1
            assert "iban" not in t and "IBAN" not in text
        else:
            transfers += 1
            assert "virement" in text and t["iban"].startswith("FR") and "bic" in t
        if "Avoir prorata" in text:
            credits += 1
            negative = [item.total for item in inv.items if item.total < 0]
            assert negative and all(any_printed(text, float(total)) for total in negative)
        if "Invoice / Facture" in text:
            bilingual += 1
            assert re.search(r"€\d{1,3}(,\d{3})*\.\d\d|\d\.\d\d €", text)
        telco += "lignes" in text
        if "kundennummer" in t:
            assert re.search(
                rf"(N° client|Numéro client|Réf\. client|Customer ID / N° client) {t['kundennummer']}", text
            )
        if len(texts) == 2:
            assert "Page 2/2" in texts[1] and "Détail" in texts[1]
    assert debits and cards and transfers and credits and bilingual and telco


def test_facture_abonnement_fr_prints_french_dates_and_amounts(many):
    texts = [text_of(inv.pdf) for inv in many["facture_abonnement_fr"]]
    assert any(re.search(r"\b\d\d/\d\d/\d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                         r"novembre|décembre) \d{4}\b", text) for text in texts)  # fmt: skip
    assert any(re.search(r"\d,\d\d (€|EUR)", text) for text in texts)
    assert {inv.truth["pages"] for inv in many["facture_abonnement_fr"]} == {1, 2}

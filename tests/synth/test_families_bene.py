"""The families of families_bene: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from schwifty import IBAN
from stdnum.be import vat as be_vat
from stdnum.eu import vat

from benchmarks.synth.families_bene import BENE_FAMILIES, draw_bene
from benchmarks.synth.invoice_gen import MONTHS_DE
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    DATE_KEYS,
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
    de_amount,
    de_number,
    german_printed_forms,
    rates_within,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("factuur_be", "marktplatz_rechnung")
KEYS = ALL_TRUTH_KEYS - {"steuernummer"}
RATES = {
    "factuur_be": {Decimal(21), Decimal(6), Decimal(0)},
    "marktplatz_rechnung": {Decimal(19), Decimal(7)},
}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


# -- printed forms, written here independently of the generator -------------------------------------------


german_forms = german_printed_forms()


def printed_forms(key: str, value) -> set[str]:
    if key in DATE_KEYS:
        d = dt.date.fromisoformat(value)
        return german_forms(key, value) | {f"{d.day} {MONTHS_DE[d.month - 1]} {d.year}"}  # 12 März 2024
    if key == "ust_id" and value.startswith("BE"):
        n = value[2:]
        dotted = f"{n[:4]}.{n[4:7]}.{n[7:]}"
        return {value, f"BE {dotted}", f"BE{dotted}", f"BE {n[:4]} {n[4:7]} {n[7:]}"}
    return german_forms(key, value)


def printed_total(name: str, inv) -> str:
    gross = inv.truth["betrag_brutto"]
    text = text_of(inv.pdf)
    for form in (de_amount(gross), f"{gross:,.2f}".replace(",", " ").replace(".", ",")):
        if form in text:
            return form
    return de_amount(gross)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(BENE_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_bene)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"ust_id"}, KEYS, amounts="not negative")
        dt.date.fromisoformat(t["datum"])
        assert t["betrag_netto"] > 0 and t["waehrung"] == "EUR"
        assert ("iban" in t) == ("bic" in t)
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]
        if inv.layout == "marktplatz_rechnung":
            day = dt.date.fromisoformat(t["datum"])
            assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % and 5 % then
            assert "kundennummer" not in t and "bestellnummer" in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(  # reverse charge: all at 0 %
        many,
        lambda inv, rates: (
            rates_within(RATES)(inv, rates) and (Decimal(0) not in rates or rates == {Decimal(0)})
        ),
    )


def test_identifiers_pass_their_checksums(many):
    for inv in all_of(many):
        t, text = inv.truth, text_of(inv.pdf)
        if "iban" in t:
            iban = IBAN(t["iban"], validate_bban=True)
            assert t["bic"] == str(iban.bic)
        if inv.layout == "factuur_be":
            assert be_vat.is_valid(t["ust_id"]) and t["ust_id"].startswith("BE0")
            assert IBAN(t["iban"]).country_code == "BE"
            comm = re.search(r"(\+\+\+|\*\*\*)(\d{3})/(\d{4})/(\d{5})\1", text)
            assert comm, inv.seed
            digits = comm[2] + comm[3] + comm[4]
            assert int(digits[:10]) % 97 == int(digits[10:]) or (
                int(digits[:10]) % 97 == 0 and digits[10:] == "97"
            )
        else:
            assert t["ust_id"].startswith("DE") and vat.is_valid(t["ust_id"])
            assert ean_ok(text)


def ean_ok(text: str) -> bool:
    from stdnum import ean

    return all(ean.is_valid(code) for code in re.findall(r"EAN: (\d{13})\b", text))


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- what each family prints ------------------------------------------------------------------------------

AMOUNT = r"-?\d{1,3}(?:[ .]\d{3})*,\d\d"


def test_factuur_be_prints_a_belgian_invoice(many):
    langs = {"nl": 0, "fr": 0, "bi": 0}
    reverse = reduced = deposits = terms = delivered = orders = 0
    for inv in many["factuur_be"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        first = texts[0]
        dutch = bool(re.search(r"Factuur|FACTUUR", first))
        french = bool(re.search(r"Facture|FACTURE", first))
        langs["bi" if dutch and french else "nl" if dutch else "fr"] += 1
        assert dutch or french
        assert t["rechnungsnummer"] in first
        assert re.search(r"Maatstaf van heffing|Base imposable", first)
        assert re.search(r"\b(BTW|TVA)\b", first) and re.search(r"\bRP[RM](/RP[RM])? \w", first)
        assert re.search(r"[Tt]e betalen|À payer|Net à payer", first)
        assert re.search(r"Vervaldag|Vervaldatum|Échéance|Date d'échéance", first)
        enterprise = f"{t['ust_id'][2:6]}.{t['ust_id'][6:9]}.{t['ust_id'][9:]}"
        assert re.search(
            rf"(Ondernemingsn(umme)?r\.?|N° d'entreprise|Numéro d'entreprise)[^0-9]*{enterprise}", first
        )
        assert re.search(r"\bBIC\b", first) and ("€" in first or "EUR" in first)
        assert "10 %" in text and "40 EUR" in text  # the late-payment clause (or the terms)
        customer_vat = re.search(
            r"(?:BTW-nr\. klant|Uw BTW-nummer|N° TVA client|Votre n° TVA|BTW klant / TVA "
            r"client): (DE\d{9})",
            first,
        )
        if t["mwst"] == 0:
            reverse += 1
            assert re.search(r"Verlegging van heffing|BTW verlegd|Autoliquidation", first)
            assert customer_vat and customer_vat[1] != t["ust_id"] and vat.is_valid(customer_vat[1])
        else:
            assert not re.search(r"Verlegging|Autoliquidation", text)
        if any(item.rate == 6 for item in inv.items):
            reduced += 1
            assert re.search(r"\b6 ?%", first)
        pay = re.search(
            rf"(?:Te betalen|Totaal te betalen|À payer|Net à payer|Te betalen / À payer) (?:€ )?({AMOUNT})",
            first,
        )
        assert pay, inv.seed
        if re.search(r"[Vv]oorschot|Acompte|Déjà payé", first):
            deposits += 1
            assert de_number(pay[1]) < cents(t["betrag_brutto"]) and any_printed(first, t["betrag_brutto"])
        else:
            assert de_number(pay[1]) == cents(t["betrag_brutto"])
        if t["pages"] == 2:
            terms += 1
            assert re.search(r"Algemene|Conditions générales", texts[1])
            assert "(zie ommezijde)" in first or "(voir verso)" in first
            assert re.search(r"Pagina|Page", texts[1]) and t["rechnungsnummer"] in texts[1]
        if "leistungsdatum" in t:
            delivered += 1
            assert re.search(r"Leveringsdatum|Leverdatum|Date de livraison", first)
        if "bestellnummer" in t:
            orders += 1
            assert re.search(
                rf"(Uw referentie|Uw bestelbon|Uw ref\.|Votre référence|Votre bon de commande|V/réf\.|"
                rf"Uw ref\. / Votre réf\.) {t['bestellnummer']}",
                first,
            )
        if "kundennummer" in t:
            assert re.search(
                rf"(Klantnummer|Klantnr\.|N° client|Numéro client|Klantnr\. / N° client) "
                rf"{t['kundennummer']}",
                first,
            )
    assert all(langs.values()), langs
    assert reverse >= 5 and 30 - reverse >= 10 and reduced and deposits and terms and delivered and orders


def test_factuur_be_prints_belgian_dates_and_amounts(many):
    texts = [text_of(inv.pdf) for inv in many["factuur_be"]]
    assert any(re.search(r"\b\d\d/\d\d/\d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d\d-\d\d-\d{4}\b", text) for text in texts)
    assert any(
        re.search(
            r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
            r"november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
            r"novembre|décembre) \d{4}\b",
            text,
        )
        for text in texts
    )
    assert any(re.search(r"€ \d{1,3}(\.\d{3})*,\d\d", text) for text in texts)
    assert any(re.search(r"\d,\d\d EUR", text) for text in texts)
    assert any(re.search(r"\bBE \d{4}\.\d{3}\.\d{3}\b", text) for text in texts)


def test_marktplatz_rechnung_prints_a_marketplace_invoice(many):
    behalf = mixed = cards = on_account = one_date = two_dates = promos = split_ship = 0
    for inv in many["marktplatz_rechnung"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert "Verkauft von" in text and t["lieferant"] in text
        assert f"Rechnungsnummer {t['rechnungsnummer']}" in text and re.search(r"[A-Z]", t["rechnungsnummer"])
        assert re.fullmatch(r"\d{3}-\d{7}-\d{7}", t["bestellnummer"])
        assert re.search(rf"Bestellnummer {t['bestellnummer']}", text)
        assert re.search(r"Zahlungsreferenznummer [A-Za-z0-9]{16}\b", text)
        for word in (
            "Stückpreis",
            "(ohne USt.)",
            "(inkl. USt.)",
            "Zwischensumme",
            "USt. %",
            "Gesamtpreis (netto)",
            "Gesamtpreis (brutto)",
            "Bestelldatum",
            "Rechnungsadresse",
            "Lieferadresse",
        ):
            assert word in text, word
        total = re.search(
            rf"(Gesamtbetrag|Gesamt) (?:€ )?{AMOUNT}(?: €| EUR)? (?:€ )?{AMOUNT}(?: €| EUR)? (?:€ )?"
            rf"({AMOUNT.replace('-?', '')})",
            text,
        )
        assert total and de_number(total[2]) == cents(t["betrag_brutto"]), inv.seed
        # the seller's VAT id, and the platform's (others) beside it
        ids = set(re.findall(r"\b(DE\d{9}|DE \d{3} \d{3} \d{3}|LU\d{8})\b", text))
        seller = {t["ust_id"], f"DE {t['ust_id'][2:5]} {t['ust_id'][5:8]} {t['ust_id'][8:]}"}
        assert ids & seller and ids - seller
        assert re.search(r"USt-IdNr\. \w+: (LU|DE)", text)
        behalf += "im Namen" in text
        rates = {item.rate for item in inv.items}
        mixed += rates == {7, 19}
        if rates == {7, 19} and "Versandkosten" in text:
            split_ship += "Versandkosten (7 %)" in text
        promos += bool(re.search(r"Aktionsrabatt|Versandrabatt", text))
        if "Kauf auf Rechnung" in text:
            on_account += 1
            assert "iban" in t and f"IBAN {t['iban']}" in text and "Zahlungsempfänger" in text
        else:
            assert "iban" not in t and "IBAN" not in text and "Bezahlt" in text
            cards += "Bezahlt per Kreditkarte" in text
        if "Rechnungsdatum/Lieferdatum" in text:
            one_date += 1
            assert t["leistungsdatum"] == t["datum"]
        elif "Lieferdatum" in text:
            two_dates += 1
            assert "leistungsdatum" in t
        else:
            assert "leistungsdatum" not in t
    assert behalf and mixed and cards and on_account and one_date and two_dates and promos and split_ship


def test_marktplatz_rechnung_prints_an_order_date_apart_from_the_invoice_date(many):
    long_plain = 0
    for inv in many["marktplatz_rechnung"]:
        t, text = inv.truth, text_of(inv.pdf)
        forms = printed_forms("datum", t["datum"])
        ordered = re.search(r"Bestelldatum (\d\d\.\d\d\.\d{4}|\d{1,2}\.? \w+ \d{4})", text)
        assert ordered and ordered[1] not in forms
        long_plain += bool(
            re.search(
                r"\b\d{1,2} (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                r"November|Dezember) \d{4}\b",
                text,
            )
        )
    assert long_plain

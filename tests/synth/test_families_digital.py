"""The families of families_digital: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from schwifty import BIC, IBAN
from stdnum.de import stnr
from stdnum.eu import vat
from stdnum.ie import vat as ie_vat

from benchmarks.synth.families_digital import DIGITAL_FAMILIES, draw_digital
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
    de_amount,
    rates_as_in,
    seeded,
)
from tests.synth.test_families import printed_forms
from tests.synth.test_synth import page_texts

NAMES = ("ads_plattform_ie", "coworking_mitglied")
KEYS = ALL_TRUTH_KEYS
RATES = {"ads_plattform_ie": {Decimal(0)}, "coworking_mitglied": {Decimal(19)}}
DE_AMOUNT = r"\d{1,3}(?:\.\d{3})*,\d\d"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


def en_amount(value: float) -> str:
    return f"{value:,.2f}"


def printed_total(name: str, inv) -> str:
    gross = inv.truth["betrag_brutto"]
    text = " ".join(page_texts(inv.pdf))
    return en_amount(gross) if en_amount(gross) in text else de_amount(gross)


def amount(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(DIGITAL_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_digital)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(many):
    for inv in all_of(many):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"ust_id"}, KEYS, amounts="any")
        assert "leistungsdatum" not in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        assert t["betrag_netto"] > 0 and t["waehrung"] == "EUR"
        if inv.layout == "ads_plattform_ie":
            assert t["mwst"] == 0.0 and t["betrag_netto"] == t["betrag_brutto"]
            assert "steuernummer" not in t and ("iban" in t) == ("bic" in t)
        else:
            assert "iban" in t and "bestellnummer" not in t and "kundennummer" in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_as_in(RATES), vat_lines="rate and base")


def test_identifiers_pass_their_checksums(many):
    countries = set()
    for inv in all_of(many):
        t = inv.truth
        if "iban" in t:
            iban = IBAN(t["iban"], validate_bban=True)
            countries.add(iban.country_code)
            if "bic" in t:
                assert BIC(t["bic"]) and t["bic"] == str(iban.bic)
        if inv.layout == "ads_plattform_ie":
            assert t["ust_id"].startswith("IE") and ie_vat.is_valid(t["ust_id"]), t["ust_id"]
        else:
            assert t["ust_id"].startswith("DE") and vat.is_valid(t["ust_id"])
            assert "iban" in t and t["iban"].startswith("DE")
        if "steuernummer" in t:
            assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]
    assert countries == {"DE", "IE"}


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- what each family prints ------------------------------------------------------------------------------


def test_ads_invoice_is_reverse_charged_by_an_irish_entity(many):
    auto = bank = german_bank = irish_bank = credits = two = short = german_amounts = 0
    customers = orders = costs_first = 0
    for inv in many["ads_plattform_ie"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in text
        assert re.search(r"(Ireland Limited|Ireland Ltd\.|Unlimited Company)", t["lieferant"])
        assert "Dublin" in text and "Ireland" in text and "Steuernummer" not in text
        assert re.search(r"[Rr]everse charge", text) and re.search(r"VAT \(?0 ?%\)?", text)
        low = text.lower()  # the grid layout prints its labels in capitals
        assert "billing period" in low and re.search(r"(billing id|account id|payments profile id)", low)
        assert re.search(r"(invoice number|invoice #)", low)
        # the customer's German VAT id is printed in the bill-to block, and it is not the truth's
        customer_vat = re.findall(r"\bDE\d{9}\b", text)
        assert customer_vat and t["ust_id"] not in customer_vat
        assert "Amount due" in text and re.search(r"Total( in EUR| amount)?", text)
        if "iban" in t:
            bank += 1
            assert "Payment reference" in text and "automatic" not in text.lower()
            german_bank += t["iban"].startswith("DE")
            irish_bank += t["iban"].startswith("IE")
        else:
            auto += 1
            assert re.search(r"(automatic payment|paid automatically|Automatic payment)", text)
            assert "IBAN" not in text
            zero = re.search(r"Amount due (€ ?0\.00|EUR 0\.00|0\.00 EUR|0,00 €|0,00 EUR)", text)
            assert zero, text
        credits += "Invalid activity" in text
        two += t["pages"] == 2
        months = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
        short += bool(re.search(rf"(Invoice date|Date of issue|INVOICE DATE) ({months}) \d", text))
        german_amounts += de_amount(t["betrag_brutto"]) in text
        costs_first += "Costs" in text or "Total costs" in text
        if "kundennummer" in t:
            customers += 1
            assert "customer id" in low
        if "bestellnummer" in t:
            orders += 1
            assert re.search(r"(po number|purchase order)", low)
    assert auto >= 8 and bank >= 8 and german_bank and irish_bank
    assert credits >= 15 and two >= 5 and short >= 3 and german_amounts and costs_first
    assert customers and orders


def test_coworking_bills_the_membership_ahead_and_the_bookings_after(many):
    credit = deposit = sepa = card = transfer = ug = gmbh = sections = free_hours = 0
    for inv in many["coworking_mitglied"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in text
        assert re.search(r"(Flex Desk|Fix Desk|Private Office|Team Office)", text)
        assert "Leistungszeitraum" in text and re.search(r"19 %", text)
        assert re.search(r"\bHRB \d+", text) and "USt-IdNr." in text
        assert re.search(
            r"(Mitgliedsnummer|Mitglieds-Nr\.|Kundennummer|Member-ID) " + re.escape(t["kundennummer"]), text
        )
        for booking in re.findall(r"Buchung #(\d+)", text):
            assert booking != t["rechnungsnummer"]
        gross = cents(t["betrag_brutto"])
        assert de_amount(t["betrag_brutto"]) in text
        if "Guthaben" in text and re.search(
            r"(abzgl\. Guthaben|Verrechnetes Guthaben|Prepaid-Guthaben|Credits)", text
        ):
            credit += 1
            rest = re.search(rf"(Offener Betrag|Zu zahlen|Zahlbetrag) ({DE_AMOUNT})", text)
            assert rest and amount(rest[2]) < gross
        deposit += "Kaution" in text
        if "Mandatsreferenz" in text:
            sepa += 1
            assert "Gläubiger-ID" in text and "SEPA-Lastschrift" in text
        card += "bereits per Kreditkarte bezahlt" in text
        transfer += "Bitte überweisen Sie" in text
        ug += "UG (haftungsbeschränkt)" in t["lieferant"]
        gmbh += t["lieferant"].endswith("GmbH")
        sections += "Summe Buchungen" in text or "Summe Mitgliedschaft" in text
        free_hours += "Freistunden" in text
    assert credit >= 5 and deposit >= 5 and sepa >= 8 and card >= 3 and transfer >= 3
    assert ug and gmbh and sections >= 5 and free_hours >= 5

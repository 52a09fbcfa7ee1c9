"""The families of families_world: never-tuned, deterministic, their truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from schwifty import IBAN
from stdnum.de import stnr
from stdnum.eu import vat
from stdnum.gb import vat as gb_vat

from benchmarks.synth.families_world import WORLD_FAMILIES, draw_world
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
    currency_euro_sign_for_eur,
    german_printed_forms,
    seeded,
    text_of,
    vat_id_in_threes_or_british,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("webshop_nl", "facture_fai", "erp_en", "hosting_export")
CENT = Decimal("0.01")
KEYS = ALL_TRUTH_KEYS
SIGNS = {"USD": "$", "GBP": "£", "EUR": "€"}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(  # date_forms has 12/04/2024 (month first)
    vat_id=vat_id_in_threes_or_british, currency=currency_euro_sign_for_eur
)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(WORLD_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_world)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS_BUT_VAT, KEYS, amounts="any", mwst_may_be_absent=True)
        dt.date.fromisoformat(t["datum"])
        assert t["waehrung"] in SIGNS and isinstance(t["pages"], int)
        assert ("iban" in t) == ("bic" in t)


def test_amounts_add_up_per_rate(invoices):
    assert_amounts_add_up(invoices, None, positive_net=True, mwst_may_be_absent=True)


def test_identifiers_pass_their_checksums(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        if "iban" in t:
            iban = IBAN(t["iban"], validate_bban=True)
            assert str(iban.bic) == t["bic"]
        if "ust_id" in t:
            number = t["ust_id"]
            assert gb_vat.is_valid(number) if number.startswith("GB") else vat.is_valid(number), number
            assert "iban" not in t or number[:2] == IBAN(t["iban"]).country_code
        if "steuernummer" in t:
            assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices, side=20, top=15, bottom=10)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(
        invoices, lambda name, inv: "Totaal incl. BTW" if name == "webshop_nl" else "Total"
    )


# -- what each family prints ------------------------------------------------------------------------------


def test_webshop_nl_prints_a_paid_dutch_invoice(invoices):
    texts = []
    for inv in invoices["webshop_nl"]:
        t, text = inv.truth, text_of(inv.pdf)
        texts.append(text)
        for words in ("Factuurdatum", "Totaal excl. BTW", "Totaal incl. BTW", "Betaald via iDEAL", "KvK-nummer",
                      "BTW-nummer", "BTW %", "Omschrijving", "Aantal"):  # fmt: skip
            assert words in text, words
        assert (
            re.fullmatch(r"NL\d{9}B01", t["ust_id"]) and t["iban"].startswith("NL") and t["waehrung"] == "EUR"
        )
        assert re.search(r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
                         r"november|december) \d{4}", text)  # fmt: skip
        assert re.search(rf"BTW {re.escape(str(inv.vat_lines[0].rate))}%|{inv.vat_lines[0].rate}% BTW", text)
        assert f"€ {t['betrag_brutto']:,.2f}".translate(str.maketrans(",.", ".,")) in text
        assert {"bestellnummer", "kundennummer"} <= set(t)
    assert any("Thuiskopieheffing" in text for text in texts)
    assert any("Serienummer" in text for text in texts)
    assert any("Prijs excl." in text for text in texts) and any("Prijs excl." not in text for text in texts)


def test_facture_fai_prints_a_french_monthly_bill(invoices):
    for inv in invoices["facture_fai"]:
        t, text = inv.truth, text_of(inv.pdf)
        for words in ("Facture n°", "Date de facture :", "Date limite de paiement", "Total HT", "Total TTC",
                      "Montant à payer", "RCS", "N° TVA intracommunautaire :"):  # fmt: skip
            assert words in text, words
        assert re.search(r"TVA (à )?20 %", text)
        assert re.search(r"du \d\d/\d\d/\d{4} au \d\d/\d\d/\d{4}", text)
        assert re.search(r"Identifiant( client)? :", text) and t["kundennummer"] in text
        assert t["ust_id"].startswith("FR") and t["ust_id"][4:] in text.replace(" ", "")  # the SIREN
        assert f"{t['betrag_brutto']:,.2f} €".replace(",", " ").replace(".", ",") in text
        assert ("prélevé le" in text) or ("avant le" in text)


def test_erp_en_prints_dates_and_currency_of_its_seller(invoices):
    currencies = set()
    for inv in invoices["erp_en"]:
        t, text = inv.truth, text_of(inv.pdf)
        currencies.add(t["waehrung"])
        for words in ("Invoice Date:", "Due Date:", "Untaxed Amount", "Description", "Taxes", "Amount"):
            assert words in text, words
        assert re.search(r"Invoice INV/\d{4}/", text) and "communication" in text.lower()
        assert re.search(r"(Tax|VAT) \d+%", text)
        d = dt.date.fromisoformat(t["datum"])
        if t["waehrung"] == "USD":
            assert f"{d:%m/%d/%Y}" in text and "$ " in text
            assert not {"iban", "bic", "ust_id"} & set(t) and "ABA routing" in text
        else:
            assert f"{d:%d/%m/%Y}" in text and SIGNS[t["waehrung"]] in text
            assert t["ust_id"][:2] == {"GBP": "GB", "EUR": "IE"}[t["waehrung"]]
            assert ("iban" in t) != ("Sort code" in text)
    assert "USD" in currencies and currencies & {"GBP", "EUR"}


def test_hosting_export_charges_no_german_vat(invoices):
    pages, vat_lines = set(), set()
    for inv in invoices["hosting_export"]:
        t = inv.truth
        texts = page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["betrag_brutto"] == t["betrag_netto"] and t.get("mwst", 0.0) == 0.0
        assert "Rechnungsbetrag" in text and ("nicht im inland steuerbare" in text.lower() or
                                              "Steuerschuldnerschaft des Leistungsempfängers" in text)  # fmt: skip
        assert "Dienst:" in text and "Pos." in text and "Rabatt %" in text and "VK-Preis" in text
        assert re.search(r"\d\d\.\d\d\.\d\d-\d\d\.\d\d\.\d\d", text)
        printed_vat = re.search(r"(MwSt\.|Umsatzsteuer) 0(,00)? %", text) is not None
        assert printed_vat == ("mwst" in t)
        vat_lines.add(printed_vat)
        assert t["ust_id"].startswith("DE")
        customer = draw_world("hosting_export", inv.seed).data.customer.name
        for n, page in enumerate(texts, 1):  # every page repeats the letterhead and the address block
            assert t["lieferant"] in page and customer in page and f"Seite {n} von {len(texts)}" in page
        pages.add(len(texts))
        assert any_printed(texts[-1], t["betrag_netto"])
    assert 1 in pages and max(pages) > 1 and vat_lines == {True, False}

"""The families of families_foto: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from schwifty import BIC, IBAN
from stdnum.de import stnr
from stdnum.eu import vat
from stdnum.nl import vat as nl_vat

from benchmarks.synth.families_foto import FOTO_FAMILIES, draw_foto
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
    cents,
    de_amount,
    german_printed_forms,
    rates_one_of,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("fotograf_nutzungsrechte", "zzp_factuur_nl")
KEYS = ALL_TRUTH_KEYS
RATES = {
    "fotograf_nutzungsrechte": ({Decimal(7), Decimal(19)}, {Decimal(0)}),
    "zzp_factuur_nl": ({Decimal(0)}, {Decimal(21)}),
}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms()


def printed_total(name: str, inv) -> str:
    gross = inv.truth["betrag_brutto"]
    text = text_of(inv.pdf)
    for form in (de_amount(gross), f"{gross:,.2f}"):
        if form in text:
            return form
    return de_amount(gross)


def amount(text: str) -> Decimal:
    """A printed amount ("1.234,56" or "1,234.56") as a number."""
    if re.search(r"\.\d\d$", text):
        return Decimal(text.replace(",", ""))
    return Decimal(text.replace(".", "").replace(",", "."))


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(FOTO_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_foto)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(many):
    for inv in all_of(many):
        t = inv.truth
        assert_truth_format(
            inv, TRUTH_KEYS_BUT_VAT | {"iban"}, KEYS, amounts="not negative", mwst_may_be_absent=True
        )
        day = dt.date.fromisoformat(t["datum"])
        if inv.layout == "fotograf_nutzungsrechte":
            assert "steuernummer" in t
            assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % and 5 % then
        else:
            assert "ust_id" in t and "bic" in t and "steuernummer" not in t
            assert day >= dt.date(2020, 1, 1)  # the btw-identificatienummer
        assert t["betrag_brutto"] > 0 and t["waehrung"] == "EUR"
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] < t["datum"]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_one_of(RATES), mwst_may_be_absent=True)


def test_identifiers_pass_their_checksums(many):
    for inv in all_of(many):
        t = inv.truth
        iban = IBAN(t["iban"], validate_bban=True)
        if "bic" in t:
            assert t["bic"] == str(iban.bic) and BIC(t["bic"])
        if inv.layout == "fotograf_nutzungsrechte":
            assert iban.country_code == "DE" and stnr.is_valid(t["steuernummer"]), t["steuernummer"]
            if "ust_id" in t:
                assert t["ust_id"].startswith("DE") and vat.is_valid(t["ust_id"])
        else:
            assert iban.country_code == "NL" and str(iban.bank_code) in ("INGB", "RABO", "ABNA", "KNAB", "BUNQ",
                                                                         "TRIO", "SNSB")  # fmt: skip
            assert nl_vat.is_valid(t["ust_id"]) and re.fullmatch(r"NL\d{9}B\d\d", t["ust_id"])


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- what each family prints ------------------------------------------------------------------------------

DE_AMOUNT = r"\d{1,3}(?:\.\d{3})*,\d\d|\d+,\d\d"


def test_fotograf_prints_rights_at_7_and_production_at_19(many):
    regular = small = small_row = ksk = quotes = jobs = single = several = deposits = vat_ids = two = 0
    for inv in many["fotograf_nutzungsrechte"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in text
        assert re.search(r"(Nutzungsrechte|Nutzungsrechten gem\. § 31 UrhG|Nutzungshonorar)", text)
        assert re.search(r"(Steuernummer|St\.-Nr\.|Steuer-Nr\.) " + re.escape(t["steuernummer"]), text)
        assert re.search(r"Projekt: .+ – Kunde: ", text)
        rights = [item for item in inv.items if "utzung" in item.description or "Lizenz" in item.description]
        assert rights and all(item.rate in (0, 7) for item in rights)
        if "mwst" in t and t["mwst"] > 0:
            regular += 1
            assert all(item.rate in (7, 19) for item in inv.items)
            assert all(item.rate == 19 for item in inv.items if item.unit in ("Tag", "Std.", "Bild", "km"))
            assert re.search(r"(zzgl\. 7 % USt\.|7 %)", text) and re.search(r"(zzgl\. 19 % USt\.|19 %)", text)
            gross = re.search(rf"(Gesamtbetrag|Gesamtbetrag brutto|Rechnungsbetrag) ({DE_AMOUNT})", text)
            assert gross and amount(gross[2]) == cents(t["betrag_brutto"])
            assert "§ 19 UStG" not in text
        else:
            small += 1
            assert all(item.rate == 0 for item in inv.items) and t["betrag_netto"] == t["betrag_brutto"]
            assert "§ 19" in text and "ust_id" not in t and not re.search(r"\b(7|19) % USt", text)
            small_row += "mwst" in t
            assert ("mwst" in t) == bool(re.search(r"(Umsatzsteuer|USt\.) 0 %", text))
        ksk += "künstlersozialabgabepflichtig" in text
        if "Kostenvoranschlag Nr." in text:
            quotes += 1
            number = re.search(r"Kostenvoranschlag Nr\. (\S+) vom", text)
            assert number and number[1] not in (t["rechnungsnummer"], t.get("bestellnummer"))
        if "bestellnummer" in t:
            jobs += 1
            assert re.search(r"(Job-Nr\.|Ihre Job-Nr\.|Job-Nummer) " + re.escape(t["bestellnummer"]), text)
        if "leistungsdatum" in t:
            single += 1
            assert re.search(r"(Shooting-Datum|Aufnahmedatum|Leistungsdatum|Lieferdatum)", text)
        several += "Shootingtage" in text
        assert not ("Shootingtage" in text and "leistungsdatum" in t)
        if "Anzahlung" in text:
            deposits += 1
            rest = re.search(rf"(Restbetrag|Noch zu zahlen) ({DE_AMOUNT})", text)
            assert rest and amount(rest[2]) < cents(t["betrag_brutto"])
        vat_ids += "ust_id" in t
        two += t["pages"] == 2
        if t["pages"] == 2:
            assert "Seite 2 von 2" in texts[1] and t["rechnungsnummer"] in texts[1]
    assert regular >= 18 and small >= 2 and ksk >= 15 and quotes and jobs >= 15 and single and several
    assert deposits and vat_ids and two < 10
    assert small_row < small or small == 0


def test_fotograf_prints_totals_in_three_ways(many):
    texts = [text_of(inv.pdf) for inv in many["fotograf_nutzungsrechte"] if "§ 19" not in text_of(inv.pdf)]
    assert any("Netto 7 %" in text and "Netto 19 %" in text and "USt. gesamt" in text for text in texts)
    assert any(re.search(r"zzgl\. 7 % USt\. auf \S", text) for text in texts)
    assert any("USt.-Satz" in text and "Brutto" in text for text in texts)
    assert any("Zwischensumme Nutzungsrechte" in text for text in texts)
    assert any(re.search(r"\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                         r"Dezember) \d{4}", text) for text in texts)  # fmt: skip


def test_zzp_factuur_nl_prints_a_dutch_freelancer_invoice(many):
    reverse = dutch = rows = english = dutch_words = sheets = delivered = orders = 0
    for inv in many["zzp_factuur_nl"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in text
        assert re.search(r"KvK[- ].{0,26}\b\d{8}\b", text)
        assert re.search(r"(BTW-id|Btw-id|BTW-nummer|Btw-identificatienummer|VAT number|VAT ID) " + t["ust_id"],
                         text)  # fmt: skip
        assert re.search(r"(Betaaltermijn|Payment term) \d\d (dagen|days)", text)
        assert re.search(r"(t\.n\.v\.|in the name of) ", text)
        if any(item.rate == 21 for item in inv.items):
            dutch += 1
            assert re.search(r"(BTW|VAT) 21 ?%", text) and t["mwst"] > 0
            assert any_printed(text, t["mwst"])
        else:
            reverse += 1
            assert re.search(r"(BTW verlegd|Btw verlegd|Reverse charge|VAT reverse charged)", text)
            client = re.search(r"(Btw-nummer afnemer|BTW-id klant|USt-IdNr\.|Customer VAT ID|VAT ID customer): "
                               r"(DE\d{9})", text)  # fmt: skip
            assert client and vat.is_valid(client[2]) and client[2] != t["ust_id"]
            assert t["betrag_netto"] == t["betrag_brutto"]
            rows += "mwst" in t
            if "mwst" in t:
                assert re.search(
                    r"(BTW 0%( \(verlegd\))?|BTW verlegd|VAT 0% \(reverse charge\)|VAT reverse charged) (€|EUR)", text
                )
        if re.search(r"\b(Invoice|INVOICE)\b", texts[0]):
            english += 1
            assert re.search(r"(Due date|Payment due)", text)
        else:
            dutch_words += 1
            assert re.search(r"(Factuurnummer|Factuurnr\.)", text) and re.search(r"(Vervaldatum|vóór)", text)
            assert re.search(r"(Subtotaal|Totaal excl\. btw)", text)
            assert re.search(r"(Totaal|Te betalen|Totaal te betalen|Totaal incl\. btw) (€|EUR)", text)
        if t["pages"] == 2:
            sheets += 1
            assert re.search(r"(Urenspecificatie|Timesheet)", texts[1])
        if "leistungsdatum" in t:
            delivered += 1
            assert re.search(r"(Leverdatum|Datum levering|Delivery date)", text)
        if "bestellnummer" in t:
            orders += 1
            assert re.search(r"(Uw referentie|PO-nummer|Uw ordernummer|Your reference|PO number) "
                             + re.escape(t["bestellnummer"]), text)  # fmt: skip
    assert reverse >= 15 and dutch >= 3 and 0 < rows < reverse
    assert english >= 5 and dutch_words >= 10 and sheets and delivered and orders


def test_zzp_factuur_nl_prints_dutch_dates_and_amounts(many):
    texts = [text_of(inv.pdf) for inv in many["zzp_factuur_nl"]]
    assert any(re.search(r"\b\d\d-\d\d-20\d\d\b", text) for text in texts)
    assert any(re.search(r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
                         r"november|december) 20\d\d\b", text) for text in texts)  # fmt: skip
    assert any(re.search(r"€ \d{1,3}(\.\d{3})*,\d\d\b", text) for text in texts)
    assert any(re.search(r"€\d{1,3}(,\d{3})*\.\d\d\b", text) for text in texts)
    assert {inv.truth["bic"][:4] for inv in many["zzp_factuur_nl"]} >= {"INGB", "RABO"}

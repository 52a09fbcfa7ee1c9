"""The families of families_karte: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from schwifty import BIC
from stdnum.eu import vat
from stdnum.us import rtn

from benchmarks.synth.families_karte import KARTE_FAMILIES, draw_karte
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
    cents,
    currency_euro_sign_for_eur,
    de_amount,
    german_printed_forms,
    rates_as_in,
    seeded,
    text_of,
)
from tests.synth.test_synth import page_texts

NAMES = ("us_software_usd", "tankkarte_sammel")
KEYS = ALL_TRUTH_KEYS
RATES = {"us_software_usd": {Decimal(0)}, "tankkarte_sammel": {Decimal(19)}}
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


# -- printed forms, written here independently of the generator -------------------------------------------


german_forms = german_printed_forms()


printed_forms = german_printed_forms(currency=currency_euro_sign_for_eur)


def amount(text: str) -> Decimal:
    """A printed amount ("1.234,56", "1,234.56", "$1,234.56", "USD 1,234.56", "($120.00)") as a number."""
    negative = text.startswith(("-", "("))
    text = re.sub(r"[^\d.,]", "", text)
    if re.search(r"\.\d\d$", text):
        value = Decimal(text.replace(",", ""))
    else:
        value = Decimal(text.replace(".", "").replace(",", "."))
    return -value if negative else value


def printed_total(name: str, inv) -> str:
    gross = inv.truth["betrag_brutto"]
    return f"{gross:,.2f}" if name == "us_software_usd" else de_amount(gross)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(KARTE_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_karte)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS_BUT_VAT, KEYS, amounts="not negative", mwst_may_be_absent=True)
        assert "leistungsdatum" not in t
        dt.date.fromisoformat(t["datum"])
        if inv.layout == "us_software_usd":
            assert t["waehrung"] == "USD" and t["betrag_netto"] == t["betrag_brutto"] > 0
            assert t.get("mwst", 0.0) == 0.0
            assert not {"iban", "steuernummer"} & set(t)
        else:
            assert t["waehrung"] == "EUR" and t["mwst"] > 0
            assert "ust_id" in t or "steuernummer" in t
            assert "bestellnummer" not in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_as_in(RATES), mwst_may_be_absent=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, ust_id_valid=vat.is_valid)
    for inv in all_of(many):
        t = inv.truth
        if "ust_id" in t:
            assert t["ust_id"][:2] == ("IE" if inv.layout == "us_software_usd" else "DE")
        if inv.layout == "us_software_usd" and "bic" in t:
            assert BIC(t["bic"]).country_code == "US"


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- us_software_usd --------------------------------------------------------------------------------------

US_AMOUNT = r"\(?-?(?:\$ ?|USD )?\d{1,3}(?:,\d{3})*\.\d\d\)?"
TOTAL = re.compile(rf"(?<![\w/])(Total|TOTAL|Total \(USD\)|TOTAL \(USD\)) ({US_AMOUNT})")
BALANCE = re.compile(rf"(Balance Due|BALANCE DUE|Amount due) ({US_AMOUNT})")
TAX = re.compile(
    r"(Sales Tax \(0%\)|Tax|Sales Tax 0%|Tax \(0%\)|VAT 0% \(reverse charge\)) (\$ ?|USD )?0\.00\b",
    re.IGNORECASE,
)


def test_us_software_usd_prints_a_us_invoice_in_dollars(many):
    for inv in many["us_software_usd"]:
        t, text = inv.truth, text_of(inv.pdf)
        day = dt.date.fromisoformat(t["datum"])
        assert re.search(r"\b(INVOICE|Invoice)\b", text) and "USD" in text
        # (the ledger's grid prints "Date | Invoice #" over the date and the number)
        number = re.escape(t["rechnungsnummer"])
        label = r"(Invoice #|Invoice No\.|Invoice number|INVOICE #)"
        assert re.search(rf"{label} (\d\d/\d\d/\d{{4}} |\w+ \d+, \d{{4}} )?{number}", text)
        assert f"{day:%m/%d/%Y}" in text or f"{day:%B} {day.day}, {day.year}" in text
        assert "IBAN" not in text
        total = TOTAL.search(text)
        assert total and amount(total[2]) == cents(t["betrag_brutto"])
        assert re.search(r"(Subtotal|SUBTOTAL) ", text)
        assert "Germany" in text and t["lieferant"] in text
        customer_vat = re.search(r"(VAT ID|VAT|EU VAT ID|USt-IdNr\.): (DE\d{9})\b", text)
        assert customer_vat and vat.is_valid(customer_vat[2]) and customer_vat[2] != t.get("ust_id")
        if "bestellnummer" in t:
            assert re.search(rf"(P\.O\. No\.|PO number|P\.O\. #) {re.escape(t['bestellnummer'])}\b", text)
        if "kundennummer" in t:
            assert re.search(rf"(Customer ID|CUSTOMER ID) {re.escape(t['kundennummer'])}\b", text)


def test_us_software_usd_varies_its_payment_and_tax_lines(many):
    seen: dict[str, int] = {}

    def count(key: str) -> None:
        seen[key] = seen.get(key, 0) + 1

    for inv in many["us_software_usd"]:
        t, text = inv.truth, text_of(inv.pdf)
        gross = cents(t["betrag_brutto"])
        swift = re.search(r"SWIFT[^:]*: ([A-Z0-9]{8,11})\b", text)
        if swift:
            count("wire")
            assert t["bic"] == swift[1] and rtn.is_valid(re.search(r"ABA routing number: (\d{9})", text)[1])
        else:
            assert "bic" not in t
        if "Routing number:" in text:
            count("ach")
            assert "Account number:" in text and not swift
        if "Paid in full by" in text:
            count("card")
            assert not swift and "Routing" not in text
            balance = BALANCE.search(text)
            assert balance and amount(balance[2]) == 0
        elif re.search(r"Payments/Credits|PAYMENTS/CREDITS|Amount paid", text):
            count("deposit")
            balance = BALANCE.search(text)
            assert balance and 0 < amount(balance[2]) < gross
        elif balance := BALANCE.search(text):
            assert amount(balance[2]) == gross
        if "mwst" in t:
            count("tax line")
            assert TAX.search(text)
        else:
            count("no tax line")
        if "ust_id" in t:
            count("eu vat")
            assert re.search(r"reverse charge|Reverse charge", text)
        if re.search(r"[Rr]everse charge", text):
            count("reverse charge")
        if "Duties and import VAT are payable by the consignee" in text:
            count("hardware")
            assert re.search(r"Ship (To|to)|SHIP TO", text)
            assert re.search("Shipping & handling|SHIPPING & HANDLING", text)
        if re.search(r"Discount \((ANNUAL|PARTNER|WELCOME)\d\d, \d\d% off\)", text):
            count("discount")
            (discount,) = [item.total for item in inv.items if item.total < 0]
            assert f"{-discount:,.2f}" in text
        if re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4} – ", text):
            count("period")
        if "EIN" in text:
            count("ein")
        for layout, word in (
            ("ledger", "Item Description Qty"),
            ("online", "Date of issue"),
            ("boxed", "SALESPERSON"),
        ):
            if word in text:
                count(layout)
    wanted = ("wire", "ach", "card", "deposit", "tax line", "no tax line", "eu vat", "reverse charge",
              "hardware", "discount", "period", "ein", "ledger", "online", "boxed")  # fmt: skip
    assert all(seen.get(key) for key in wanted), seen
    assert seen["reverse charge"] > seen["eu vat"]  # printed by some vendors without an EU registration too


def test_us_software_usd_prints_month_first_and_long_dates(many):
    texts = [text_of(inv.pdf) for inv in many["us_software_usd"]]
    assert any(re.search(r"\b\d\d/\d\d/\d{4}\b", text) for text in texts)
    assert any(re.search(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                         r"December) \d{1,2}, \d{4}\b", text) for text in texts)  # fmt: skip
    assert any("$ " in text for text in texts) and any(re.search(r"\$\d", text) for text in texts)
    assert any(re.search(r"USD \d", text) for text in texts)
    assert not any(re.search(r"\d,\d\d €|EUR", text) for text in texts)


# -- tankkarte_sammel -------------------------------------------------------------------------------------

DE_AMOUNT = r"-?\d{1,3}(?:\.\d{3})*,\d\d"
ROW = re.compile(r"(\d{1,3},\d\d|1 Stk) (\d,\d{3}|\d{1,2},\d\d) (?:(\d{1,3},\d\d) )?(\d{1,3},\d\d)\b")


def test_tankkarte_sammel_prints_a_fuel_card_invoice(many):
    for inv in many["tankkarte_sammel"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        period = re.search(r"(Abrechnungszeitraum|Leistungszeitraum|Zeitraum) (\d\d)\.(\d\d)\.(\d{4})? ?"
                           r"(–|bis) ?(\d\d)\.(\d\d)\.(\d{4})", text)  # fmt: skip
        assert period
        end = dt.date(int(period[8]), int(period[7]), int(period[6]))
        assert period[2] == "01" and end < dt.date.fromisoformat(t["datum"]) <= end + dt.timedelta(days=6)
        assert not dt.date(2020, 7, 1) <= end <= dt.date(2020, 12, 31)  # German VAT 16 % then
        assert re.search(r"70\d\d(?: \*{4}(?: \*{4})? |\d\d\*{6})\d{4}", text)
        assert re.search(r"\b[A-Z]{1,3}-[A-Z]{2} \d{1,4}\b", text)
        assert "Kartengebühr" in text and "eingezogen" in text and "Gläubiger-ID: DE" in text
        assert (
            re.search(r"DE\d\d( \*{4}){3} \*\*\d\d \d\d|DE\d\dX{14}\d{4}", text) and "Mandatsreferenz" in text
        )
        assert re.search(r"(USt 19 %|zzgl\. 19 % USt|MwSt\. 19 %|Umsatzsteuer 19 %) ", text)
        assert not re.search(r"\b(7|16) ?%", text)
        net = re.search(rf"(Summe netto|Nettobetrag|Gesamtbetrag netto) ({DE_AMOUNT})", text)
        gross = re.search(rf"(Summe brutto|Rechnungsbetrag|Gesamtbetrag brutto) ({DE_AMOUNT})", text)
        assert net and amount(net[2]) == cents(t["betrag_netto"])
        assert gross and amount(gross[2]) == cents(t["betrag_brutto"])
        if "kundennummer" in t:
            assert re.search(rf"(Kundennummer|Kunden-Nr\.|Kd\.-Nr\.) {t['kundennummer']}\b", texts[0])
        assert ("iban" in t) == ("IBAN" in text)


def test_tankkarte_sammel_rows_multiply_out(many):
    """Each fueling's gross is its litres times the price per litre (three decimals), to the cent."""
    rows = 0
    for inv in many["tankkarte_sammel"]:
        for match in ROW.finditer(text_of(inv.pdf)):
            price = amount(match[2])
            quantity = Decimal(1) if match[1] == "1 Stk" else amount(match[1])
            assert (quantity * price).quantize(CENT, ROUND_HALF_UP) == amount(match[4]), match[0]
            if match[3]:
                assert amount(match[3]) < amount(match[4])
            rows += 1
    assert rows > 30 * 5


def test_tankkarte_sammel_varies_its_layout(many):
    seen: dict[str, int] = {}
    for inv in many["tankkarte_sammel"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        checks = {
            "grouped": "Summe Karte " in text,
            "flat": "Übersicht je Karte" in text,
            "per product": "je Produkt" in text or "je Karte und Produkt" in text,
            "net column": "Netto Brutto" in text,
            "two pages": len(texts) == 2,
            "carried over": "Übertrag" in text,
            "own bank": "iban" in t,
            "no bank": "iban" not in t,
            "bank without bic": "iban" in t and "bic" not in t,
            "discount": bool(re.search(r"Nachlass Kraftstoff [\d,]+ ct/l auf", text)),
            "adblue": "AdBlue" in text,
            "wash": "1 Stk" in text,
            "km": "km-Stand" in text,
            "autobahn": bool(re.search(r"(Raststätte|Rasthof|Autohof|Rastanlage)", text)),
            "ust_id only": "ust_id" in t and "steuernummer" not in t,
            "steuernummer": "steuernummer" in t,
        }
        for key, hit in checks.items():
            seen[key] = seen.get(key, 0) + hit
        if "Übertrag" in texts[0]:
            carried = re.search(rf"Übertrag ({DE_AMOUNT})", texts[0])
            assert carried and f"Übertrag von Seite 1 {carried[1]}" in texts[1]
    assert all(seen.values()), seen
    assert seen["grouped"] + seen["flat"] == 30

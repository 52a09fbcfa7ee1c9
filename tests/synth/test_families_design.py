"""The families of families_design: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pymupdf
import pytest

from benchmarks.synth.families_design import DESIGN_FAMILIES, draw_design
from tests.synth.family_checks import (
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
    iban_compact_or_in_fours,
    in_second_half_of_2020,
    printed_gross,
    rates_one_of,
    seeded,
)
from tests.synth.test_families import date_forms
from tests.synth.test_synth import page_texts

NAMES = ("agentur_farbig", "onlineshop_b2b")
REQUIRED = {
    "rechnungsnummer",
    "datum",
    "betrag_netto",
    "mwst",
    "betrag_brutto",
    "waehrung",
    "lieferant",
    "pages",
}
KEYS = {
    "agentur_farbig": REQUIRED | {"ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer"},
    "onlineshop_b2b": REQUIRED
    | {"ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer", "leistungsdatum"},
}
RATES = {"agentur_farbig": [{19}], "onlineshop_b2b": [{19}, {19, 7}]}
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
GERMAN_IBAN = r"DE\d\d(?: ?\d{4}){4} ?\d\d"
DAY = r"\d\d\.\d\d\.\d{2,4}"
WHITE = 0xFFFFFF
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}):? ({AMOUNT}){CUR}", text)]


def day_of(text: str) -> dt.date:
    day, month, year = text.split(".")
    return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))


def spans(pdf: bytes) -> list[dict]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [
            span
            for block in doc[0].get_text("dict")["blocks"]
            for line in block.get("lines", ())
            for span in line["spans"]
        ]


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(DESIGN_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_design)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS[inv.layout])
        assert t["waehrung"] == "EUR" and t["pages"] == 1
        assert "ust_id" in t or "steuernummer" in t
        assert not in_second_half_of_2020(t["datum"])
        if inv.layout == "agentur_farbig":
            assert "iban" in t and "bic" in t
        else:
            assert "ust_id" in t and "bestellnummer" in t
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]
            assert not in_second_half_of_2020(t["leistungsdatum"])


def test_amounts_add_up_per_rate(many):
    # the shop's coupon is a negative line; every rate's base stays above 0
    assert_amounts_add_up(many, rates_one_of(RATES), positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass({"agentur_farbig": many["agentur_farbig"]}, iban_required=True)
    assert_identifiers_pass({"onlineshop_b2b": many["onlineshop_b2b"]}, ust_id_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- agentur_farbig ---------------------------------------------------------------------------------------

NUMBER_LABELS = ("RECHNUNGSNUMMER", "RECHNUNGSNR.")
DATE_LABELS = ("DATUM", "RECHNUNGSDATUM")


def label_above(page: pymupdf.Page, labels: tuple[str, ...], value: str) -> bool:
    """One of `labels` stands just above `value`, starting where it starts."""
    for found in page.search_for(value):
        for label in labels:
            for rect in page.search_for(label):
                if abs(rect.x0 - found.x0) < 1.5 and 0 <= found.y0 - rect.y1 < 14:
                    return True
    return False


def test_agency_labels_stand_above_their_values_in_the_meta_row(many):
    counts = dict.fromkeys(
        ("customer", "no_customer", "order_cell", "order_line", "no_order", "bilingual"), 0
    )
    for inv in many["agentur_farbig"]:
        t, text = inv.truth, page_texts(inv.pdf)[0]
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            page = doc[0]
            assert label_above(page, NUMBER_LABELS, t["rechnungsnummer"]), inv.seed
            day = dt.date.fromisoformat(t["datum"])
            printed = [form for form in date_forms(t["datum"]) if form in text]
            assert any(label_above(page, DATE_LABELS, form) for form in printed), inv.seed
            if "kundennummer" in t:
                counts["customer"] += 1
                assert label_above(page, ("KUNDENNR.",), t["kundennummer"]), inv.seed
            else:
                counts["no_customer"] += 1
            if "bestellnummer" in t:
                if label_above(page, ("IHRE BESTELLNR.",), t["bestellnummer"]):
                    counts["order_cell"] += 1
                else:
                    counts["order_line"] += 1
                    assert f"Ihre Bestellnummer: {t['bestellnummer']}" in text, inv.seed
            else:
                counts["no_order"] += 1
                assert "BESTELLNR." not in text and "Bestellnummer" not in text
        assert "LEISTUNGSZEITRAUM" in text
        # the project number is no order or customer number
        project = re.search(r"Projekt-Nr\. (\S+)", text)
        assert project and project[1] not in (t.get("bestellnummer"), t.get("kundennummer"))
        # the due date is after the invoice's
        due = re.search(rf"bis zum ({DAY}|\d{{1,2}}\. \w+ \d{{4}})", text)
        assert due and due[1] not in date_forms(t["datum"]), inv.seed
        assert day < dt.date.fromisoformat("2100-01-01")
        counts["bilingual"] += "Invoice / Rechnung" in text
    assert all(counts.values()), counts


def test_agency_prints_white_on_dark_and_the_gross_in_its_box(many):
    counts = dict.fromkeys(("band", "sidebar", "white_gross", "dark_gross"), 0)
    for inv in many["agentur_farbig"]:
        t, text = inv.truth, page_texts(inv.pdf)[0]
        white = [span for span in spans(inv.pdf) if span["color"] == WHITE]
        words = " ".join(span["text"] for span in white)
        # the table head in white capitals; the agency's name in white (band or sidebar)
        assert "POS." in words and t["lieferant"].split()[0] in words, inv.seed
        sidebar = any(span["bbox"][0] < 160 and "KONTAKT" not in span["text"] for span in white) and any(
            span["text"] == "KONTAKT" for span in spans(inv.pdf)
        )
        counts["sidebar" if sidebar else "band"] += 1
        gross = printed_gross(inv.layout, inv)
        counts["white_gross" if gross in words else "dark_gross"] += 1
        assert cents(t["betrag_brutto"]) in amounts_after(text, r"Gesamtbetrag(?: / Total)?"), inv.seed
        assert amounts_after(text, r"Nettobetrag(?: / Net)?") == [cents(t["betrag_netto"])], inv.seed
        assert all(item.rate == 19 for item in inv.items)
        units = {item.unit for item in inv.items}
        assert units <= {"Std.", "pauschal", "Monat", "Monate"}, units
    assert all(counts.values()), counts


# -- onlineshop_b2b ---------------------------------------------------------------------------------------

PAYMENTS = ("PayPal", "Kreditkarte", "Rechnung", "Vorkasse")


def test_shop_head_holds_order_number_and_dates_under_their_labels(many):
    counts = dict.fromkeys(("hash", "web", "delivery", "no_delivery", "customer", "no_customer"), 0)
    for inv in many["onlineshop_b2b"]:
        t, text = inv.truth, page_texts(inv.pdf)[0]
        printed = re.search(rf"Bestell(?:nr\.|nummer) (#?){re.escape(t['bestellnummer'])}\b", text)
        assert printed, inv.seed
        counts["hash" if printed[1] else "web"] += 1
        assert t["bestellnummer"] not in (t["rechnungsnummer"], t.get("kundennummer"))
        assert re.search(rf"Rechnungsdatum (?:{any_date(t['datum'])})", text), inv.seed
        ordered = re.search(rf"Bestelldatum ({DAY})", text)
        assert ordered and day_of(ordered[1]) < dt.date.fromisoformat(t["datum"]), inv.seed
        if "leistungsdatum" in t:
            counts["delivery"] += 1
            assert re.search(rf"Lieferdatum (?:{any_date(t['leistungsdatum'])})", text), inv.seed
            assert day_of(ordered[1]) <= dt.date.fromisoformat(t["leistungsdatum"])
        else:
            counts["no_delivery"] += 1
            assert "Lieferdatum" not in text
        if "kundennummer" in t:
            counts["customer"] += 1
            assert f"Kundennr. {t['kundennummer']}" in text
        else:
            counts["no_customer"] += 1
        assert "RECHNUNGSADRESSE" in text and "LIEFERADRESSE" in text
    assert all(counts.values()), counts


def test_shop_prints_gross_or_net_prices_and_the_payment(many):
    counts = dict.fromkeys(
        ("gross", "net", "mixed", "single", "coupon", "free", "paid", "open", *PAYMENTS), 0
    )
    for inv in many["onlineshop_b2b"]:
        t, text = inv.truth, page_texts(inv.pdf)[0]
        gross = cents(t["betrag_brutto"])
        if "Einzelpreis brutto" in text:
            counts["gross"] += 1
            assert amounts_after(text, r"Gesamtsumme \(inkl\. MwSt\.\)") == [gross], inv.seed
            assert amounts_after(text, "Summe netto") == [cents(t["betrag_netto"])], inv.seed
        else:
            counts["net"] += 1
            assert "Einzelpreis netto" in text
            assert amounts_after(text, "Gesamtbetrag") == [gross], inv.seed
        rates = {item.rate for item in inv.items}
        if rates == {19, 7}:
            counts["mixed"] += 1
            assert "MwSt.-Satz" in text
        else:
            counts["single"] += 1
        counts["coupon"] += any(item.description.startswith("Gutschein") for item in inv.items)
        counts["free"] += "ersandkostenfrei" in text
        payment = re.search(rf"Zahlungsart ({'|'.join(PAYMENTS)})", text)
        assert payment, inv.seed
        counts[payment[1]] += 1
        ibans = re.findall(GERMAN_IBAN, text)
        if payment[1] in ("Rechnung", "Vorkasse"):
            assert "iban" in t and ibans, inv.seed
        else:
            assert "iban" not in t and not ibans, inv.seed
        if payment[1] == "Rechnung":
            counts["open"] += 1
            assert "Offener Betrag" not in text and "Zahlbar bis" in text
        else:
            counts["paid"] += 1
            paid = re.search(rf"Bereits bezahlt (?:via|per) \w+ am ({DAY}) ({AMOUNT}){CUR}", text)
            assert paid and de_number(paid[2]) == -gross, inv.seed
            assert re.search(rf"Offener Betrag 0,00{CUR}", text), inv.seed
            assert paid[1] not in date_forms(t["datum"])
    assert all(counts.values()), counts


def test_shop_lines_carry_sku_and_a_valid_ean(many):
    from stdnum import ean

    for inv in many["onlineshop_b2b"]:
        text = page_texts(inv.pdf)[0]
        eans = re.findall(r"EAN (\d{13})", text)
        goods = [item for item in inv.items if item.article]
        assert len(eans) == len(goods) >= 2 and all(ean.is_valid(code) for code in eans), inv.seed
        for item in goods:
            assert f"Art.-Nr. {item.article}" in text, inv.seed
        shipping = [item for item in inv.items if item.description.startswith(("Versand", "Versandkosten"))]
        assert len(shipping) == 1 and shipping[0].rate == 19, inv.seed

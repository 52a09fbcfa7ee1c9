"""The families of families_gruen: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pymupdf
import pytest

from benchmarks.synth.families_gruen import GRUEN_FAMILIES, draw_gruen
from benchmarks.synth.invoice_gen import MONTHS_DE
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
    to_cent,
)
from tests.synth.test_families import amount_forms, date_forms
from tests.synth.test_synth import is_printed, page_texts

NAMES = ("gartenbau_pflege", "tagungshotel_seminar")
REQUIRED = {
    "rechnungsnummer",
    "datum",
    "betrag_netto",
    "mwst",
    "betrag_brutto",
    "waehrung",
    "lieferant",
    "iban",
    "pages",
}
KEYS = {
    "gartenbau_pflege": REQUIRED
    | {"ust_id", "steuernummer", "bic", "kundennummer", "bestellnummer", "leistungsdatum"},
    "tagungshotel_seminar": REQUIRED | {"ust_id", "steuernummer", "bic", "kundennummer", "bestellnummer"},
}
RATES = {"gartenbau_pflege": ({19}, {7, 19}), "tagungshotel_seminar": ({7, 19},)}
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
GROSS = r"(?:Gesamtbetrag|Rechnungsbetrag|Bruttobetrag|Summe brutto)(?: EUR)?"
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 12)


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


def printed(text: str, value: Decimal) -> bool:
    return any(is_printed(text, form) for form in amount_forms(float(value)))


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"{label}:? ({AMOUNT})", text)]


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(GRUEN_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_gruen)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS[inv.layout])
        assert t["waehrung"] == "EUR"
        assert "ust_id" in t or "steuernummer" in t
        day = dt.date.fromisoformat(t["datum"])
        assert not in_second_half_of_2020(t["datum"])
        if "leistungsdatum" in t:
            assert dt.date.fromisoformat(t["leistungsdatum"]) < day
            assert not in_second_half_of_2020(t["leistungsdatum"])
        if inv.layout == "tagungshotel_seminar":
            # restaurant food (and a hotel breakfast) bore 7 % from July 2020 to December 2023
            assert not dt.date(2020, 6, 1) <= day <= dt.date(2024, 1, 2), t["datum"]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_one_of(RATES), positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


def test_vat_is_printed_per_rate_where_there_are_two(many):
    for inv in all_of(many):
        if len(inv.vat_lines) < 2:
            continue
        text = " ".join(page_texts(inv.pdf))
        for v in inv.vat_lines:
            assert printed(text, v.base) and printed(text, v.amount), (inv.layout, inv.seed, v)
        assert re.search(r"\b7 %", text) and re.search(r"\b19 %", text)


# -- gartenbau_pflege -------------------------------------------------------------------------------------

PLANTS = (
    "Cotoneaster",
    "Lavendel",
    "Stiefmütterchen",
    "Hainbuche",
    "Blumenzwiebeln",
    "Felsenbirne",
    "Rasensaat",
)
ORDER = r"(?:Ihre Bestell-Nr\.|Ihre Auftrags-Nr\.|Bestellnummer)"
COST = r"(?:Ihre Kostenstelle|Ihr Zeichen|Sachkonto)"
DAY_LABEL = r"(?:Ausführungsdatum|Leistungsdatum|Ausgeführt am)"
ESTATE_HEAD = r"(?<!Summe )(?:Objekt \d: |Liegenschaft |Wirtschaftseinheit \S+ – )"
SUBTOTAL = r"(?:Summe (?:Objekt|Liegenschaft|Wirtschaftseinheit) \d|Zwischensumme [^\d]+?)"


def test_gardener_bills_properties_by_month_season_or_job(many):
    counts = dict.fromkeys(
        ("month", "season", "job_labelled", "job_in_subject", "several", "subtotals", "dated", "listed",
         "per_m2", "per_visit", "flat", "reduced", "full_rate", "order", "cost", "customer", "no_customer"),
        0,
    )  # fmt: skip
    for inv in many["gartenbau_pflege"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(r"Pflegevertrag(?: Nr\.)?:? \S+|Vertrags-Nr\.:? \S+", text), inv.seed
        assert re.search(r"Objekte?: ", text) or re.search(ESTATE_HEAD, text), inv.seed
        gross = cents(t["betrag_brutto"])
        assert gross in amounts_after(text, GROSS), inv.seed
        # the kind of invoice
        if "leistungsdatum" in t:
            counts["job_labelled"] += 1
            assert re.search(rf"{DAY_LABEL}:? (?:{any_date(t['leistungsdatum'])})", text), inv.seed
        elif "Ausgeführt am " in text:
            counts["job_in_subject"] += 1
        elif re.search(r"Saison \d{4}", text):
            counts["season"] += 1
            assert "Mähgänge am" not in text
        else:
            counts["month"] += 1
            assert re.search(rf"(?:{'|'.join(MONTHS_DE)}) \d{{4}}", text), inv.seed
        # the properties, with a subtotal each on some seeds that add up to the net
        heads = re.findall(ESTATE_HEAD, text)
        if len(heads) > 1:
            counts["several"] += 1
            subtotals = [de_number(m) for m in re.findall(rf"{SUBTOTAL} ({AMOUNT})", text)]
            if subtotals:
                counts["subtotals"] += 1
                assert len(subtotals) == len(heads) and sum(subtotals) == cents(t["betrag_netto"]), inv.seed
        # mowing per m² or per visit, dated in a column or listed in a note
        mows = [
            x for x in inv.items if x.description.startswith(("Rasenmähen", "Rasenpflege", "Rasenschnitt"))
        ]
        counts["per_visit"] += any(x.unit == "Pflegegang" for x in mows)
        counts["per_m2"] += any(x.unit == "m²" for x in mows)
        counts["flat"] += any(x.description.startswith("Pflegepauschale") for x in inv.items)
        if re.search(r"Pos\. Datum (?:Leistung|Bezeichnung|Beschreibung) ", text):
            counts["dated"] += 1
        if re.search(r"(?:Mähgänge|Pflegegänge|ausgeführt) am \d", text):
            counts["listed"] += 1
        # plants and seed at 7 % on some seeds with planting, everything else at 19 %
        reduced = [x for x in inv.items if x.rate == 7]
        if reduced:
            counts["reduced"] += 1
            assert all(any(p in x.description for p in PLANTS) for x in reduced), inv.seed
            assert "Anlage 2" in text
        else:
            counts["full_rate"] += 1
        # the order number under its label, never the cost reference or the contract
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(rf"{ORDER}:? {re.escape(t['bestellnummer'])}", text), inv.seed
        else:
            assert not re.search(ORDER, text)
            counts["cost"] += bool(re.search(COST, text))
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
    assert all(counts.values()), counts


def test_gardener_counts_hours_per_worker_metres_and_tonnes(many):
    counts = dict.fromkeys(("workers", "tonnes", "cubic", "hedge", "machines"), 0)
    for inv in many["gartenbau_pflege"]:
        text = " ".join(page_texts(inv.pdf))
        hours = {x.quantity for x in inv.items if x.unit == "Std."}
        for workers, each in re.findall(r"(\d) Mitarbeiter × (\d+(?:,\d)?) Std\.", text):
            counts["workers"] += 1
            assert Decimal(workers) * Decimal(each.replace(",", ".")) in hours, inv.seed
        for x in inv.items:
            if x.unit == "t":
                counts["tonnes"] += 1
                assert f"{x.quantity:.3f}".replace(".", ",") in text and "Wiegeschein Nr." in text
            counts["cubic"] += x.unit == "m³" and "Grünschnitt" in x.description
            if x.description.startswith("Heckenschnitt"):
                counts["hedge"] += 1
                assert x.unit == "lfm"
            counts["machines"] += x.description.startswith(("Aufsitzmäher", "Laubbläser", "Pritschenwagen"))
            assert to_cent(x.quantity * x.unit_price) > 0
    assert all(counts.values()), counts


# -- tagungshotel_seminar ---------------------------------------------------------------------------------

REST = r"(?:Restbetrag|Noch zu zahlen|Offener Betrag)"
HOTEL_GROSS = rf"(?:{GROSS}|Gesamtbetrag inkl\. MwSt\.|Rechnungsbetrag \(brutto\)|Gesamtsumme)(?: EUR)?"
HOTEL_ORDER = r"(?:Ihre Bestell-Nr\.|Ihre PO-Nummer|Bestellnummer)"
BOOKING = r"(?:Buchungs-Nr\.|Reservierungs-Nr\.|Vorgangs-Nr\.)"


def name_in_letterhead(pdf: bytes, name: str) -> bool:
    """`name` stands on the first page in large type (the letterhead's; the sender line and footer are small)."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return any(
            span["text"] == name and span["size"] > 9.5
            for block in doc[0].get_text("dict")["blocks"]
            for line in block.get("lines", ())
            for span in line["spans"]
        )


def test_hotel_bills_packages_and_rooms_at_their_rates(many):
    counts = dict.fromkeys(
        ("separate", "split", "package", "half_day", "two_days", "three_days", "gross_prices", "net_prices",
         "codes", "percent", "dinner", "brand_head", "legal_head", "greeting"),
        0,
    )  # fmt: skip
    for inv in many["tagungshotel_seminar"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert "Teilnehmerliste" in text or "Zimmerliste" in text
        assert re.search(r"Ihre Veranstaltung „|Tagung: |– Tagungsrechnung", text), inv.seed
        rooms = [x for x in inv.items if x.rate == 7]
        assert rooms and all(x.description.startswith("Übernachtung") and x.unit == "ÜN" for x in rooms)
        assert all("Frühstück" not in x.description or "Logis" in x.description for x in rooms)
        packages = [x for x in inv.items if x.description.startswith("Tagungspauschale")]
        assert packages and all(x.rate == 19 and x.unit == "Pers." for x in packages)
        persons = {x.quantity for x in packages}
        assert len(persons) == 1, inv.seed
        counts["two_days" if len(packages) == 2 else "three_days"] += 1
        counts["half_day"] += any("halbtägig" in x.description for x in packages)
        descriptions = [x.description for x in inv.items]
        if "Frühstücksbuffet" in descriptions:
            counts["separate"] += 1
        elif any("Anteil Frühstück" in d for d in descriptions):
            counts["split"] += 1
        else:
            counts["package"] += 1
            assert "Business-Package" in descriptions
        breakfast = [x for x in inv.items if "Frühstück" in x.description and "Logis" not in x.description]
        assert all(x.rate == 19 for x in breakfast)
        counts["dinner"] += any(x.description.startswith("Getränke zum Abendessen") for x in inv.items)
        # prices net, or gross with whole-euro nets (exact to the cent)
        if re.search(r"(?:Einzelpreis|EP|Preis) brutto", text):
            counts["gross_prices"] += 1
            for x in inv.items:
                assert x.unit_price == x.unit_price.to_integral(), inv.seed
                assert printed(text, x.unit_price * (100 + x.rate) / 100), (inv.seed, x)
        else:
            counts["net_prices"] += 1
            for x in inv.items:
                assert printed(text, x.unit_price), (inv.seed, x)
        counts["codes" if "B = 19 %" in text else "percent"] += 1
        counts["greeting"] += "Sehr geehrte" in text
        counts["legal_head" if name_in_letterhead(inv.pdf, t["lieferant"]) else "brand_head"] += 1
    assert all(counts.values()), counts


def test_hotel_deducts_a_deposit_from_the_whole_invoice(many):
    counts = dict.fromkeys(("deposit", "no_deposit", "order", "no_order", "booking", "customer"), 0)
    for inv in many["tagungshotel_seminar"]:
        t, text = inv.truth, " ".join(page_texts(inv.pdf))
        gross = cents(t["betrag_brutto"])
        assert gross in amounts_after(text, HOTEL_GROSS), inv.seed
        deducted = re.search(
            rf"abzgl\. (?:Anzahlung|Vorauszahlung|geleistete Anzahlung) .*? ({AMOUNT}){CUR}", text
        )
        if deducted:
            counts["deposit"] += 1
            paid = -de_number(deducted[1])
            assert paid % 100 == 0 and 0 < paid < gross, inv.seed
            assert amounts_after(text, REST) == [gross - paid], inv.seed
        else:
            counts["no_deposit"] += 1
            assert not re.search(REST, text)
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(rf"{HOTEL_ORDER}:? {re.escape(t['bestellnummer'])}", text), inv.seed
        else:
            counts["no_order"] += 1
            assert not re.search(HOTEL_ORDER, text)
        booking = re.search(rf"{BOOKING}:? (\S+)", text)
        if booking:
            counts["booking"] += 1
            assert booking[1] not in (t.get("bestellnummer"), t.get("kundennummer"), t["rechnungsnummer"])
        counts["customer"] += "kundennummer" in t
    assert all(counts.values()), counts

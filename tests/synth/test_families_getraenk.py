"""The families of families_getraenk: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from stdnum.eu import at_02

from benchmarks.synth.families_getraenk import GETRAENK_FAMILIES, draw_getraenk
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    TRUTH_KEYS,
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
    german_printed_forms,
    iban_in_fours,
    printed_gross,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed, date_forms
from tests.synth.test_synth import page_texts

NAMES = ("getraenke_pfand", "veranstaltungstechnik_miete")
KEYS = ALL_TRUTH_KEYS
DATE = r"(\d\d\.\d\d\.\d\d(?:\d\d)?|\d\d?\. [A-ZÄ][a-zä]+ \d{4})"
GROSS = r"(Gesamtbetrag|Rechnungsbetrag|Endbetrag|Zu zahlen|Bruttobetrag)"
# Deposits per crate, bottle, can or keg, and per crate with its bottles (6, 12, 20 or 24 at 0,15 or 0,08).
DEPOSITS = {Decimal(v) for v in ("1.50", "0.15", "0.08", "0.25", "30.00")} | {
    Decimal("1.50") + n * Decimal(b) for n in (6, 12, 20, 24) for b in ("0.15", "0.08")
}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(iban=iban_in_fours)


def printed_day(text: str, label: str, iso: str) -> bool:
    """The date `iso` stands after `label` (directly, or with other labels of a detail block between)."""
    day = dt.date.fromisoformat(iso)
    forms = {f"{day:%d.%m.%Y}", f"{day:%d.%m.%y}"} | date_forms(iso)
    return any(re.search(rf"{label}:?(?: [^\d€]{{0,60}}?)? {re.escape(f)}", text) for f in forms)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(GETRAENK_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_getraenk)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"ust_id"}, KEYS)
        for key in ("datum", "leistungsdatum"):
            if key in t:
                day = dt.date.fromisoformat(t[key])
                assert not dt.date(2020, 7, 1) <= day <= dt.date(2021, 1, 15)  # German VAT 16 % and 5 % then
        assert t["waehrung"] == "EUR"
        assert "bic" not in t or "iban" in t
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]
        if inv.layout == "getraenke_pfand":
            assert "kundennummer" in t
        else:
            assert {"iban", "bic"} <= set(t)


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many,
        lambda inv, rates: (
            rates
            <= ({Decimal(19)} if inv.layout == "veranstaltungstechnik_miete" else {Decimal(19), Decimal(7)})
            and Decimal(19) in rates
        ),
        positive_bases=True,
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, ust_id_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- getraenke_pfand --------------------------------------------------------------------------------------


def test_getraenke_pfand_prints_a_delivery_invoice_with_deposits(many):
    counts = dict.fromkeys(
        ("mixed", "only_19", "deposit_7", "split", "combined", "inline", "end", "empties", "keg", "fee",
         "delivery", "no_delivery", "order", "debit", "transfer", "skonto", "codes", "kg", "ek", "summary",
         "rate_table", "art_column"),
        0,
    )  # fmt: skip
    for inv in many["getraenke_pfand"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["kundennummer"] in texts[0]
        assert re.search(r"(Lieferschein-Nr\.|Lieferschein|LS-Nr\.):? [\w-]+", texts[0])
        assert re.search(r"(Tour|Fahrer(/in)?):? \w", texts[0])
        assert re.search(rf"{GROSS}( EUR)?", text) and any_printed(text, t["betrag_brutto"])
        assert not re.search(r"(?<![\d,])(16|5) ?% (MwSt|USt)|(MwSt\.|USt) (16|5) ?%", text)
        rates = {item.rate for item in inv.items}
        counts["mixed" if rates == {19, 7} else "only_19"] += 1
        deposits = [
            item for item in inv.items if "pfand" in item.description.lower() or "Leergut" in item.description
        ]
        assert deposits, inv.seed  # every seed delivers bottles on deposit
        assert all(item.unit_price in DEPOSITS for item in deposits), inv.seed
        counts["deposit_7"] += any(item.rate == 7 for item in deposits)
        counts["split"] += bool(re.search(r"(Pfand Kasten|Kastenpfand)", text))
        counts["combined"] += bool(re.search(r"Pfand \d\d? x 0,\d\d \+ 1,50", text))
        kinds = ["deposit" if item in deposits else item.unit for item in inv.items]
        kinds = [kind if kind in ("deposit", "pausch.") else "goods" for kind in kinds]  # fees apart
        inline = "goods" in kinds[kinds.index("deposit") :]
        counts["inline" if inline else "end"] += 1
        empties = [item for item in inv.items if item.total < 0]
        if empties:
            counts["empties"] += 1
            assert re.search(r"Leergut", text)
            assert all("Leergut" in item.description for item in empties)
            assert all(any_printed(text, float(item.total)) for item in empties)
        counts["keg"] += "Fass" in text
        counts["fee"] += bool(
            re.search(r"(Zustell|Lieferpauschale|Anlieferung|Mindermengen|Etagenzustellung)", text)
        )
        if "leistungsdatum" in t:
            counts["delivery"] += 1
            assert printed_day(text, r"(Lieferdatum|Liefertag|geliefert am)", t["leistungsdatum"]), inv.seed
        else:
            counts["no_delivery"] += 1
            assert not re.search(r"(Lieferdatum|Liefertag|geliefert am)", text)
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(r"(Kunden-Bestellnr\.|Ihre Bestellnummer|Ihre Bestell-Nr\.)", text)
        if "Gläubiger-ID" in text:
            counts["debit"] += 1
            creditor = re.search(r"Gläubiger-ID: (DE\d\dZZZ\d{11})\b", text)
            assert creditor and at_02.is_valid(creditor[1]) and "Mandatsreferenz: " in text
        else:
            counts["transfer"] += 1
            assert "iban" in t and "Lastschrift" not in text
        if "Skonto" in text:
            counts["skonto"] += 1
            assert re.search(r"\d % Skonto auf den Warenwert \(\d+,\d\d", text)
        counts["codes"] += "MwSt-Kennzeichen" in text
        if "GmbH & Co. KG" in t["lieferant"]:
            counts["kg"] += 1
            assert "Persönlich haftende Gesellschafterin" in text and "HRA " in text and "HRB " in text
        else:
            counts["ek"] += 1
            assert t["lieferant"].endswith("e.K.") and "Inhaber: " in text and "HRB " not in text
        counts["summary"] += bool(re.search(r"(Warenwert|Summe Ware)", text))
        counts["rate_table"] += bool(re.search(r"(MwSt-Satz|USt %)", text))
        counts["art_column"] += bool(re.search(r"(Art\.-Nr\.|Artikel|ArtNr) ", text))
    assert all(n >= 2 for n in counts.values()), counts


def test_getraenke_pfand_runs_onto_a_second_page_on_few_seeds(many):
    pages = [inv.truth["pages"] for inv in many["getraenke_pfand"]]
    assert 1 in pages and 2 in pages and pages.count(1) > 2 * pages.count(2)
    for inv in many["getraenke_pfand"]:
        texts = page_texts(inv.pdf)
        if len(texts) > 1:
            assert "Seite 2 von 2" in texts[1] and inv.truth["rechnungsnummer"] in texts[1]


# -- veranstaltungstechnik_miete --------------------------------------------------------------------------


def test_veranstaltungstechnik_miete_prints_a_rental_invoice(many):
    counts = dict.fromkeys(
        ("factor_column", "factor_note", "factor_head", "discount_table", "discount_totals", "discount_base",
         "insurance", "night", "km", "lump", "netted", "refund", "info", "leistung", "order", "confirmation",
         "sums", "carry", "two_pages"),
        0,
    )  # fmt: skip
    for inv in many["veranstaltungstechnik_miete"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        for word in ("Veranstaltung", "Mietzeitraum", "Angebot", "Faktor", "Std.", "19 %", "Amtsgericht"):
            assert word in text, (word, inv.seed)
        assert re.search(rf"Mietzeitraum: ({DATE}|\d\d\.\d\d\.–|\w\w, )", text)
        assert re.search(rf"[\w-]+ vom {DATE}", text)
        assert not re.search(r"(?<![\d,])(7|16) ?% (MwSt|USt)|(MwSt\.|USt\.?|Umsatzsteuer) (7|16) ?%", text)
        assert re.search(rf"{GROSS}( EUR)?", text) and any_printed(text, t["betrag_brutto"])
        counts["factor_column"] += bool(re.search(r"Faktor Gesamt|Faktor Betrag", text))
        counts["factor_note"] += "× Faktor" in text
        counts["factor_head"] += bool(re.search(r"\(\d Tage?, Faktor \d,\d\)", text))
        discount = [item for item in inv.items if item.total < 0]
        if discount:
            (cut,) = discount
            assert any_printed(text, float(cut.total))
            if re.search(r"abzgl\. \d+ % Rabatt", text):
                counts["discount_totals"] += 1
            else:
                counts["discount_table"] += 1
                assert re.search(r"Rabatt \d+ % auf Mietmaterial", text)
            counts["discount_base"] += bool(re.search(r"\d+ % (von|Rabatt auf) \d", text))
        counts["insurance"] += bool(re.search(r"(Versicherung|Haftungsreduzierung).{0,40} \d+ % von", text))
        counts["night"] += "Nachtzuschlag 25 %" in text
        counts["km"] += bool(re.search(r"\d+ km", text))
        counts["lump"] += "Transport Hin- und Rückfahrt" in text
        gross = cents(t["betrag_brutto"])
        if "abzgl. Kaution vom" in text:
            counts["netted"] += 1
            rest = re.search(r"(Restbetrag|Zahlbetrag|Noch zu zahlen)", text)
            assert rest
            paid = re.search(r"abzgl\. Kaution vom \S+( \S+ \d{4})? -(\d{1,3}(?:[ .]\d{3})*,\d\d)", text)
            assert paid, inv.seed
            kaution = Decimal(paid[2].replace(" ", "").replace(".", "").replace(",", "."))
            assert 0 < kaution < gross and any_printed(text, float(gross - kaution))
        counts["refund"] += "erstatten wir" in text
        counts["info"] += bool(re.search(r"Kaution: \d", text))
        if "leistungsdatum" in t:
            counts["leistung"] += 1
            assert printed_day(text, r"(Leistungsdatum|Leistungstag)", t["leistungsdatum"]), inv.seed
        else:
            assert not re.search(r"Leistungs(datum|tag)", text)
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(r"(Ihre Bestell-Nr\.|Ihre Auftragsnummer|Ihre PO-Nummer)", text)
        counts["confirmation"] += "Auftragsbestätigung" in text
        counts["sums"] += bool(re.search(r"Summe (Beschallung|Licht|Video|Bühne|Strom|Personal)", text))
        counts["carry"] += "Übertrag" in text
        if len(texts) > 1:
            counts["two_pages"] += 1
            assert f"Seite 2 von {len(texts)}" in texts[1] and t["rechnungsnummer"] in texts[1]
    assert all(n >= 2 for n in counts.values()), counts


def test_veranstaltungstechnik_miete_factors_fit_the_rental_period(many):
    """The factor printed with the period (1 day 1,0, each further day 0,5 more) is the one the items use."""
    seen = 0
    for inv in many["veranstaltungstechnik_miete"]:
        text = text_of(inv.pdf)
        head = re.search(r"\((\d) Tage?, Faktor (\d),(\d)\)", text)
        if head:
            seen += 1
            days, factor = int(head[1]), Decimal(f"{head[2]}.{head[3]}")
            assert factor == 1 + Decimal("0.5") * (days - 1)
    assert seen >= 5

"""The families of families_stempel: never-tuned, deterministic, truth adds up, printed, fits the page, and
the stamps put on the invoices leave every truth value readable."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pymupdf
import pytest

from benchmarks.synth.families_stempel import INKS, STEMPEL_FAMILIES, draw_stempel
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
from tests.synth.test_synth import page_texts

NAMES = ("eingangsstempel", "bezahlt_kopie")
REQUIRED = {
    "rechnungsnummer",
    "datum",
    "betrag_netto",
    "mwst",
    "betrag_brutto",
    "waehrung",
    "lieferant",
    "pages",
    "ust_id",
    "iban",
}
KEYS = {
    "eingangsstempel": REQUIRED | {"steuernummer", "bic", "kundennummer", "leistungsdatum"},
    "bezahlt_kopie": REQUIRED | {"steuernummer", "bic", "kundennummer", "leistungsdatum"},
}
RATES = {"eingangsstempel": [{19}, {19, 7}], "bezahlt_kopie": [{19}, {19, 7}]}
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
DE_MONTHS = ("JAN", "FEB", "MRZ", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")
EN_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
STAMP_DAY = rf"\d\d\. (?:{'|'.join(DE_MONTHS)}) \d{{4}}|\d\d (?:{'|'.join(EN_MONTHS)}) \d{{4}}|\d\d\.\d\d\.\d\d(?:\d\d)?"
HAND_DAY = r"\d{1,2}\.\d{1,2}\.\d\d"
GROSS = r"Gesamtbetrag|Rechnungsbetrag|Bruttobetrag|Summe brutto|Endbetrag"
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


def stamp_day(text: str) -> dt.date:
    """A day as a date stamp or a hand prints it: 12. MRZ 2024, 12 MAR 2024, 12.03.24, 12.03.2024, 12.3.24."""
    m = re.fullmatch(r"(\d\d)\.? ([A-Z]{3}) (\d{4})", text)
    if m:
        months = DE_MONTHS if m[2] in DE_MONTHS else EN_MONTHS
        return dt.date(int(m[3]), months.index(m[2]) + 1, int(m[1]))
    day, month, year = text.split(".")
    return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}):? ({AMOUNT}){CUR}", text)]


def ink_boxes(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """The upright boxes of what is drawn in a stamp's ink (frames, grid lines)."""
    inks = {tuple(round(v, 2) for v in ink) for ink in INKS.values()}
    return [
        d["rect"]
        for d in page.get_drawings()
        if d.get("color") and tuple(round(v, 2) for v in d["color"]) in inks
    ]


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(STEMPEL_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_stempel)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS[inv.layout])
        assert t["waehrung"] == "EUR" and t["pages"] == 1
        assert not in_second_half_of_2020(t["datum"])
        if inv.layout == "eingangsstempel":
            assert "bic" in t
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] < t["datum"]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_one_of(RATES), positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True, ust_id_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- the stamps -------------------------------------------------------------------------------------------


def test_stamps_cover_no_truth_value(many):
    """No frame or line in a stamp's ink covers more than 30 % of a truth value printed in black."""
    keys = ("rechnungsnummer", "datum", "leistungsdatum", "kundennummer", "betrag_netto", "mwst", "betrag_brutto",
            "iban", "bic", "ust_id", "steuernummer")  # fmt: skip
    for inv in all_of(many):
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            page = doc[0]
            text = page_texts(inv.pdf)[0]
            black = [
                pymupdf.Rect(span["bbox"])
                for block in page.get_text("dict")["blocks"]
                for line in block.get("lines", ())
                for span in line["spans"]
                if span["color"] == 0 and line["dir"] == (1.0, 0.0)
            ]
            inks = ink_boxes(page)
            assert inks, inv.seed
            for key in keys:
                if key not in inv.truth:
                    continue
                forms = [f for f in printed_forms(key, inv.truth[key]) if f in text]
                boxes = [r for f in forms for span in black for r in page.search_for(f, clip=span)]
                assert boxes, (inv.layout, inv.seed, key)
                for box in boxes:
                    for ink in inks:
                        cut = ink & box
                        share = 0 if cut.is_empty else cut.get_area() / box.get_area()
                        assert share <= 0.3, (inv.layout, inv.seed, key, box, ink)


def test_received_stamp_dates_a_later_day_and_a_booking(many):
    counts = dict.fromkeys(("note", "no_note", "grid", "no_grid", "split", "month_word", "seven"), 0)
    for inv in many["eingangsstempel"]:
        t, text = inv.truth, page_texts(inv.pdf)[0]
        m = re.search(rf"(?:EINGEGANGEN|Eingegangen|EINGANG|Eingang|ERHALTEN) ({STAMP_DAY})", text)
        assert m, (inv.seed, text[-300:])
        received = stamp_day(m[1])
        day = dt.date.fromisoformat(t["datum"])
        assert 2 <= (received - day).days <= 12, inv.seed
        counts["month_word"] += bool(re.search(r"[A-Z]{3} \d{4}", m[1]))
        note = re.search(r"(?:Erl\.|Kst\.|Bearb\.|Vermerk): \S+", text)
        counts["note" if note else "no_note"] += 1
        counts["seven"] += any(item.rate == 7 for item in inv.items)
        if "Konto" in text:
            counts["grid"] += 1
            grid = text[text.index("Konto") :]
            written = [de_number(a) for a in re.findall(r"\d+(?:\.\d{3})*,\d\d", grid)]
            assert sum(written) == cents(t["betrag_brutto"]), (inv.seed, written)
            counts["split"] += len(written) == 2
            booked = stamp_day(re.search(HAND_DAY, grid)[0])
            assert booked > received
        else:
            counts["no_grid"] += 1
    assert all(counts.values()), counts


def test_paid_stamp_dates_the_payment_after_the_invoice(many):
    counts = dict.fromkeys(("watermark", "no_watermark", "highlight", "skonto", "prepaid", "seven", "no_bic"), 0)
    for inv in many["bezahlt_kopie"]:
        t, text = inv.truth, page_texts(inv.pdf)[0]
        m = re.search(rf"(?:BEZAHLT (?:am )?|Bezahlt am |BEZAHLT Datum: )({STAMP_DAY}|{HAND_DAY})", text)
        assert m, (inv.seed, text[-300:])
        paid = stamp_day(m[1])
        day = dt.date.fromisoformat(t["datum"])
        assert 4 <= (paid - day).days <= 33, inv.seed
        counts["watermark" if re.search(r"KOPIE|DUPLIKAT|Zweitschrift", text) else "no_watermark"] += 1
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            counts["highlight"] += any(d.get("fill") and d["fill"][2] < 0.3 for d in doc[0].get_drawings())
        counts["seven"] += any(item.rate == 7 for item in inv.items)
        counts["no_bic"] += "bic" not in t
        gross = cents(t["betrag_brutto"])
        assert gross in amounts_after(text, rf"(?:{GROSS})(?: EUR)?"), inv.seed
        if "Skonto" in text:
            counts["skonto"] += 1
            assert "Anzahlung" not in text
        if "Anzahlung vom" in text:
            counts["prepaid"] += 1
            prepaid = re.search(rf"abzgl\. Anzahlung vom ([\d.]+) -({AMOUNT}){CUR}", text)
            assert prepaid and stamp_day(prepaid[1]) < day, inv.seed
            rest = amounts_after(text, r"Restbetrag|Noch zu zahlen|Zahlbetrag")
            assert rest and rest[0] == gross - de_number(prepaid[2]) < gross, inv.seed
    assert all(counts.values()), counts

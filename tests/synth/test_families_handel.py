"""The families of families_handel: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from benchmarks.synth.families_handel import HANDEL_FAMILIES, draw_handel
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
    printed_gross,
    seeded,
)
from tests.synth.test_families import date_forms
from tests.synth.test_synth import page_texts

NAMES = ("werbemittel_druck", "reinigung_fensterputz")
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
KEYS = REQUIRED | {"ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer", "leistungsdatum"}
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


def to_cent(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}) ({AMOUNT}){CUR}", text)]


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(HANDEL_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_handel)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        assert "iban" in t and t["waehrung"] == "EUR"
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 6, 15) <= day <= dt.date(2021, 1, 31)  # German VAT 16 % then
        if "leistungsdatum" in t:
            assert dt.date.fromisoformat(t["leistungsdatum"]) <= day
        if inv.layout == "werbemittel_druck":
            assert "kundennummer" in t
        else:
            assert "bestellnummer" not in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, lambda inv, rates: rates == {Decimal(19)}, positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- werbemittel_druck -------------------------------------------------------------------------------------


def check_articles(inv, text: str) -> None:
    """Every article: its number printed, its price per piece with four decimals, the total to the cent."""
    articles = [item for item in inv.items if item.article]
    assert articles, inv.seed
    for item in articles:
        assert item.article in text
        assert item.unit == "Stk." and item.quantity == item.quantity.to_integral()
        price = f"{item.unit_price:.4f}".replace(".", ",")
        assert re.search(rf"(?<![\d,]){price}(?!\d)", text), (inv.seed, price)
        assert item.total == to_cent(item.quantity * item.unit_price)


def test_werbemittel_druck_prints_articles_per_piece(many):
    counts = dict.fromkeys(
        ("art_column", "art_note", "print_line", "print_included", "tiers", "klischee", "sieb", "vorlage",
         "sample", "small", "partial", "order", "zeichen", "ab", "delivery_head", "delivery_subject",
         "skonto", "several"),
        0,
    )  # fmt: skip
    for inv in many["werbemittel_druck"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert cents(t["betrag_brutto"]) in amounts_after(text, GROSS), inv.seed
        assert re.search(
            rf"(Kunden-Nr\.|Kundennummer|Ihre Kd\.-Nr\.):? {re.escape(t['kundennummer'])}", texts[0]
        )
        check_articles(inv, text)
        counts["several"] += sum(1 for item in inv.items if item.article) > 1
        counts["art_note" if re.search(r"Art\.-Nr\. \d\d-\d{4}", text) else "art_column"] += 1
        descriptions = " ".join(item.description for item in inv.items)
        if "Druckkosten" in descriptions:
            counts["print_line"] += 1
            assert not re.search(r"inkl\. (Tampon|Sieb)druck", descriptions)
        else:
            counts["print_included"] += 1
            assert re.search(r"inkl\. (Tampon|Sieb)druck \d-farbig", text)
        tiers = re.findall(r"Staffel: ab [^\n]*", text)
        counts["tiers"] += bool(tiers)
        counts["klischee"] += "Klischee je Farbe" in descriptions
        counts["sieb"] += "Siebkosten je Farbe" in descriptions
        counts["vorlage"] += "Druckvorlage" in descriptions
        counts["sample"] += "uster" in descriptions
        counts["small"] += "Mindermengenzuschlag" in descriptions
        assert re.search(r"Fracht|Versand", descriptions)
        partial = re.search(r"Teillieferung: ([\d. ]+) von ([\d. ]+) Stk\.", text)
        if partial:
            counts["partial"] += 1
            delivered, ordered = (int(re.sub(r"\D", "", x)) for x in partial.groups())
            assert delivered < ordered
            assert any(item.article and item.quantity == delivered for item in inv.items), inv.seed
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(
                rf"(Ihre Bestellung|Ihre Bestell-Nr\.|Bestell-Nr\.):? {t['bestellnummer']}", text
            )
        else:
            counts["zeichen"] += 1
            assert "Ihr Zeichen: " in text
        ab = re.search(r"AB (\d{5})", text)
        if ab:
            counts["ab"] += 1
            assert ab[1] not in (t.get("bestellnummer"), t["rechnungsnummer"])
        note = re.search(r"Lieferschein(?:-Nr\.)?:? (\S+(?: \d+)?)", text)
        assert note and note[1] != t["rechnungsnummer"]
        if "leistungsdatum" in t:
            counts["delivery_head"] += 1
            assert re.search(
                rf"(Lieferdatum|Liefertag|Versanddatum):? ({any_date(t['leistungsdatum'])})", text
            )
        else:
            counts["delivery_subject"] += 1
            assert re.search(r"Lieferschein \S+(?: \d+)? vom ", text)
        counts["skonto"] += "Skonto" in text
    assert all(counts.values()), counts


# -- reinigung_fensterputz ---------------------------------------------------------------------------------


def test_reinigung_fensterputz_prints_a_quarter_of_window_cleaning(many):
    counts = dict.fromkeys(
        ("groups", "dated", "summed", "frames_m2", "frames_windows", "no_frames", "lift", "special", "debit",
         "skonto", "callout", "floors", "one_visit", "visits", "customer", "no_customer"),
        0,
    )  # fmt: skip
    for inv in many["reinigung_fensterputz"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert cents(t["betrag_brutto"]) in amounts_after(text, GROSS), inv.seed
        assert all("Meisterbetrieb" in page for page in texts), inv.seed
        quarter = re.search(r"(\d)\. Quartal (\d{4})", text)
        assert quarter
        q, year = int(quarter[1]), int(quarter[2])
        assert dt.date.fromisoformat(t["datum"]) > dt.date(year, 3 * q, 28)
        contract = re.search(r"(Vertrags-Nr\.|Vertragsnummer|Rahmenvertrag):? (\S+(?: \d+)?)", text)
        assert contract and contract[2] not in (t.get("kundennummer"), t["rechnungsnummer"])
        assert f"Reinigungsvertrag Nr. {contract[2]} vom" in text
        glass = [item for item in inv.items if item.unit == "m²" and "Rahmen" not in item.description]
        assert glass, inv.seed
        for item in inv.items:
            if item.unit == "m²":
                assert item.quantity.as_tuple().exponent >= -2
                assert item.total == to_cent(item.quantity * item.unit_price)
        if "leistungsdatum" in t:
            counts["one_visit"] += 1
            label = r"(Ausführungsdatum|Leistungsdatum|Reinigung am)"
            assert re.search(rf"{label}:? ({any_date(t['leistungsdatum'])})", texts[0]), inv.seed
            assert not re.search(r"(Ausführungstermine|Reinigungstermine):", text)
        else:
            counts["visits"] += 1
            assert re.search(r"(Ausführungstermine|Reinigungstermine): .+ und ", text)
        if text.count("Reinigung am ") >= 2:
            counts["groups"] += 1
            assert "leistungsdatum" not in t, inv.seed
        elif re.search(r"Reinigung(?:en)?\s+à", text):
            counts["summed"] += 1
        else:
            counts["dated"] += 1
            assert re.search(r"\b\d\d\.\d\d\.\d\d \d", text), inv.seed  # the date column's short dates
        frames = [item for item in inv.items if "Rahmenreinigung" in item.description]
        if not frames:
            counts["no_frames"] += 1
        counts["frames_m2"] += any(item.unit == "m²" for item in frames)
        counts["frames_windows"] += any(item.unit == "Fenster" for item in frames)
        counts["lift"] += "Hubsteiger" in text
        counts["special"] += "Sonderreinigung" in text
        counts["callout"] += "Anfahrtspauschale" in text
        counts["floors"] += bool(re.search(r"EG \d[\d. ]*,\d\d m²", text))
        if "SEPA-Lastschrift" in text:
            counts["debit"] += 1
            assert "Gläubiger-ID DE" in text and "Skonto" not in text
        counts["skonto"] += "Skonto" in text
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
    assert all(counts.values()), counts

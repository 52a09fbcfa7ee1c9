"""The families of families_lieferschein: never-tuned, deterministic, truth adds up, printed, fits the
page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from benchmarks.synth.families_lieferschein import LIEFERSCHEIN_FAMILIES, draw_lieferschein
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
    seeded,
)
from tests.synth.test_synth import page_texts

NAMES = ("baustoff_sammelrechnung", "dolmetscher_jveg")
REQUIRED = {"rechnungsnummer", "datum", "betrag_netto", "betrag_brutto", "waehrung", "lieferant", "pages"}
KEYS = REQUIRED | {"mwst", "ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer",
                   "leistungsdatum"}  # fmt: skip
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
DAY = rf"\d\d\.\d\d\.(?:\d{{4}}|\d\d)(?!\d)|\d{{1,2}}\. (?:{'|'.join(MONTHS_DE)}) \d{{4}}"
DURATION = r"\d+:\d\d Std\.|\d+ Std\.(?: \d\d Min\.)?|\d+ Min\."
NEW_LAW = dt.date(2021, 1, 1)
LEGAL_FORM = re.compile(r"\b(?:GmbH|AG|KG|e\.K\.|OHG|UG|mbH|PartG)\b")
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 16)


def german_day(text: str) -> dt.date:
    """A printed German date: 03.04.2024, 03.04.24 or 3. April 2024."""
    long = re.fullmatch(rf"(\d{{1,2}})\. ({'|'.join(MONTHS_DE)}) (\d{{4}})", text)
    if long:
        return dt.date(int(long[3]), MONTHS_DE.index(long[2]) + 1, int(long[1]))
    return dt.datetime.strptime(text, "%d.%m.%Y" if len(text) == 10 else "%d.%m.%y").date()


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}):? ({AMOUNT}){CUR}", text)]


def minutes_of(duration: str) -> int:
    """A printed duration ("6:05 Std.", "6 Std. 05 Min.", "6 Std.", "50 Min.") in minutes."""
    numbers = [int(x) for x in re.findall(r"\d+", duration)]
    if "Std" not in duration:
        return numbers[0]
    return 60 * numbers[0] + (numbers[1] if len(numbers) > 1 else 0)


def billed(minutes: int) -> Decimal:
    """§ 8 Abs. 2 JVEG, written independently: whole hours, the last started one in full above 30 minutes,
    as half an hour up to 30."""
    hours = Decimal(minutes) / 60
    whole = int(hours)
    rest = minutes - 60 * whole
    return Decimal(whole) + (0 if rest == 0 else Decimal("0.5") if rest <= 30 else 1)


def clock(text: str) -> int:
    h, m = text.split(":")
    return 60 * int(h) + int(m)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(LIEFERSCHEIN_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_lieferschein)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        dealer = inv.layout == "baustoff_sammelrechnung"
        assert_truth_format(
            inv,
            REQUIRED,
            KEYS,
            amounts="positive" if dealer else "not negative",
            mwst_may_be_absent=not dealer,
        )
        assert t["betrag_netto"] > 0
        assert t["waehrung"] == "EUR" and "iban" in t and ("ust_id" in t or "steuernummer" in t)
        assert not in_second_half_of_2020(t["datum"])
        assert "bestellnummer" not in t
        if dealer:
            assert "mwst" in t and "kundennummer" in t and "leistungsdatum" not in t
            assert t["pages"] in (1, 2)
            assert t["lieferant"].endswith(("GmbH & Co. KG", "GmbH"))
        else:
            assert "kundennummer" not in t
            assert not LEGAL_FORM.search(t["lieferant"]) and len(t["lieferant"].split()) >= 2
            if "leistungsdatum" in t:
                assert dt.date.fromisoformat(t["leistungsdatum"]) < dt.date.fromisoformat(t["datum"])
            if "mwst" not in t or t["mwst"] == 0:
                assert "steuernummer" in t and t["betrag_netto"] == t["betrag_brutto"]


def test_amounts_add_up_per_rate(many):
    def rates_ok(inv, rates):
        if inv.layout == "baustoff_sammelrechnung":
            return rates == {Decimal(19)}
        return rates in ({Decimal(19)}, {Decimal(0)})

    assert_amounts_add_up(many, rates_ok, positive_bases=True, mwst_may_be_absent=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- baustoff_sammelrechnung ------------------------------------------------------------------------------

NOTE = r"(?:Lieferschein(?:-Nr\.)?|LS) (\d[\d-]*) (?:vom|·)"
SUBTOTAL = rf"(?:Summe Lieferschein|Zwischensumme LS|Summe Rücknahmeschein) \S+ ({AMOUNT})"


def test_baustoff_groups_a_month_of_delivery_notes(many):
    counts = dict.fromkeys(
        ("one_page", "two_pages", "carried", "subtotals", "no_subtotals", "returns", "no_returns", "pickup",
         "bulk", "two_sites", "one_site", "art_column"),
        0,
    )  # fmt: skip
    for inv in many["baustoff_sammelrechnung"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(rf"(?:Kunden-Nr\.|Kundennummer):? {re.escape(t['kundennummer'])}", text), inv.seed
        # the month billed, and every delivery note of it
        month = re.search(
            rf"(?:Lieferungen im|Monatsabrechnung|Sammelrechnung) ({'|'.join(MONTHS_DE)}) (\d{{4}})", text
        )
        assert month, inv.seed
        first = dt.date(int(month[2]), MONTHS_DE.index(month[1]) + 1, 1)
        day = dt.date.fromisoformat(t["datum"])
        assert first < day and not in_second_half_of_2020(first.isoformat())
        notes = re.findall(rf"{NOTE} ({DAY})", text)
        numbers = [n for n, _ in notes]
        assert notes and len(set(numbers)) == len(numbers), inv.seed
        assert not {t["rechnungsnummer"], t["kundennummer"]} & set(numbers)
        for _, printed in notes:
            delivered = german_day(printed)
            assert (delivered.year, delivered.month) == (first.year, first.month) and delivered.weekday() < 5
        # goods, pallets and freight
        rebar = [x for x in inv.items if x.unit == "t"]
        assert all(x.quantity == x.quantity.quantize(Decimal("0.001")) for x in rebar)
        for x in rebar:
            assert f"{x.quantity:.3f}".replace(".", ",") in text
        counts["bulk"] += "Wiegeschein Nr." in text
        pallets = [x for x in inv.items if x.article == "990010"]
        charged = sum((x.quantity for x in pallets if x.quantity > 0), Decimal(0))
        back = [x for x in pallets if x.quantity < 0]
        assert all("Rücknahmeschein" in x.description for x in back)
        assert -sum((x.quantity for x in back), Decimal(0)) <= charged
        counts["returns" if back else "no_returns"] += 1
        pickups = text.count("Abholung ab Lager")
        counts["pickup"] += pickups > 0
        freight = [x for x in inv.items if x.article == "900010"]
        assert len(freight) == len(notes) - pickups, inv.seed
        # subtotals per delivery note add up to the net
        subtotals = [de_number(m) for m in re.findall(SUBTOTAL, text)]
        if subtotals:
            counts["subtotals"] += 1
            assert sum(subtotals, Decimal(0)) == cents(t["betrag_netto"]), inv.seed
        else:
            counts["no_subtotals"] += 1
        # one or two pages; the running net carried over where the table breaks
        counts["one_page" if t["pages"] == 1 else "two_pages"] += 1
        if t["pages"] == 2:
            assert "Seite 2 von 2" in texts[1] and t["rechnungsnummer"] in texts[1]
            below = amounts_after(texts[0], r"Übertrag auf Seite 2|Zwischensumme / Übertrag|Übertrag")
            above = amounts_after(texts[1], r"Übertrag von Seite 1|Übertrag")
            assert below == above
            if below:
                counts["carried"] += 1
                assert 0 < below[0] < cents(t["betrag_netto"]) + 1000
        else:
            assert "Übertrag" not in text
        counts["two_sites" if "Baustellen:" in text else "one_site"] += 1
        counts["art_column"] += any(re.search(rf"\b{x.article}\b", text) for x in inv.items)
    assert all(counts.values()), counts


def test_baustoff_offers_skonto_and_notes_the_withholding_tax(many):
    counts = dict.fromkeys(
        ("rows", "sentence", "on_gross", "on_goods", "bauabzug", "freistellung", "no_note"), 0
    )
    for inv in many["baustoff_sammelrechnung"]:
        t, text = inv.truth, " ".join(page_texts(inv.pdf))
        gross, day = cents(t["betrag_brutto"]), dt.date.fromisoformat(t["datum"])
        rows = re.search(rf"abzgl\. ([23]) % Skonto bei Zahlung bis ({DAY}) ({AMOUNT}){CUR}", text)
        if rows:
            counts["rows"] += 1
            pct, until, cut = int(rows[1]), german_day(rows[2]), -de_number(rows[3])
            (rest,) = amounts_after(text, "Zahlbetrag bei Skontoabzug")
            assert rest == gross - cut
            base = amounts_after(text, r"skontofähiger Betrag \(ohne Fracht und Pfand\)")
        else:
            counts["sentence"] += 1
            sentence = re.search(
                rf"([23]) % Skonto bei Zahlung bis ({DAY})(?: auf den skontofähigen Betrag von ({AMOUNT}) "
                rf"(?:€|EUR) \(ohne Fracht und Pfand\))?: ({AMOUNT}) (?:€|EUR)",
                text,
            )
            assert sentence, inv.seed
            pct, until, cut = int(sentence[1]), german_day(sentence[2]), de_number(sentence[4])
            base = [de_number(sentence[3])] if sentence[3] else []
        assert until > day
        if base:
            counts["on_goods"] += 1
            assert base[0] < gross
        else:
            counts["on_gross"] += 1
        on = base[0] if base else gross
        assert cut == (on * pct / 100).quantize(Decimal("0.01"), ROUND_HALF_UP), inv.seed
        if "§ 48b EStG" in text:
            counts["freistellung"] += 1
        elif "§ 48" in text:
            counts["bauabzug"] += 1
            assert "Bauabzugsteuer" in text
        else:
            counts["no_note"] += 1
    assert all(counts.values()), counts


# -- dolmetscher_jveg -------------------------------------------------------------------------------------

CASE = r"\d+ (?:Ds|Ls|Cs|Gs|F|KLs|Ns) (?:\d{3} Js )?\d+/\d\d|\d{3} Js \d+/\d\d"


def test_dolmetscher_bills_a_court_under_the_jveg(many):
    counts = dict.fromkeys(
        ("Amtsgericht", "Landgericht", "Staatsanwaltschaft", "old_law", "new_law", "two_days", "sheet",
         "notes",
         "translation", "no_translation", "car", "public_transport", "service_date", "no_service_date",
         "case_in_head", "case_in_subject", "trade_name"),
        0,
    )  # fmt: skip
    for inv in many["dolmetscher_jveg"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in texts[0]
        assert re.search(r"(?:beeidigt|vereidigt)(?:e|er) (?:und \S+ )?Dolmetscher(?:in)?", text), inv.seed
        assert re.search(r"für die \w+e Sprache", text)
        court = re.search(r"(Amtsgericht|Landgericht|Staatsanwaltschaft) \S", text)
        assert court, inv.seed
        counts[court[1]] += 1
        # the court's case number: no invoice, order or customer number
        case = re.search(CASE, text)
        assert case and case[0] != t["rechnungsnummer"], inv.seed
        counts["case_in_subject" if f"Az.: {case[0]}" in text else "case_in_head"] += 1
        counts["trade_name"] += not texts[0].startswith(t["lieferant"]) and t["lieferant"] in texts[0]
        # the appointments, after the summons and before the invoice
        appointments = re.findall(rf"am (?:Sonntag, )?({DAY}), (\d\d:\d\d)–(\d\d:\d\d) Uhr", text)
        assert appointments, inv.seed
        days = [german_day(a[0]) for a in appointments]
        invoice_day = dt.date.fromisoformat(t["datum"])
        assert all(x < invoice_day for x in days)
        summons = re.search(rf"(?:Ladung vom|Heranziehung vom|Heranziehung am):? ({DAY})", text)
        assert summons and german_day(summons[1]) <= days[0], inv.seed
        counts[
            "two_days" if len(days) > 1 else "service_date" if "leistungsdatum" in t else "no_service_date"
        ] += 1
        if "leistungsdatum" in t:
            assert dt.date.fromisoformat(t["leistungsdatum"]) == days[0] and len(days) == 1
        new = days[0] >= NEW_LAW
        counts["new_law" if new else "old_law"] += 1
        # the hours: from leaving home to coming back, billed by § 8 Abs. 2 JVEG
        fees = [x for x in inv.items if x.unit == "Std." and "Zuschlag" not in x.description]
        assert len(fees) == len(days)
        total_of = rf"(?:Zeitaufwand gesamt|gesamt \(einschl\. Reise- und Wartezeit\)) ({DURATION})"
        totals = [minutes_of(m) for m in re.findall(total_of, text)]
        spans = re.findall(r"Hinfahrt (\d\d:\d\d)–\d\d:\d\d.*?Rückfahrt \d\d:\d\d–(\d\d:\d\d)", text)
        assert len(totals) == len(spans) == len(fees), inv.seed
        for fee, total, (left, back) in zip(fees, totals, spans, strict=True):
            assert clock(back) - clock(left) == total
            assert fee.quantity == billed(total), inv.seed
            assert fee.unit_price == (Decimal(85) if new else Decimal(70) if "Simultan" not in text else 75)
        counts["sheet" if "Zeitaufstellung" in text or "Zeitaufwand am" in text else "notes"] += 1
        if any(x.unit == "km" for x in inv.items):
            counts["car"] += 1
            (km,) = [x for x in inv.items if x.unit == "km"]
            one_way = re.search(r"2 × (\d+) km", text)
            assert one_way and km.quantity == 2 * int(one_way[1]) * len(days)
            assert km.unit_price == (Decimal("0.42") if new else Decimal("0.30"))
        else:
            counts["public_transport"] += 1
            assert "ÖPNV" in text
        # a translation by lines of 55 keystrokes, with its copies
        lines = [x for x in inv.items if x.unit == "Zeilen"]
        if lines:
            counts["translation"] += 1
            keys = re.search(r"([\d.]+) Anschläge \((?:Ziel|Ausgangs)sprache\) : 55 = (\d+) Zeilen", text)
            assert keys and int(keys[2]) == lines[0].quantity == -(-int(keys[1].replace(".", "")) // 55)
            rates = ("1.80", "1.95", "2.10") if new else ("1.55", "1.75", "1.85", "2.05")
            assert lines[0].unit_price in {Decimal(x) for x in rates}
            copies = [x for x in inv.items if x.unit == "Seiten"]
            assert len(copies) == 1 and copies[0].unit_price == Decimal("0.50") and copies[0].quantity <= 50
        else:
            counts["no_translation"] += 1
        assert "Kundennummer" not in text and "Bestellnummer" not in text
    assert all(counts.values()), counts


def test_dolmetscher_charges_vat_or_notes_the_small_business_rule(many):
    counts = dict.fromkeys(("vat", "small", "zero_row", "no_zero_row", "Rechnung", "Kostenrechnung",
                            "Liquidation", "Antrag"), 0)  # fmt: skip
    for inv in many["dolmetscher_jveg"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        rates = {x.rate for x in inv.items}
        if rates == {19}:
            counts["vat"] += 1
            assert re.search(r"19 % (?:USt|MwSt)|Umsatzsteuer 19 %", text)
            assert "§ 19" not in text and cents(t["mwst"]) > 0
        else:
            counts["small"] += 1
            assert re.search(r"§ 19(?: Abs\. 1)? UStG", text) and "19 %" not in text
            counts["zero_row" if "mwst" in t else "no_zero_row"] += 1
        title = re.search(
            r"(Kostenrechnung|Liquidation|Antrag auf Vergütung|Vergütungsantrag|Rechnung)\b", text
        )
        assert title, inv.seed
        counts[{"Antrag auf Vergütung": "Antrag", "Vergütungsantrag": "Antrag"}.get(title[1], title[1])] += 1
    assert all(counts.values()), counts

"""The families of families_zeit: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pymupdf
import pytest
from stdnum import ean
from stdnum.eu import vat

from benchmarks.synth.families_zeit import ZEIT_FAMILIES, draw_zeit
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
    bases_by_rate,
    cents,
    de_amount,
    de_or_en_number,
    german_printed_forms,
    rates_one_of,
    seeded,
    text_of,
)
from tests.synth.test_families import amount_forms, any_printed
from tests.synth.test_synth import page_texts

NAMES = ("beratung_stunden", "rechnung_quer")
KEYS = ALL_TRUTH_KEYS
RATES = {"beratung_stunden": ({Decimal(19)}, {Decimal(19), Decimal(0)}),
         "rechnung_quer": ({Decimal(19)}, {Decimal(19), Decimal(7)})}  # fmt: skip
PAPER = {"beratung_stunden": pymupdf.paper_rect("a4"), "rechnung_quer": pymupdf.paper_rect("a4-l")}


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
    for form in (de_amount(gross), f"{gross:,.2f}", f"{gross:.2f}".replace(".", ",")):
        if form in text:
            return form
    return de_amount(gross)


def share(gross: float, pct: int) -> Decimal:
    return (cents(gross) * pct / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(ZEIT_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_zeit)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"iban"}, KEYS, paper=PAPER[inv.layout])
        assert "ust_id" in t or "steuernummer" in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % and 5 % then
        if inv.layout == "beratung_stunden":  # nor the month of service before the invoice
            assert not dt.date(2020, 7, 1) <= day <= dt.date(2021, 1, 31)
        assert t["waehrung"] == "EUR"
        if inv.layout == "beratung_stunden":
            assert "leistungsdatum" not in t  # a period of service, never one date
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_one_of(RATES))
    for name, group in many.items():  # each rate set occurs
        assert {frozenset(bases_by_rate(inv)) for inv in group} == {frozenset(r) for r in RATES[name]}, name


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- beratung_stunden ---------------------------------------------------------------------------------------

AMOUNT = r"\d{1,3}(?:[.,]\d{3})*[.,]\d\d|\d+[.,]\d\d"
FEES = r"(Zwischensumme Honorar|Summe Honorar|Honorar netto|Subtotal fees|Fees subtotal)"
ORDER = r"(Bestellnummer|Bestell-Nr\.|Ihre Bestellung|PO-Nr\.|PO number|Purchase order|PO)"
DAY = r"\d\d\.\d\d\.\d{4}|\d\d/\d\d/\d{4}|\d{4}-\d\d-\d\d|\d{1,2}\. [A-Z]\w+ \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}"


def test_beratung_stunden_prints_a_consultants_invoice_with_its_timesheet(many):
    english = gmbh = degree = weekday = iso = clock = decimal = passed = expenses = annex = orders = 0
    for inv in many["beratung_stunden"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in texts[0]
        assert re.search(r"(Leistungszeitraum|Service period|Period of service): \S", texts[0])
        en = "Invoice" in text or "INVOICE" in text
        english += en
        gross = re.search(rf"(Gesamtbetrag|Rechnungsbetrag|Gesamtbetrag brutto|Total amount|Invoice total) "
                          rf"(?:€|EUR )?({AMOUNT})", text)  # fmt: skip
        assert gross and de_or_en_number(gross[2]) == cents(t["betrag_brutto"])
        assert re.search(r"(Ihr Ansprechpartner|Ansprechpartner|Your contact|Contact) \S", texts[0])
        assert re.search(r"(Projekt-Nr\.|Projekt|Projektnummer|Project No\.|Project) \S", texts[0])
        if "GmbH" in t["lieferant"] or "mbH" in t["lieferant"]:
            gmbh += 1
            assert "ust_id" in t and re.search(r"HRB \d+", text)
        else:
            degree += bool(re.search(rf"(Dipl\.-[\w.-]+|Dr\.|M\.Sc\.) {t['lieferant']}", text))
        assert len(re.findall(DAY, text)) >= 5  # the period, the timesheet's rows, the due date
        own = {t["datum"], dt.date.fromisoformat(t["datum"]).strftime("%d.%m.%Y")}
        own.add(dt.date.fromisoformat(t["datum"]).strftime("%d/%m/%Y"))
        rows = [m for m in re.finditer(r"\b(Mo|Di|Mi|Do|Fr|Mon|Tue|Wed|Thu|Fri) (\S+)", text)]
        assert not any(m[2] in own for m in rows)  # the invoice date is never a working day of the sheet
        weekday += bool(rows)
        iso += bool(re.search(r"\b20\d\d-\d\d-\d\d \S", text))
        clock += bool(re.search(r"\b\d{1,2}:\d\d\b", text))
        decimal += bool(re.search(r"\b\d{1,2}(,\d\d?|\.\d\d?)? h\b", text))
        rates = set(bases_by_rate(inv))
        if Decimal(0) in rates:
            passed += 1
            taxed = re.search(rf"(USt 19 % auf|VAT 19 % on) ({AMOUNT})", text)
            assert taxed and de_or_en_number(taxed[2]) == bases_by_rate(inv)[Decimal(19)]
            assert re.search(r"(ohne USt\.|no VAT)", text)
        if len(inv.items) > 1 and re.search(r"(Zwischensumme Auslagen|Summe Auslagen|Reisekosten netto|"
                                            r"Subtotal expenses|Expenses subtotal)", text):  # fmt: skip
            expenses += 1
            assert re.search(FEES, text)
            assert re.search(r"(lt\. Beleg|per receipt|km × )", text)
        if re.search(r"^.{0,160}(Anlage|Annex|Attachment): ", texts[-1]) and len(texts) == 2:
            annex += 1
        if "bestellnummer" in t:
            orders += 1
            assert re.search(rf"{ORDER} {re.escape(t['bestellnummer'])}", text)
        if len(texts) == 2:
            assert re.search(r"(Seite 2 von 2|Page 2 of 2)", texts[1]) and t["rechnungsnummer"] in texts[1]
    assert 0 < english < 15 and 3 <= gmbh <= 25 and degree
    assert weekday and iso and clock and decimal and passed and expenses >= 10 and annex and orders


def test_beratung_stunden_bills_hours_or_days(many):
    units = {item.unit for inv in many["beratung_stunden"] for item in inv.items}
    assert {"h", "km"} <= units and ({"Std.", "hrs"} & units) and ({"PT", "days"} & units)
    for inv in many["beratung_stunden"]:
        for item in inv.items:
            if item.unit in ("h", "Std.", "hrs"):
                assert item.quantity * 4 == int(item.quantity * 4)  # quarter hours
            if item.unit in ("PT", "days"):
                assert item.quantity * 2 == int(item.quantity * 2)  # half days
    assert {inv.truth["pages"] for inv in many["beratung_stunden"]} == {1, 2}


# -- rechnung_quer ------------------------------------------------------------------------------------------

QUER_AMOUNT = r"-?(?:\d{1,3}(?:\.\d{3})*,\d\d|\d+,\d\d)"


def strip_cells(pdf: bytes) -> list[tuple[str, str]]:
    """The totals strip of the last page: each label with the value right below it (the same right edge)."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        spans = [(span["text"].strip(), span["bbox"][2], span["origin"][1])
                 for block in doc[-1].get_text("dict")["blocks"] for line in block.get("lines", ())
                 for span in line["spans"] if span["text"].strip()]  # fmt: skip
    base = next(y for text, _, y in spans if text.startswith(("Warenwert", "Positionswert", "Summe Pos")))
    row = sorted((x, text) for text, x, y in spans if abs(y - base) < 0.5)
    cells_ = []
    for x, text in row:
        below = [v for v, x1, y in spans if abs(x1 - x) < 1.5 and 12 < y - base < 22]
        assert len(below) == 1, text
        cells_.append((text, below[0]))
    return cells_


def test_rechnung_quer_prints_a_landscape_wholesale_invoice(many):
    two = skonto = debit = net_term = eans = ship = their = freight = bases = order = delivery = only_a = 0
    for inv in many["rechnung_quer"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        pages = t["pages"]
        assert t["rechnungsnummer"] in texts[0] and t["kundennummer"] in texts[0]
        assert re.search(rf"Seite 1 von {pages}|Seite 1/{pages}", texts[0])
        assert re.search(r"(A = 19 %, B = 7 %|1 = 19 %, 2 = 7 %)", text)
        for word in (
            "Pos",
            "Menge",
            "ME",
            "Lieferschein" if "Lieferschein" in text else "LS-Nr.",
            "USt-IdNr. DE" if "ust_id" in t else "St.-Nr.",
        ):
            assert word in text, word
        cells_ = dict(strip_cells(inv.pdf))
        labels = list(cells_)
        goods = de_or_en_number(cells_[labels[0]])
        cut = abs(de_or_en_number(cells_[labels[1]]))
        net_label = next(k for k in labels if k in ("Netto", "Nettowert", "Summe netto"))
        freights = [
            de_or_en_number(v) for k, v in cells_.items() if k in ("Fracht", "Versandkosten", "Frachtkosten")
        ]
        extra = sum(freights, Decimal(0))
        freight += bool(extra)
        assert goods - cut + extra == de_or_en_number(cells_[net_label]) == cents(t["betrag_netto"])
        vat_a = next(v for k, v in cells_.items() if re.fullmatch(r"(MwSt\.?|USt) (A|1) 19 %", k))
        vat_b = next(v for k, v in cells_.items() if re.fullmatch(r"(MwSt\.?|USt) (B|2) 7 %", k))
        assert de_or_en_number(vat_a) + de_or_en_number(vat_b) == cents(t["mwst"])
        assert de_or_en_number(cells_[labels[-1]]) == cents(t["betrag_brutto"]) and labels[-1].endswith(
            " EUR"
        )
        bases += any(k.startswith("Netto ") for k in labels)
        if set(bases_by_rate(inv)) == {Decimal(19)}:
            only_a += 1
            assert vat_b == "0,00"
        match = re.search(rf"(\d) % Skonto bis (\S+) = ({QUER_AMOUNT})", text)
        if match:
            skonto += 1
            assert de_or_en_number(match[3]) == cents(t["betrag_brutto"]) - share(
                t["betrag_brutto"], int(match[1])
            )
        elif "Skonto (" in text:
            skonto += 1
            pct = int(re.search(r"(\d) % Skonto \(", text)[1])
            assert any_printed(text, float(share(t["betrag_brutto"], pct)))
        elif "SEPA-Lastschrift" in text:
            debit += 1
            assert "Gläubiger-ID DE" in text
        else:
            net_term += 1
            assert "ohne Abzug" in text
        codes = [c for c in re.findall(r"\b(\d{13})\b", text) if ean.is_valid(c)]
        eans += len(codes) >= 3
        ship += "Lieferanschrift" in text
        if "Ihre USt-IdNr." in text:
            their += 1
            theirs = re.search(r"Ihre USt-IdNr\. (DE\d{9})", text)
            assert theirs and vat.is_valid(theirs[1]) and theirs[1] != t.get("ust_id")
        if "bestellnummer" in t:
            order += 1
            assert re.search(
                rf"(Ihre Bestellung|Ihre Bestell-Nr\.|Auftrag) {re.escape(t['bestellnummer'])}", text
            )
        if "leistungsdatum" in t:
            delivery += 1
            assert re.search(r"(Lieferdatum|Liefertag) ", texts[0])
        if pages == 2:
            two += 1
            assert "Übertrag" in texts[0] and "Übertrag von Seite 1" in texts[1]
            assert t["rechnungsnummer"] in texts[1] and not any_printed(texts[0], t["betrag_brutto"])
    assert two and skonto >= 8 and debit and net_term and eans >= 15 and ship and their
    assert freight and bases and order and delivery and only_a


def test_rechnung_quer_keys_its_table_rows_to_the_rates(many):
    for inv in many["rechnung_quer"]:
        text = text_of(inv.pdf)
        legend = re.search(r"(A|1) = 19 %, (B|2) = 7 %", text)
        assert legend
        for item in inv.items:
            if item.description in ("Fracht",):
                continue
            code = legend[1] if item.rate == 19 else legend[2]
            totals = "|".join(re.escape(f) for f in amount_forms(float(item.total)))
            assert re.search(rf"{re.escape(item.description)} .{{0,80}}? (?:{totals}) {code}\b", text), item
    pages = [inv.truth["pages"] for inv in many["rechnung_quer"]]
    assert set(pages) == {1, 2} and pages.count(1) > pages.count(2)

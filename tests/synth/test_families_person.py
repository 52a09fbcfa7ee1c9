"""The families of families_person: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from stdnum.eu import vat

from benchmarks.synth.families_person import PERSON_FAMILIES, draw_person
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
from tests.synth.test_families import date_forms
from tests.synth.test_synth import page_texts

NAMES = ("grafik_kleinunternehmer", "tierarzt_got")
REQUIRED = {"rechnungsnummer", "datum", "betrag_netto", "betrag_brutto", "waehrung", "lieferant", "pages"}
KEYS = REQUIRED | {"mwst", "ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer",
                   "leistungsdatum"}  # fmt: skip
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)
# A company's legal form after its name (the designer's customers have one, the designer none).
LEGAL_FORM = r"\b(?:GmbH|AG|KG|OHG|OG|e\.U\.|UG \(haftungsbeschränkt\))(?= |$)"
DISCIPLINE = r"(?:Grafik|Kommunikationsdesign|Corporate Design|Webdesign|Illustration)"
FACTOR = r"[123](?:-fach|,0-fach|,0|x)"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 16)


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}) (?:€ |EUR )?({AMOUNT}){CUR}", text)]


def dates_in(text: str) -> set[dt.date]:
    """The dates printed in `text`: 04.03.2024, 04.03.24 or 4. März 2024."""
    days = {dt.datetime.strptime(x, "%d.%m.%Y").date() for x in re.findall(r"\b\d\d\.\d\d\.\d{4}\b", text)}
    days |= {
        dt.datetime.strptime(x, "%d.%m.%y").date() for x in re.findall(r"\b\d\d\.\d\d\.\d\d\b(?!\d)", text)
    }
    for d, month, y in re.findall(rf"\b(\d{{1,2}})\. ({'|'.join(MONTHS_DE)}) (\d{{4}})", text):
        days.add(dt.date(int(y), MONTHS_DE.index(month) + 1, int(d)))
    return days


def is_at_or_de_vat_id(number: str) -> bool:
    return (number.startswith("ATU") or number.startswith("DE")) and vat.is_valid(number)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(PERSON_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_person)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        designer = inv.layout == "grafik_kleinunternehmer"
        assert_truth_format(
            inv,
            REQUIRED,
            KEYS,
            amounts="not negative" if designer else "positive",
            mwst_may_be_absent=designer,
        )
        assert t["waehrung"] == "EUR" and ("ust_id" in t or "steuernummer" in t)
        assert not in_second_half_of_2020(t["datum"])
        if designer:
            assert t.get("mwst", 0.0) == 0.0 and t["betrag_netto"] == t["betrag_brutto"] > 0
            assert "iban" in t and len(t["lieferant"].split()) == 2
            if t["iban"].startswith("AT"):
                assert t["ust_id"].startswith("ATU") and "steuernummer" not in t
                assert not dt.date(2020, 7, 1) <= dt.date.fromisoformat(t["datum"]) <= dt.date(2021, 12, 31)
            else:
                assert "steuernummer" in t and t.get("ust_id", "DE").startswith("DE")
        else:
            assert "mwst" in t and not {"leistungsdatum", "bestellnummer"} & set(t)
            assert dt.date.fromisoformat(t["datum"]) >= dt.date(2023, 1, 1)


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many,
        lambda inv, rates: (
            rates == ({Decimal(0)} if inv.layout == "grafik_kleinunternehmer" else {Decimal(19)})
        ),
        positive_bases=True,
        mwst_may_be_absent=True,
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(
        {"grafik_kleinunternehmer": many["grafik_kleinunternehmer"]},
        iban_countries=lambda inv: {"AT"} if inv.truth.get("ust_id", "").startswith("ATU") else {"DE"},
        iban_required=True,
        ust_id_valid=is_at_or_de_vat_id,
    )
    assert_identifiers_pass({"tierarzt_got": many["tierarzt_got"]})


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- grafik_kleinunternehmer ------------------------------------------------------------------------------


def test_grafik_kleinunternehmer_bills_without_vat_as_a_person(many):
    counts = dict.fromkeys(
        ("de", "at", "at_stnr", "de_vat_id", "zero_row", "no_vat_row", "trade", "days", "service_date",
         "period", "same_day", "order", "customer", "letter", "holder", "salutation", "footer_note", "offer"),
        0,
    )  # fmt: skip
    for inv in many["grafik_kleinunternehmer"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        person = t["lieferant"]
        assert t["rechnungsnummer"] in texts[0] and person in texts[0]
        assert "19 %" not in text and "MwSt" not in text
        if t["iban"].startswith("AT"):
            counts["at"] += 1
            assert "§ 6 Abs. 1 Z 27 UStG" in text and "§ 19" not in text
            assert re.search(rf"(?:UID-Nr\.|UID|USt-IdNr\.) {t['ust_id']}", text)
            counts["at_stnr"] += bool(re.search(r"Steuernummer \d\d \d{3}/\d{4}", text))
        else:
            counts["de"] += 1
            assert "§ 19" in text and "§ 6 Abs." not in text
            assert re.search(rf"(?:Steuernummer|St\.-Nr\.|Steuer-Nr\.) {re.escape(t['steuernummer'])}", text)
            counts["de_vat_id"] += "ust_id" in t
        gross = cents(t["betrag_brutto"])
        final = r"(?:Gesamtbetrag|Rechnungsbetrag|Zu zahlender Betrag)(?: EUR| \(EUR\)| in EUR)?"
        assert gross in amounts_after(text, final), inv.seed
        if "mwst" in t:
            counts["zero_row"] += 1
            assert amounts_after(text, r"USt\. 0 %|Umsatzsteuer 0 %|0 % USt\.") == [Decimal(0)]
        else:
            counts["no_vat_row"] += 1
            assert not re.search(r"USt\. 0 %|Umsatzsteuer 0 %|0 % USt\.", text)
        assert re.search(LEGAL_FORM, text) and not re.search(LEGAL_FORM, person)
        counts["trade"] += bool(re.search(rf"\S – {person}|{person} · {DISCIPLINE}", text))
        if len(inv.items) >= 4 and all(item.unit == "Std." for item in inv.items):
            counts["days"] += 1
            assert len(set(re.findall(r"\b\d\d\.\d\d\.\d{2,4}\b", text))) >= 4
        if "leistungsdatum" in t:
            counts["service_date"] += 1
            label = r"(?:Leistungsdatum|Liefer-/Leistungsdatum|Datum der Leistung):?"
            assert re.search(rf"{label} (?:{any_date(t['leistungsdatum'])})", text), inv.seed
        elif "Leistungszeitraum" in text:
            counts["period"] += 1
        else:
            counts["same_day"] += 1
            assert "Das Leistungsdatum entspricht dem Rechnungsdatum." in text
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(
                rf"(?:Ihre Bestellnummer|Ihre Bestell-Nr\.|PO-Nummer):? {t['bestellnummer']}", text
            )
        counts["customer"] += "kundennummer" in t
        counts["letter"] += bool(re.search(rf", (?:{any_date(t['datum'])}) Rechnung Nr\. ", text))
        holder = re.search(r"Kontoinhaber(?:in)?: ([^·\n]+?)(?: ·|$| Steuer| St| UID| USt)", text)
        if holder:
            counts["holder"] += 1
            assert holder[1].strip() == person
        counts["salutation"] += "Sehr geehrte" in text
        counts["offer"] += bool(re.search(r"lt\. Angebot Nr\. A-\d{4}-\d{3} vom ", text))
        counts["footer_note"] += bool(re.search(r"(?:UStG|Kleinunternehmerregelung\))\.$", texts[-1]))
    assert all(counts.values()), counts


# -- tierarzt_got -----------------------------------------------------------------------------------------


def test_tierarzt_got_bills_fees_with_factors_per_animal_and_day(many):
    counts = dict.fromkeys(
        ("pferd", "hund", "rind", "visit", "minimum", "card", "transfer", "paid_rows", "no_bank", "simple",
         "column", "days", "groups", "monthly", "gmbh", "wait", "split", "customer"),
        0,
    )  # fmt: skip
    for inv in many["tierarzt_got"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["lieferant"] in texts[0]
        assert re.search(r"19 ?%", text) and re.search(rf"\b{FACTOR}\b", text)
        assert all(item.rate == 19 for item in inv.items)
        fees = [item for item in inv.items if item.article]
        assert fees and all(re.fullmatch(r"\d{1,3}", item.article) for item in fees)
        day = dt.date.fromisoformat(t["datum"])
        treated = dates_in(text) - {dt.date(2022, 11, 22)}  # the GOT's own date
        assert treated and min(treated) <= day and day - min(treated) < dt.timedelta(days=62)
        counts["pferd"] += bool(re.search(r"\b(?:Pferd|Pony)\b", text))
        counts["hund"] += bool(re.search(r"\bHund\b", text))
        counts["rind"] += bool(re.search(r"\b(?:Kuh|Rind|Kühe|Kälber|Rinder)\b", text))
        for km, amount in re.findall(rf"(\d+(?:,\d)?) DKm (?:3,50 )?({AMOUNT})", text):
            counts["visit"] += 1
            assert de_number(km) * Decimal("3.5") == de_number(amount) >= 13
        if "(Mindestbetrag)" in text:
            counts["minimum"] += 1
            assert "13,00" in text
        if "Besuchsgebühr" in text:
            assert "Wegegeld gem. § 10 GOT" in text
        if "EC-Karte" in text:
            counts["card"] += 1
            assert "Betrag dankend erhalten (EC-Karte)." in text
            assert re.search(r"Terminal-ID \d{8} · Beleg-Nr\. \d{4} · Trace-Nr\. \d{6}", text)
            if "Offener Betrag" in text:
                counts["paid_rows"] += 1
                assert Decimal(0) in amounts_after(text, "Offener Betrag")
                assert -cents(t["betrag_brutto"]) in amounts_after(
                    text, r"bezahlt \(EC-Karte\)|Zahlung EC-Karte"
                )
            counts["no_bank"] += "iban" not in t
        else:
            counts["transfer"] += 1
            assert "iban" in t
        if "Einfachsatz" in text:
            counts["simple"] += 1
            rows = re.findall(rf"(\d+,\d\d) ([123])(?:-fach|,0-fach|,0|x) (\d+) ({AMOUNT})", text)
            assert rows, inv.seed
            for simple, factor, qty, amount in rows:
                assert de_number(simple) * int(factor) * int(qty) == de_number(amount), inv.seed
        counts["column"] += bool(re.search(r"Patient(?:en)?: ", text))
        counts["days"] += "Behandlung am " in text
        counts["groups"] += not re.search(r"Patient(?:en)?: |Behandlung am ", text)
        counts["monthly"] += "Abrechnungszeitraum" in text
        counts["gmbh"] += t["lieferant"].endswith("GmbH")
        counts["wait"] += "Wartezeit" in text
        counts["split"] += "Arzneimittel und Material" in text or "Medikamente / Material" in text
        counts["customer"] += "kundennummer" in t
        assert re.search(r"Tierärztekammer|Landestierärztekammer", text)
        keeper = re.search(
            r"(?:Reitstall|Gestüt|Reitsportzentrum|Pensionspferdehaltung|Ponyhof|Agrargenossenschaft|Hofgut|"
            r"Milchviehbetrieb|Landwirtschaft|Hundeschule|K9|Hundezentrum|Wachhundservice) ",
            text,
        )
        assert keeper, inv.seed
    assert all(counts.values()), counts

"""The families of families_versand: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from stdnum.at import uid as at_uid
from stdnum.eu import at_02, vat

from benchmarks.synth.families_versand import VERSAND_FAMILIES, draw_versand
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
    de_number,
    german_printed_forms,
    iban_in_fours,
    printed_gross,
    seeded,
    text_of,
    to_cent,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("paketdienst_monat", "uebersetzung_normzeilen")
KEYS = ALL_TRUTH_KEYS
DE_AMOUNT = r"-?\d{1,3}(?:[ .]\d{3})*,\d\d"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 30)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(iban=iban_in_fours)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(VERSAND_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_versand)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(many):
    for inv in all_of(many):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS_BUT_VAT, KEYS, amounts="not negative", mwst_may_be_absent=True)
        assert "ust_id" in t or "steuernummer" in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2021, 1, 15)  # German VAT 16 % then
        assert t["waehrung"] == "EUR" and "bic" not in t or "iban" in t
        if inv.layout == "paketdienst_monat":
            assert "kundennummer" in t and "bestellnummer" not in t and "leistungsdatum" not in t
            assert "ust_id" in t and t["mwst"] > 0 and 2 <= t["pages"] <= 4
        else:
            assert t["pages"] == 1
            if "leistungsdatum" in t:
                assert dt.date.fromisoformat(t["leistungsdatum"]) <= day


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many, lambda inv, rates: rates <= {Decimal(19), Decimal(0)}, mwst_may_be_absent=True
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(
        many,
        iban_countries=("DE", "AT"),
        ust_id_valid=lambda number: (
            vat.is_valid(number)
            and number[:2] in ("DE", "AT")
            and (not number.startswith("AT") or at_uid.is_valid(number))
        ),
    )


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- paketdienst_monat ------------------------------------------------------------------------------------

PERIOD = (
    r"(Abrechnungszeitraum|Leistungszeitraum|Zeitraum) (\d\d\.\d\d\.(\d\d)?(\d\d)? (-|bis) |\d\d\.\d\d\.–|"
    r"\d\d?\. \w+ \d{4} (-|bis) |(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember) \d{4})"
)


def test_paketdienst_monat_prints_a_carrier_invoice(many):
    counts = dict.fromkeys(
        ("export", "rate_table", "debit", "transfer", "banks", "no_bank", "weight", "toll", "grouped", "ag",
         "gmbh", "abrechnung", "vertrag", "extras"),
        0,
    )  # fmt: skip
    for inv in many["paketdienst_monat"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["kundennummer"] in texts[0]
        assert re.search(PERIOD, texts[0]), inv.seed
        assert re.search(r"Energiezuschlag \d+(,\d+)? % auf " + DE_AMOUNT, texts[0])
        assert any_printed(texts[0], t["betrag_brutto"]) and "Sitz der Gesellschaft" in text
        assert re.search(r"Registergericht: Amtsgericht [\w ]+ HRB \d+", text)
        freight = [i for i in inv.items if i.unit == "Sdg." and i.quantity == 1 and i.description not in
                   ("Sperrgut", "Adresskorrektur", "Samstagszustellung", "Privatzustellung", "Höherversicherung")]  # fmt: skip
        shipped = re.search(r"Anzahl Sendungen: (\d+)", texts[-1])
        assert shipped and int(shipped[1]) == len(freight)
        tracking = re.findall(r"\b(\d{4}(?: \d{1,4}){2,4}|\d{12,20})\b", " ".join(texts[1:]))
        assert len(tracking) >= len(freight)
        listed = sum((i.total for i in inv.items if i.unit == "Sdg." and i.quantity == 1), Decimal(0))
        end = re.search(rf"(Summe Einzelaufstellung|Summe Sendungen) ({DE_AMOUNT})", texts[-1])
        assert end and de_number(end[2]) == listed and listed < cents(t["betrag_netto"])
        for k in range(1, len(texts) - 1):
            own = re.search(rf"Summe Seite {k + 1} ({DE_AMOUNT})", texts[k])
            carried = re.search(rf"(Übertrag|Zwischensumme) von Seite {k + 1} ({DE_AMOUNT})", texts[k + 1])
            assert own and carried and own[1] == carried[2]
        if any(i.rate == 0 for i in inv.items):
            counts["export"] += 1
            assert "§ 4 Nr. 3 a UStG" in text and re.search(r"\b0 ?%", texts[0])
            counts["rate_table"] += "USt-Satz" in texts[0]
        else:
            assert "steuerfrei" not in text
        if "Gläubiger-ID" in text:
            counts["debit"] += 1
            creditor = re.search(r"Gläubiger-ID (DE\d\dZZZ\d{11})\b", text)
            assert creditor and at_02.is_valid(creditor[1]) and "Mandatsreferenz " in text
        else:
            counts["transfer"] += 1
            assert "iban" in t and "Lastschrift" not in text
        counts["banks"] += "Bankverbindungen:" in texts[0]
        counts["no_bank"] += "iban" not in t and "IBAN" not in text
        counts["weight"] += "Gesamtgewicht" in texts[0]
        counts["toll"] += "Mautzuschlag" in texts[0]
        counts["grouped"] += bool(re.search(r"\d\d\.\d\d\.(\d\d)? \d{4} \d{4} \d{4}\b", " ".join(texts[1:])))
        counts["ag"] += "Vorstand: " in text and "Aufsichtsratsvorsitzender" in text
        counts["gmbh"] += "Geschäftsführung:" in text
        counts["abrechnung"] += bool(re.search(r"(Abrechnungsnummer|EKP-Nr\.) \d\d \d{4} \d{4}", texts[0]))
        counts["vertrag"] += bool(
            re.search(r"(Vertragsnummer|Vertrags-Nr\.|Rahmenvertrag) [\w/-]+", texts[0])
        )
        counts["extras"] += bool(re.search(r"\+ (Sperrgut|Adresskorrektur|Samstagszustellung) \d", text))
    assert all(n >= 2 for n in counts.values()), sorted(counts.items(), key=lambda kv: kv[1])


def test_paketdienst_monat_lists_its_shipments_on_one_to_three_pages(many):
    pages = [inv.truth["pages"] for inv in many["paketdienst_monat"]]
    assert {2, 3, 4} <= set(pages)


# -- uebersetzung_normzeilen ------------------------------------------------------------------------------


def test_uebersetzung_normzeilen_prints_a_translation_invoice(many):
    counts = dict.fromkeys(
        ("lines", "words", "chars", "minimum", "express", "certified", "lektorat", "pm", "at", "small", "person",
         "ek", "gmbh", "ordered", "own_job", "delivery", "per_job", "skonto", "order", "reference", "third"),
        0,
    )  # fmt: skip
    for inv in many["uebersetzung_normzeilen"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert t["rechnungsnummer"] in text and any_printed(text, t["betrag_brutto"])
        assert re.search(r"Übersetzung (DE|EN) ?(>|→) ?[A-Z]{2}|Übersetzung [A-Z]\w+[-/][A-Z]\w+", text)
        counts["lines"] += "NZ" in text or "Normzeilen" in text
        counts["words"] += "Wörter" in text
        counts["chars"] += bool(re.search(r"\d Anschläge inkl\. Leerzeichen = [\d,]+ Normzeilen", text))
        counts["minimum"] += "Mindest" in text
        counts["certified"] += "Beglaubigte Übersetzung" in text and "Beglaubigungsgebühr" in text
        counts["lektorat"] += "Lektorat" in text or "Korrekturlesen" in text
        counts["pm"] += "Projektmanagement" in text or "PM-Pauschale" in text
        counts["third"] += bool(re.search(r"\b0,\d{3}\b", text))
        for item in inv.items:
            surcharge = re.match(r"(Express|Eil)zuschlag (\d\d) % auf Pos\. (\d+)", item.description)
            if surcharge:
                counts["express"] += 1
                base = inv.items[int(surcharge[3]) - 1]
                assert item.total == to_cent(base.total * int(surcharge[2]) / 100)
                assert base.description.startswith("Übersetzung")
        if t["ust_id"].startswith("AT") if "ust_id" in t else False:
            counts["at"] += 1
            assert re.search(r"FN \d{6} ?[a-z]\b", text) and "Firmenbuch" in text
            assert "Übergang der Steuerschuld" in text and t.get("mwst", 0.0) == 0.0
            assert re.search(r"(UID-Nr\.|UID(-Nr\.)? des Leistungsempfängers:?) DE\d{9}", text)
            assert t["iban"].startswith("AT") and "steuernummer" not in t
        elif "§ 19" in text:
            counts["small"] += 1
            assert t.get("mwst", 0.0) == 0.0 and "ust_id" not in t and "steuernummer" in t
        else:
            assert t["mwst"] > 0 and re.search(r"19 ?%", text)
        if "ust_id" not in t:
            counts["person"] += 1
            assert "steuernummer" in t and len(t["lieferant"].split()) == 2
        counts["ek"] += t["lieferant"].endswith("e.K.") and bool(re.search(r"Inhaber(in)?: ", text))
        counts["gmbh"] += t["lieferant"].endswith("GmbH")
        counts["ordered"] += bool(re.search(r"(Bestellung|Auftrag|Anfrage) vom \d", text))
        counts["own_job"] += bool(re.search(r"(Unsere Auftrags-Nr\.|Unser Projekt|Job-Nr\.) A-\d+", text))
        counts["per_job"] += text.count("geliefert am ") > 1 and "leistungsdatum" not in t
        counts["skonto"] += "Skonto" in text
        counts["reference"] += "Ihr Zeichen" in text
        if "leistungsdatum" in t:
            counts["delivery"] += 1
            assert re.search(r"(Lieferdatum|Liefertermin|geliefert am|Leistungsdatum) \d", text)
        if "bestellnummer" in t:
            counts["order"] += 1
            label = r"(Ihre Bestell-Nr\.|Ihre Projekt-Nr\.|PO-Nummer|Ihre Auftrags-Nr\.)"
            assert re.search(rf"{label} {re.escape(t['bestellnummer'])}", text)
    assert all(n >= 2 for n in counts.values()), sorted(counts.items(), key=lambda kv: kv[1])


def test_uebersetzung_normzeilen_prints_its_dates_in_several_forms(many):
    texts = [text_of(inv.pdf) for inv in many["uebersetzung_normzeilen"]]
    assert any(re.search(r"\b\d\d\.\d\d\.\d{4}\b", text) for text in texts)
    assert any(re.search(r"\b\d\d\.\d\d\.\d\d\b(?!\.)", text) for text in texts)
    assert any(re.search(r"\b\d\d?\. (Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                         r"November|Dezember) \d{4}\b", text) for text in texts)  # fmt: skip
    assert any(re.search(r"[A-ZÄÖÜ][\w ]+, \d", text) and "Rechnungsdatum" not in text for text in texts)

"""The families of families_recht: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pymupdf
import pytest
from schwifty import IBAN

from benchmarks.synth.families_recht import RECHT_FAMILIES, draw_recht, gkg_fee, rvg_fee
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
    printed_gross_in_any_form,
    seeded,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("kanzlei_rvg", "seminar_schulung")
KEYS = ALL_TRUTH_KEYS
RATES = {"kanzlei_rvg": {Decimal(19), Decimal(0)}, "seminar_schulung": {Decimal(19), Decimal(7), Decimal(0)}}
IBAN_RE = r"DE\d\d(?: ?\d{4}){4} ?\d\d"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms()


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(RECHT_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_recht)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"iban"}, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        assert dt.date(2021, 1, 1) <= dt.date.fromisoformat(t["datum"]) < dt.date(2025, 6, 1)
        assert t["waehrung"] == "EUR"
        if inv.layout == "kanzlei_rvg":
            assert "bestellnummer" not in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, lambda inv, rates: Decimal(19) in rates and rates <= RATES[inv.layout])
    rate_sets = {inv.layout: set() for inv in all_of(many)}
    for inv in all_of(many):
        rate_sets[inv.layout].add(frozenset(bases_by_rate(inv)))
    assert {frozenset({19}), frozenset({19, 0})} <= rate_sets["kanzlei_rvg"]
    assert {frozenset({19}), frozenset({19, 0})} <= rate_sets["seminar_schulung"]
    assert any(7 in rates for rates in rate_sets["seminar_schulung"])


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)
    assert any("bic" not in inv.truth for inv in many["kanzlei_rvg"])


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross_in_any_form)


# -- kanzlei_rvg -------------------------------------------------------------------------------------------

DE_AMOUNT = r"-?\d{1,3}(?:\.\d{3})*,\d\d"


def test_the_fee_tables_have_their_published_values():
    # RVG (from 2021): 49 € up to 500 €, 88 € at 1.000, 334 € at 5.000, 614 € at 10.000, 874 € at 25.000, ...
    for value, fee in (
        (500, 49),
        (1000, 88),
        (2000, 166),
        (5000, 334),
        (10000, 614),
        (13000, 666),
        (25000, 874),
        (50000, 1279),
        (200000, 2219),
        (500000, 3539),
    ):
        assert rvg_fee(value) == fee, value
    assert rvg_fee(5001) == 390 and rvg_fee(600) == 88
    for value, fee in ((500, 38), (2000, 98), (5000, 161), (10000, 266)):
        assert gkg_fee(value) == fee, value


def test_kanzlei_rvg_prints_a_law_firms_fee_note(many):
    counts = dict.fromkeys(
        (
            "after",
            "before",
            "advance",
            "trust",
            "credited",
            "hourly",
            "partner",
            "gmbh",
            "sole",
            "sidebar",
            "client_no",
            "service_date",
            "insurer",
        ),
        0,
    )
    for inv in many["kanzlei_rvg"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(r"(Kostennote|Rechnung|Vergütungsrechnung|Kostenrechnung|RECHNUNG)", texts[0])
        for word in (
            "Nr. 7008 VV RVG",
            "Rechtsanwaltskammer",
            "Geschäftskonto:",
            "Mit freundlichen Grüßen",
            "19 %",
        ):
            assert word in text, word
        assert re.search(r"(Unser Zeichen|Az\.|Unser Az\.|Aktenzeichen) \d", text)
        fee_iban = re.search(rf"Geschäftskonto: .{{0,60}}?IBAN ({IBAN_RE})", text)
        assert fee_iban and fee_iban[1] == t["iban"]
        if "Anderkonto" in text:
            counts["trust"] += 1
            trust = re.search(rf"Anderkonto(?: \(Fremdgeld\))?: .{{0,60}}?IBAN ({IBAN_RE})", text)
            assert trust and trust[1].replace(" ", "") != t["iban"].replace(" ", "")
            IBAN(trust[1], validate_bban=True)
        if "Vergütungsvereinbarung" in text:
            counts["hourly"] += 1
            assert re.search(r"Std\.", text) and "Gegenstandswert" not in text
        else:
            assert (
                re.search(rf"Gegenstandswert: {DE_AMOUNT}", text) and "In Sachen " in text and " ./. " in text
            )
            assert re.search(
                r"\d,\d (Geschäftsgebühr|Verfahrensgebühr)|(Geschäftsgebühr|Verfahrensgebühr) Nr\. "
                r"(2300|3100) \d,\d",
                text,
            )
        gross = cents(t["betrag_brutto"])
        net = cents(t["betrag_netto"])
        taxed = next(v.base for v in inv.vat_lines if v.rate == 19)
        assert (
            any_printed(text, float(taxed))
            and any_printed(text, t["mwst"])
            and any_printed(text, float(gross))
        )
        if "* durchlaufende Posten" in text:
            counts["after"] += 1
            assert (
                net != taxed
                and re.search(r"0 % \* ", text)
                and re.search(r"(Gesamt|Summe) " + de_amount(float(net)).replace(".", r"\."), text)
            )
            assert "zzgl. " in text
        elif net != taxed:
            counts["before"] += 1
            assert re.search(r"(Durchlaufende Posten|Verauslagte Kosten|durchl\. Posten|ohne USt\.)", text)
            assert re.search(r"auf " + de_amount(float(taxed)).replace(".", r"\."), text)
        if re.search(r"(Vorschuss|Vorschusszahlung)", text):
            counts["advance"] += 1
            paid = re.search(
                rf"(?:Vorschuss vom|Vorschuss \(|Vorschusszahlung vom)[^-]+?(-{DE_AMOUNT[2:]})", text
            )
            assert paid and 0 < -de_or_en_number(paid[1]) < gross
            assert any_printed(text, float(gross + de_or_en_number(paid[1])))
        if "Vorbem. 3 Abs. 4 VV RVG" in text:
            counts["credited"] += 1
            assert any(item.total < 0 and any_printed(text, float(item.total)) for item in inv.items)
        counts["partner"] += "mbB" in t["lieferant"]
        counts["gmbh"] += "Rechtsanwaltsgesellschaft mbH" in t["lieferant"]
        counts["sole"] += not re.search(r"(mbB|mbH)$", t["lieferant"])
        if "Partnerschaft" in t["lieferant"] or "PartG" in t["lieferant"]:
            assert re.search(r"Partnerschaftsregister AG \S+ PR \d+", text)
        if t["lieferant"].endswith("mbH"):
            assert re.search(r"Amtsgericht .+ HRB \d+", text) and "Geschäftsführer" in text
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:  # the lawyers listed in a right-hand column
            counts["sidebar"] += any(r.x0 > 400 and 130 < r.y0 < 450 for r in doc[0].search_for("Rechtsanw"))
        if "kundennummer" in t:
            counts["client_no"] += 1
            assert re.search(
                rf"(Mandanten-Nr\.|Mandantennummer|Mandant) {re.escape(t['kundennummer'])}", text
            )
        if "leistungsdatum" in t:
            counts["service_date"] += 1
            assert "Leistungsdatum" in texts[0] and "Leistungszeitraum" not in text
        counts["insurer"] += "Schaden-Nr." in text
    assert all(counts.values()), counts


# -- seminar_schulung --------------------------------------------------------------------------------------


def test_seminar_schulung_prints_a_training_providers_invoice(many):
    counts = dict.fromkeys(
        (
            "exempt",
            "taxed",
            "english",
            "ev",
            "gmbh",
            "early",
            "second",
            "two",
            "one_day",
            "order",
            "customer",
            "hotel",
            "range",
        ),
        0,
    )
    for inv in many["seminar_schulung"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        en = "Invoice" in text
        counts["english"] += en
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(
            r"(Buchungs-Nr\.|Buchungsnummer|Anmelde-Nr\.|Booking No\.|Booking reference) "
            r"(B|BU|A)-\d{6}",
            text,
        )
        assert re.search(r"(Teilnehmer|Teilnehmende|Participants|Attendees): (Frau|Herr|Ms|Mr) ", text)
        assert re.search(r"(Seminar|Termin|Seminartermin|Datum|Date|Dates)", text)
        rates = {item.rate for item in inv.items}
        if 0 in rates:
            counts["exempt"] += 1
            assert "§ 4 Nr. 21" in text or "Section 4 No. 21" in text
            fees = [
                i
                for i in inv.items
                if re.match(r"(Teilnahmegebühr|Seminargebühr|Course fee|Seminar fee)", i.description)
            ]
            assert fees and all(i.rate == 0 for i in fees)
            assert any_printed(text, float(next(v.base for v in inv.vat_lines if v.rate == 0)))
        else:
            counts["taxed"] += 1
            assert "§ 4 Nr. 21" not in text
        counts["hotel"] += 7 in rates
        if "e.V." in t["lieferant"]:
            counts["ev"] += 1
            assert re.search(r"Vereinsregister VR \d+", text) and "ust_id" not in t and "steuernummer" in t
        else:
            counts["gmbh"] += 1
            assert re.search(r"Amtsgericht .+ HRB \d+", text) and "ust_id" in t
        if re.search(r"(Frühbucherrabatt|Early bird discount) \d\d %", text):
            counts["early"] += 1
            assert any(item.total < 0 for item in inv.items)
        counts["second"] += bool(
            re.search(r"(Rabatt ab dem 2\. Teilnehmer|Discount from 2nd participant)", text)
        )
        titles = len(re.findall(r"(?:^| )Seminar: ", text))
        counts["two"] += titles == 2
        if "leistungsdatum" in t:
            counts["one_day"] += 1
            assert titles <= 1
        counts["range"] += bool(
            re.search(
                r"\d\d?\.–\d\d\.\d\d\.\d{4}|\d\d?\. bis \d\d?\. [A-ZÄ]\w+ \d{4}|"
                r"\d\d?–\d\d? [A-Z]\w+ \d{4}",
                text,
            )
        )
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(
                rf"(Ihre Bestellnummer|Ihre Bestellung|Bestell-Nr\.|Your PO number|Purchase order) "
                rf"{re.escape(t['bestellnummer'])}",
                text,
            )
        if "kundennummer" in t:
            counts["customer"] += 1
            assert re.search(
                rf"(Kunden-Nr\.|Kundennummer|Customer No\.|Customer ID) {t['kundennummer']}", text
            )
        total = re.search(
            r"(Rechnungsbetrag|Gesamtbetrag|Zu zahlen|Total amount|Invoice total|Amount due) "
            r"(?:EUR |€ ?)?(\d[\d.,  ]*\d\d)",
            text,
        )
        assert total and de_or_en_number(total[2]) == cents(t["betrag_brutto"]), (inv.seed, total)
    assert all(counts.values()), counts
    assert counts["english"] < counts["exempt"] + counts["taxed"] - counts["english"]

"""The families of families_late: never-tuned, deterministic, their truth adds up, is printed and fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from stdnum.eu import vat

from benchmarks.synth.families_late import LATE_FAMILIES, draw_late
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
    de_amount,
    german_printed_forms,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed

NAMES = ("arzt_goae", "autovermietung")
CENT = Decimal("0.01")
KEYS = ALL_TRUTH_KEYS
# Points of some fee numbers and their point values (GOÄ 5,82873 Cent, GOZ 5,62421 Cent); factors.
FEES = {"1": (80, Decimal("0.0582873")), "3": (150, Decimal("0.0582873")), "8": (260, Decimal("0.0582873")),
        "250": (40, Decimal("0.0582873")), "0010": (100, Decimal("0.0562421")), "2060": (738, Decimal("0.0562421")),
        "Ä5000": (50, Decimal("0.0582873"))}  # fmt: skip
FACTORS = ("1.0", "1.15", "1.3", "1.8", "2.3", "2.5", "2.8", "3.5")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES)


printed_forms = german_printed_forms()


def days_in(text: str) -> list[dt.date]:
    """Every date printed 12.03.2024, 12.03.24, 2024-03-12, 12/03/2024 or 12 March 2024."""
    days = []
    for d, m, y in re.findall(r"\b(\d\d)[./](\d\d)[./](\d{4}|\d\d)\b", text):
        days.append(dt.date(int(y) if len(y) == 4 else 2000 + int(y), int(m), int(d)))
    for y, m, d in re.findall(r"\b(\d{4})-(\d\d)-(\d\d)\b", text):
        days.append(dt.date(int(y), int(m), int(d)))
    for d, month, y in re.findall(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS_EN)}) (\d{{4}})\b", text):
        days.append(dt.date(int(y), MONTHS_EN.index(month) + 1, int(d)))
    return days


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(LATE_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_late)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS_BUT_VAT | {"iban"}, KEYS, amounts="any", mwst_may_be_absent=True)
        dt.date.fromisoformat(t["datum"])
        assert t["waehrung"] == "EUR" and t["pages"] == 1


def test_amounts_add_up_per_rate(invoices):
    assert_amounts_add_up(
        invoices,
        lambda inv, rates: rates == ({0} if inv.layout == "arzt_goae" else {19}),
        positive_net=True,
        mwst_may_be_absent=True,
        vat_lines="unchecked",
    )


def test_identifiers_pass_their_checksums(invoices):
    assert_identifiers_pass(invoices, iban_required=True, ust_id_valid=vat.is_valid)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, lambda name, inv: de_amount(inv.truth["betrag_brutto"]))


# -- what each family prints ------------------------------------------------------------------------------


def test_arzt_goae_prints_treatments_under_the_fee_schedule_without_vat(invoices):
    schedules, vat_lines = set(), set()
    for inv in invoices["arzt_goae"]:
        t, text = inv.truth, text_of(inv.pdf)
        assert t["betrag_netto"] == t["betrag_brutto"] and "ust_id" not in t and "steuernummer" in t
        assert re.search(r"§ 4 Nr\. 14a? UStG", text) and "30 Tagen" in text
        assert re.search(
            r"(Rechnungsbetrag|Gesamtbetrag|Zu zahlender Betrag) " + re.escape(de_amount(t["betrag_brutto"])),
            text,
        )
        schedule = "GOZ" if "Zahn" in text else "GOÄ"
        assert f"{schedule}-Nr." in text or f"({schedule})" in text
        schedules.add(schedule)
        # a VAT amount only where the truth has one: 0,00
        printed = (
            re.search(r"(USt\.|MwSt\. 0 %|Umsatzsteuer 0 %|USt\. \(steuerfrei\)) 0,00", text) is not None
        )
        assert printed == ("mwst" in t) and t.get("mwst", 0.0) == 0.0
        vat_lines.add(printed)
        # every treatment date before the invoice date; birth dates aside
        invoice_day = dt.date.fromisoformat(t["datum"])
        treated = days_in(re.sub(r"geb\. \S+", "", text))
        assert sum(day == invoice_day for day in treated) == 1 and all(day <= invoice_day for day in treated)
        # fees of some numbers, worked out here from their points: points x point value x a factor from 1,0 to 3,5
        for item in inv.items:
            assert item.unit_price > 0 and item.rate == 0
            if item.article in FEES:
                points, point = FEES[item.article]
                assert item.unit_price in {
                    (points * point * Decimal(f)).quantize(CENT, ROUND_HALF_UP) for f in FACTORS
                }
    assert schedules == {"GOÄ", "GOZ"} and vat_lines == {True, False}


def test_autovermietung_prints_the_rental_charges_and_the_card_payment(invoices):
    languages = set()
    for inv in invoices["autovermietung"]:
        t, text = inv.truth, text_of(inv.pdf)
        en = "Invoice" in text or "INVOICE" in text
        de = "Rechnung" in text
        languages.add((de, en))
        assert re.search(r"(Mietvertrag|Vertrags-Nr|Rental agreement|RA number)", text)
        agreement = re.search(
            r"(?:Mietvertrag-Nr\.|Mietvertragsnummer|Vertrags-Nr\.|Rental agreement(?: no\.)?|RA number) (\S+)",
            text,
        )
        assert agreement and agreement[1] != t["rechnungsnummer"]
        assert re.search(r"(MwSt\.|USt\.|VAT) 19 ?%|19 % MwSt\.", text) and re.search(r"\*{4} \d{4}", text)
        assert re.search(
            r"(Restbetrag|Offener Betrag|Saldo|Balance|Balance due|Amount due) (EUR |€ )?0[,.]00", text
        )
        assert any_printed(text, -t["betrag_brutto"]) and "ust_id" in t
        assert re.search(r"(Fahrzeug|Vehicle|Car)", text) and re.search(
            r"\b[A-Z]{1,2}-[A-Z]{2} \d{2,4}\b", text
        )
        # the invoice date: never before the pick-up or the return (printed with their times)
        invoice_day = dt.date.fromisoformat(t["datum"])
        stamped = days_in(" ".join(re.findall(r"(\S+(?: \w+ \d{4})?) \d\d:\d\d", text)))
        assert len(stamped) == 2 and stamped[0] < stamped[1] <= invoice_day
    assert {(True, False), (False, True), (True, True)} <= languages

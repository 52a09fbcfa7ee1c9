"""The families of families_kanzlei: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pymupdf
import pytest

from benchmarks.synth.families_kanzlei import KANZLEI_FAMILIES, draw_kanzlei
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
    iban_compact_or_in_fours,
    printed_gross,
    seeded,
    to_cent,
)
from tests.synth.test_synth import page_texts

NAMES = ("patentanwalt_kosten", "softwarelizenz_reseller")
KEYS = ALL_TRUTH_KEYS
# An amount as printed: German (1.234,56 / 1 234,56) or English (1,234.56), negative with a minus.
AMOUNT = r"-?(?:\d{1,3}(?:[ .]\d{3})*,\d\d(?!\d)|\d{1,3}(?:,\d{3})*\.\d\d(?!\d))"
CUR = r"(?:EUR |€ ?)?"
DAY = r"\d\d\.\d\d\.(?:\d{4}|\d\d)|\d{1,2}\. [A-Za-zä]+ \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}"
MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 12)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)  # date_forms has 12.03.24


def number(text: str) -> Decimal:
    """A printed amount in either convention as a number."""
    text = text.replace(" ", "")
    if re.search(r",\d\d$", text):
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text.replace(",", ""))


def day_of(text: str) -> dt.date:
    """A printed date: 12.03.2024, 12.03.24, 12. März 2024 or 12 March 2024."""
    if m := re.fullmatch(r"(\d\d)\.(\d\d)\.(\d{4}|\d\d)", text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return dt.date(year, int(m[2]), int(m[1]))
    day, month, year = text.replace(".", "").split()
    months = MONTHS_DE if month in MONTHS_DE else MONTHS_EN
    return dt.date(int(year), months.index(month) + 1, int(day))


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [number(m) for m in re.findall(rf"{label}:? {CUR}({AMOUNT})", text)]


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(KANZLEI_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_kanzlei)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        day = dt.date.fromisoformat(t["datum"])
        assert dt.date(2021, 3, 1) <= day <= dt.date(2025, 6, 30)
        assert t["waehrung"] == "EUR"
        assert "bic" not in t or "iban" in t
        if inv.layout == "patentanwalt_kosten":
            assert "iban" in t and not {"bestellnummer", "leistungsdatum"} & set(t)
        else:
            assert "ust_id" in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many,
        lambda inv, rates: (
            rates == ({Decimal(19), Decimal(0)} if inv.layout == "patentanwalt_kosten" else {Decimal(19)})
        ),
        positive_bases=True,
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- patentanwalt_kosten ----------------------------------------------------------------------------------

GROSS_PA = r"(?:Rechnungsbetrag|Gesamtbetrag|Endbetrag|Zu zahlender Betrag|Total amount due|Amount due|Total)"
REST_PA = r"(?:Restbetrag|noch zu zahlen|Balance due|Remaining amount)"
ADVANCE_PA = (
    r"(?:abzgl\. Kostenvorschuss vom|\./\. Vorschusszahlung vom|less advance payment of|less cost advance "
    r"received) [^ ]+(?: [^ ]+ \d{4})?"
)
DPMA_NO = r"30 ?\d{4} ?\d{3} ?\d{3}\.\d"
EUIPO_NO = r"01[89] ?\d{3} ?\d{3}"


def official_fees(euipo: bool, classes: int) -> Decimal:
    """The office's fees for an application in `classes` classes, written out by hand (DPMA: 290 euros up to
    three classes, 100 per further class; EUIPO: 850, 50 for the second class, 150 for each further)."""
    if euipo:
        return Decimal(850 + 50 * (classes >= 2) + 150 * max(0, classes - 2))
    return Decimal(290 + 100 * max(0, classes - 3))


def test_patentanwalt_kosten_prints_a_trademark_filing_invoice(many):
    counts = dict.fromkeys(
        ("en", "de", "euipo", "dpma", "sole", "firm", "sidebar", "table", "sections", "after", "before",
         "hourly", "flat", "advance", "claim", "client", "classfee", "accelerated", "bank_text", "bank_foot",
         "renewal", "paid_day"),
        0,
    )  # fmt: skip
    for inv in many["patentanwalt_kosten"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        en = "Invoice" in texts[0]
        counts["en" if en else "de"] += 1
        assert t["rechnungsnummer"] in texts[0]
        gross = amounts_after(text, GROSS_PA)
        assert cents(t["betrag_brutto"]) in gross, inv.seed
        # the matter: the mark, its classes, the office's file number, filing and priority dates
        mark = re.search(
            r"[„“]([^“”]+)[“”] \(([^)]+)\), (?:Klassen?|Nice class(?:es)?) (\d+(?:, \d+)*)", text
        )
        assert mark, inv.seed
        classes = len(mark[3].split(", "))
        euipo = "(EUIPO)" in text
        counts["euipo" if euipo else "dpma"] += 1
        assert re.search(rf"(?:{EUIPO_NO if euipo else DPMA_NO}) \((?:EUIPO|DPMA)\)", text), inv.seed
        assert not en or euipo
        filed = re.search(rf"(?:Anmeldetag|Anmelde- und Prioritätstag|Filing date): ({DAY})", text)
        assert filed and day_of(filed[1]) < dt.date.fromisoformat(t["datum"])
        prio = re.search(
            rf"(?:Prioritätstag|Priorität|Priority date|Anmelde- und Prioritätstag): ({DAY})", text
        )
        assert prio and day_of(prio[1]) <= day_of(filed[1])
        if day_of(prio[1]) < day_of(filed[1]):
            counts["claim"] += 1
            assert euipo and re.search(rf"DE {DPMA_NO}", text)
            assert (day_of(filed[1]) - day_of(prio[1])).days <= 183  # within six months
        # the official fees: at 0 %, as the office charges them for the classes
        passed = [item for item in inv.items if item.rate == 0]
        total = sum((item.total for item in passed), Decimal(0))
        expected = official_fees(euipo, classes)
        assert total in (expected, expected + 200) and (total == expected or not euipo), inv.seed
        counts["accelerated"] += total == expected + 200
        counts["classfee"] += not euipo and classes > 3
        assert re.search(r"(Amtsgebühren|official fees|Official fees)", text)
        assert "EUIPO" in text and "GV-Nr." not in text if euipo else "GV-Nr. 331 000" in text
        # where the official fees stand: before the net, or after the taxed gross with a summary by rate
        if re.search(r"(Aufteilung|Breakdown) (Netto|Net)", text):
            counts["after"] += 1
            row = re.search(rf"(?:Gesamt|Total) ({AMOUNT}) ({AMOUNT}) ({AMOUNT})", text)
            assert row and [number(x) for x in row.groups()] == [
                cents(t[k]) for k in ("betrag_netto", "mwst", "betrag_brutto")
            ]
        else:
            counts["before"] += 1
            nets = amounts_after(text, r"(?:Nettobetrag|Summe netto|Gesamtbetrag netto|Net amount|Total net)")
            assert cents(t["betrag_netto"]) in nets, inv.seed
            taxed = re.search(rf"(?:auf|on) ({AMOUNT}) {CUR}({AMOUNT})", text)
            assert taxed and number(taxed[1]) == cents(t["betrag_netto"]) - total
            assert number(taxed[2]) == cents(t["mwst"])
        # the attorney's fees flat or by the hour, a disbursements lump sum
        hours = [item for item in inv.items if item.unit in ("Std.", "h")]
        counts["hourly" if hours else "flat"] += 1
        assert hours or re.search(r"(Pauschalhonorar|Flat fee)", text)
        assert re.search(r"(Auslagenpauschale|Pauschale für Post- und Telekommunikation|Disbursements)", text)
        if rest := amounts_after(text, REST_PA):
            counts["advance"] += 1
            paid = amounts_after(text, ADVANCE_PA)
            assert paid and paid[0] < 0 and rest[0] == cents(t["betrag_brutto"]) + paid[0]
        # the firm: a partnership with its register, or a sole attorney named on a line of its own
        name = t["lieferant"]
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            lines = doc[0].get_text().split("\n")
        assert name in lines, inv.seed
        if name.endswith("mbB"):
            counts["firm"] += 1
            assert re.search(r"Partnerschaftsregister AG .+ PR \d+", text)
        else:
            counts["sole"] += 1
            assert re.search(rf"Patentanw(alt|ältin) {re.escape(name)} · ", text) and "PR " not in text
            assert not name.startswith("Patentanw")
        assert "Patentanwaltskammer" in text
        if "kundennummer" in t:
            counts["client"] += 1
            assert re.search(rf"(Mandanten-Nr\.|Mandantennummer|Mandant|Client No\.|Client number) "
                             rf"{re.escape(t['kundennummer'])}", texts[0])  # fmt: skip
        counts["bank_text" if re.search(r"(Konto bei der|account with) ", text) else "bank_foot"] += 1
        counts["sidebar"] += "European Patent Attorney" in text or "European Trademark and Design" in text
        counts["table" if re.search(r"(Pos\.|No\.) (Leistung|Bezeichnung|Gegenstand|Description|Service)",
                                    text) else "sections"] += 1  # fmt: skip
        if end := re.search(rf"(?:Schutzdauer endet am|term of protection ends on) ({DAY})", text):
            counts["renewal"] += 1
            assert day_of(end[1]).year == day_of(filed[1]).year + 10
        counts["paid_day"] += bool(re.search(r"(entrichtet|were paid to the)", text))
    assert all(counts.values()), counts


# -- softwarelizenz_reseller ------------------------------------------------------------------------------

GROSS_SW = r"(?:Rechnungsbetrag|Gesamtbetrag|Zu zahlender Betrag|Summe brutto)(?: EUR)?"
PRORATA = rf"anteilig (\d+) von (\d+) Tagen \(({DAY}) – ({DAY})\)"
SHARE = rf"({AMOUNT}) {CUR}je \w+/(Jahr|Monat) × (\d+)/(\d+) = ({AMOUNT})"
VENDORS = ("Microsoft 365 (CSP) · Tenant ", "Adobe VIP · VIP-Nr. ", "Endpoint Security · Lizenz-ID ",
           "Autodesk · Vertragsnr. 110", "TeamViewer · Lizenz-Nr. ")  # fmt: skip


def test_softwarelizenz_reseller_prints_subscriptions_with_terms_and_pro_rata_lines(many):
    counts = dict.fromkeys(
        ("yearly", "monthly", "prorata", "credit", "debit", "transfer", "no_bank", "terms", "customer",
         "order", "delivery", "service", "two_vendors", "tenant_id", *VENDORS),
        0,
    )  # fmt: skip
    for inv in many["softwarelizenz_reseller"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert cents(t["betrag_brutto"]) in amounts_after(text, GROSS_SW), inv.seed
        assert "19 %" in text and "Laufzeit " in text and "Lizenzschlüssel" in text
        assert re.search(r"Kunde / Domain: [a-z0-9-]+\.de", text)
        assert re.search(r"(Auftrags-Nr\.|Unser Auftrag\b|Vorgang\b)", texts[0])
        assert re.search(r"\b(AB-\d{4}-\d{4}|VA\d{6}|8\d{5})\b", texts[0])
        vendors = [v for v in VENDORS if v in text]
        assert vendors, inv.seed
        for v in vendors:
            counts[v] += 1
        counts["two_vendors"] += len(vendors) > 1
        counts["tenant_id"] += bool(re.search(r"Tenant-ID [0-9a-f]{8}-[0-9a-f]{4}-", text))
        monthly = "Abrechnungszeitraum" in texts[0]
        counts["monthly" if monthly else "yearly"] += 1
        assert ("monatliche Zahlung" in text) == monthly
        # the pro-rata lines: the days counted over the span printed, the share of the price per seat
        spans = re.findall(PRORATA, text)
        shares = re.findall(SHARE, text)
        assert len(spans) == len(shares)
        for days, whole, a, b in spans:
            assert (day_of(b) - day_of(a)).days + 1 == int(days) <= int(whole)
            assert int(whole) in ((365, 366) if not monthly else (28, 29, 30, 31))
        for price, per, days, whole, share in shares:
            assert per == ("Monat" if monthly else "Jahr")
            assert number(share) == to_cent(number(price) * int(days) / int(whole))
        counts["prorata"] += bool(spans)
        credits = [item for item in inv.items if item.total < 0]
        if credits:
            counts["credit"] += 1
            assert "Gutschrift " in text and all(item.quantity < 0 for item in credits)
            assert all(f"-{item.total:.2f}".replace("-", "").replace(".", ",") in text for item in credits)
        # payment by transfer or by direct debit; the reseller's own account in the footer or not
        if "SEPA-Lastschrift" in text:
            counts["debit"] += 1
            assert re.search(r"DE\d\d(?: \*{4}){3} \*\*\d\d \d\d|DE\d\dX{14}\d{4}", text)
            assert re.search(r"Mandatsreferenz: \S+ · Gläubiger-ID: DE\d\dZZZ0\d{10}\b", text)
        else:
            counts["transfer"] += 1
        if "iban" in t:
            assert re.search(r"IBAN DE\d\d", text)
        else:
            counts["no_bank"] += 1
            assert not re.search(r"IBAN DE\d\d", text)
        if "Lizenzbedingungen und Hinweise" in text:
            counts["terms"] += 1
            assert "Lizenzbedingungen und Hinweise" in texts[-1] and t["pages"] == 2 and "Seite 2" in text
        if "kundennummer" in t:
            counts["customer"] += 1
            assert re.search(rf"(Kunden-Nr\.|Kundennummer):? {re.escape(t['kundennummer'])}", texts[0])
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(
                rf"(Ihre Bestellung|Ihre Bestell-Nr\.|Bestellnummer):? {t['bestellnummer']}", texts[0]
            )
        else:
            assert not re.search(r"(Ihre Bestell-Nr\.|Bestellnummer):? [A-Z0-9]", texts[0])
        if "leistungsdatum" in t:
            counts["delivery"] += 1
            label = r"(Lieferdatum|Leistungsdatum|Liefer-/Leistungsdatum):?"
            forms = "|".join(re.escape(f) for f in printed_forms("leistungsdatum", t["leistungsdatum"]))
            assert re.search(rf"{label} ({forms})", texts[0]) and not monthly
        else:
            assert not re.search(r"(Lieferdatum|Leistungsdatum):? \d", texts[0])
        counts["service"] += any(item.unit == "Std." for item in inv.items)
    assert all(counts.values()), counts

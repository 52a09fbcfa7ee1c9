"""The families of families_buero: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pymupdf
import pytest

from benchmarks.synth.families_buero import BUERO_FAMILIES, draw_buero
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
    de_number,
    german_printed_forms,
    iban_in_fours,
    printed_gross,
    seeded,
    text_of,
    to_cent,
)
from tests.synth.test_families import any_printed, date_forms
from tests.synth.test_synth import page_texts

NAMES = ("kopierer_leasing", "notar_kostenrechnung")
KEYS = ALL_TRUTH_KEYS - {"bestellnummer", "leistungsdatum"}
AMOUNT = r"\d{1,3}(?:\.\d{3})*,\d\d"
COUNT = r"\d+(?:\.\d{3})*"
# Tabelle B of § 34 GNotKG (1,0 fee) at the values these invoices use, written out by hand from the table.
TABLE_B = {5000: 45, 10000: 75, 25000: 115, 30000: 125, 40000: 145, 50000: 165, 60000: 192, 100000: 273,
           120000: 327, 250000: 535}  # fmt: skip


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 16)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(dates=("datum",), iban=iban_in_fours)


def count_of(text: str) -> int:
    """A printed page count or meter reading ("131.210" or "131210")."""
    return int(text.replace(".", ""))


def page_price(text: str) -> Decimal:
    """A printed price per page: "0,0089 €", "0,0089" or "0,89 ct"."""
    number = Decimal(text.replace(" €", "").replace(" ct", "").replace(",", "."))
    return number / 100 if text.endswith("ct") else number


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(BUERO_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_buero)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 7, 1) <= day <= dt.date(2021, 1, 31)  # German VAT 16 % then
        assert t["waehrung"] == "EUR"
        assert "bic" not in t or "iban" in t
        if inv.layout == "notar_kostenrechnung":
            assert dt.date(2021, 1, 1) <= day <= dt.date(2025, 5, 31)
            assert "iban" in t and "kundennummer" not in t
        else:
            assert "ust_id" in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many,
        lambda inv, rates: (
            rates <= ({Decimal(19)} if inv.layout == "kopierer_leasing" else {Decimal(19), Decimal(0)})
            and Decimal(19) in rates
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


# -- kopierer_leasing -------------------------------------------------------------------------------------

GROSS_COPIER = r"(Rechnungsbetrag brutto|Rechnungsbetrag|Gesamtbetrag|Lastschriftbetrag)"
MASKED = r"DE\d\d \*{4} \*{4} \*{4} \*\*\d\d \d\d|DE\d\dX{14}\d{4}"
PRICE = r"0,\d{4}(?: €)?|\d,\d\d ct"


def meter_rows(text: str, free: bool) -> list[tuple[int, ...]]:
    """The meter table's rows: readings old and new, pages, (included, over,) price and amount."""
    counts = 5 if free else 3
    pattern = " ".join([f"({COUNT})"] * counts) + rf" ({PRICE}) ({AMOUNT})"
    return [m.groups() for m in re.finditer(rf"(?<![\d.,]){pattern}(?![\d,])", text)]


def test_kopierer_leasing_prints_a_contract_invoice_with_meter_readings(many):
    counts = dict.fromkeys(
        ("meters", "positions", "free", "all_click", "cent", "advance", "arrears", "subtotals", "no_bank",
         "estimated", "two_pages", "two_devices", "monthly", "quarterly", "no_transfer", "customer", "hotline"),
        0,
    )  # fmt: skip
    for inv in many["kopierer_leasing"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        gross = re.search(rf"{GROSS_COPIER} ({AMOUNT})", text)
        assert gross and de_number(gross[2]) == cents(t["betrag_brutto"]), inv.seed
        contract = re.search(r"(Leasingvertrag|Full-Service-Vertrag|Miet- und Servicevertrag|Leasing- und "
                             r"Servicevertrag) Nr\. (\S+(?: \d+)?) vom", text)  # fmt: skip
        assert contract and contract[2] in texts[0]
        assert re.search(r"(Vertragsnummer|Vertrags-Nr\.|Vertrag):? " + re.escape(contract[2]), texts[0])
        assert re.search(r"(Seriennr\.|Serien-Nr\.|SN) [A-Z0-9]{8,13}\b", text)
        # paid by direct debit only: the customer's masked account, the mandate, the creditor id
        assert re.search(MASKED, text) and "Mandatsreferenz: " in text
        assert re.search(r"Gläubiger-Identifikationsnummer: DE\d\dZZZ0\d{10}\b", text)
        assert "19 %" in text
        counts["hotline"] += "Service-Hotline 0800 " in text
        assert not re.search(r"überweisen Sie (den Betrag|bis)(?! nicht)", text.replace("Betrag nicht", ""))
        counts["no_transfer"] += "Bitte überweisen Sie den Betrag nicht" in text
        clicks = [item for item in inv.items if item.unit == "Seiten"]
        assert clicks and all(item.unit_price.as_tuple().exponent == -4 for item in clicks)
        assert all(Decimal("0.005") < item.unit_price < Decimal("0.1") for item in clicks)
        months = {item.quantity for item in inv.items if item.unit in ("Monat", "Monate")}
        assert months in ({Decimal(1)}, {Decimal(3)})
        counts["monthly" if months == {1} else "quarterly"] += 1
        if "Zählwerk" in text:
            counts["meters"] += 1
            free = bool(re.search(r"\b(Freimenge|inklusive|Inkl\.-Vol\.)(?!\w)", text))
            rows = meter_rows(text, free)
            assert len(rows) == len(clicks), inv.seed
            for row in rows:
                old, new, used = (count_of(x) for x in row[:3])
                assert new - old == used
                over = used
                if free:
                    assert count_of(row[4]) == max(0, used - count_of(row[3]))
                    over = count_of(row[4])
                assert de_number(row[-1]) == to_cent(over * page_price(row[-2]))
            counts["free" if free else "all_click"] += 1
        else:
            counts["positions"] += 1
            readings = re.findall(
                rf"Zählerstand [\d.]+: ({COUNT}) · [\d.]+: ({COUNT}) · Verbrauch ({COUNT})", text
            )
            assert len(readings) == len(clicks)
            assert all(count_of(new) - count_of(old) == count_of(used) for old, new, used in readings)
            counts["free" if "abzgl. Freimenge" in text else "all_click"] += 1
        for item in clicks:
            assert any_printed(text, float(item.total)), (inv.seed, item)
        counts["cent"] += bool(re.search(r"\d,\d\d ct", text))
        counts["advance" if "Grundgebühr " in text and "Seitenabrechnung " in text else "arrears"] += 1
        counts["subtotals"] += bool(
            re.search(r"Summe (Grundgebühren|Leasing/Service|übrige Positionen)", text)
        )
        counts["estimated"] += "geschätzt" in text or "Schätzung" in text
        counts["two_pages"] += t["pages"] == 2
        counts["two_devices"] += len({item.description.split(" ", 1)[1] for item in clicks}) > 1
        if "iban" in t:
            assert re.search(r"IBAN DE\d\d", text)
        else:
            counts["no_bank"] += 1
            assert not re.search(r"IBAN DE\d\d", text)
        if "kundennummer" in t:
            counts["customer"] += 1
            assert re.search(rf"(Kundennummer|Kunden-Nr\.|Ihre Kd\.-Nr\.):? {t['kundennummer']}", texts[0])
        if t["pages"] == 2:
            assert "Seite 2 von 2" in texts[1]
    assert all(counts.values()), counts


# -- notar_kostenrechnung ---------------------------------------------------------------------------------

GROSS_NOTARY = r"(Rechnungsbetrag|Gesamtbetrag|Zu zahlender Betrag|Endbetrag)"
KINDS = {
    "gruendung": r"Gründung der ",
    "anmeldung": r"Handelsregisteranmeldung .+ \(HRB \d+\): ",
    "abtretung": r"Erwerb von Geschäftsanteilen an der ",
    "beschluss": r"Gesellschafterbeschluss der ",
    "beglaubigung": r"Unterschriftsbeglaubigung \(",
}
FEES_BY_TABLE = {"21100", "21200", "22110", "22111", "22114", "22200", "24102", "25100"}


def fee_of(kv: str, value: int, rate: str) -> Decimal:
    fee = to_cent(Decimal(rate.replace(",", ".")) * TABLE_B[value])
    return min(max(fee, Decimal(20)), Decimal(70)) if kv == "25100" else fee


def test_notar_kostenrechnung_prints_a_gnotkg_fee_invoice(many):
    counts = dict.fromkeys(
        ("table", "blocks", "compact", "after", "before", "none", "letter", "label", "lawyer", "notary",
         "uvz", "ur", "checked", "two_pages", "doctor", "plain", *KINDS),
        0,
    )  # fmt: skip
    for inv in many["notar_kostenrechnung"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            lines = doc[0].get_text().split("\n")
        name = t["lieferant"]
        assert name in lines and not name.startswith("Notar"), inv.seed  # the name on its own line
        assert re.search(rf"(Notar|Notarin) {re.escape(name)} · ", text)  # sender line and footer
        assert re.search(r"(Kostenberechnung|Kostenrechnung|Notarkostenrechnung)", texts[0])
        assert t["rechnungsnummer"] in texts[0] and "GNotKG" in text and "L.S." in text
        assert "Rechtsbehelfsbelehrung" in text and "§ 127 GNotKG" in text and "Landgerichts " in text
        assert "Amtssitz " in text and re.search("notarkammer", text, re.IGNORECASE)
        deed = re.search(
            r"(UVZ-Nr\.|Urkundenverzeichnis-Nr\.|UR-Nr\.|Urkundenrolle Nr\.) (\d+/\d{4}(?: [BM])?)", text
        )
        assert deed and deed[2] != t["rechnungsnummer"]
        counts["uvz" if deed[1] in ("UVZ-Nr.", "Urkundenverzeichnis-Nr.") else "ur"] += 1
        done = re.search(r"(Urkunde|Beurkundung|Beglaubigung) vom (\S+(?: \S+ \d{4})?),", text)
        assert done and done[2] not in date_forms(t["datum"])  # the deed's date, not the invoice's
        gross = re.search(rf"{GROSS_NOTARY} ({AMOUNT})", text)
        assert gross and de_number(gross[2]) == cents(t["betrag_brutto"]), inv.seed
        assert re.search(r"(19 % Umsatzsteuer|19 % USt\.|Umsatzsteuer 19 %)", text)
        assert all(item.article in text for item in inv.items)  # every KV-Nr.
        assert re.search(r"Nr\. 32005|\b32005\b", text) and "Post- und Telekommunikation" in text
        passed = [item for item in inv.items if item.rate == 0]
        assert all(item.article == "32015" for item in passed)
        if not passed:
            counts["none"] += 1
            assert "durchlaufende" not in text
        elif "zzgl. durchlaufende Posten" in text:
            counts["after"] += 1
            summary = re.search(rf"Gesamt ({AMOUNT}) ({AMOUNT}) ({AMOUNT})", text)
            assert summary and [de_number(x) for x in summary.groups()] == [
                cents(t[k]) for k in ("betrag_netto", "mwst", "betrag_brutto")
            ]
        else:
            counts["before"] += 1
            assert "Verauslagte Kosten (durchlaufende Posten" in text
            net = re.search(rf"(Summe netto|Gesamt netto) ({AMOUNT})", text)
            assert net and de_number(net[2]) == cents(t["betrag_netto"])
            assert re.search(rf"19 % Umsatzsteuer auf {AMOUNT}", text)
        for kv, value, rate, amount in re.findall(rf"\b(2\d{{4}}) ({AMOUNT}) (\d,\d) ({AMOUNT})", text):
            if int(de_number(value)) in TABLE_B:
                counts["checked"] += 1
                assert de_number(amount) == fee_of(kv, int(de_number(value)), rate), (inv.seed, kv)
        for kv, rate, value, amount in re.findall(
            rf"Nr\. (2\d{{4}}) KV – [^€]+?, (\d,\d)-Gebühr aus ({AMOUNT}) (?:€|EUR) ({AMOUNT})", text
        ):
            if int(de_number(value)) in TABLE_B:
                counts["checked"] += 1
                assert de_number(amount) == fee_of(kv, int(de_number(value)), rate), (inv.seed, kv)
        fees = [item for item in inv.items if item.article in FEES_BY_TABLE]
        assert fees and all(item.quantity == 1 for item in fees)
        if "Tabelle B" in text:
            counts["blocks"] += 1
        elif re.search(r"Nr\. 2\d{4} KV – ", text):
            counts["compact"] += 1
        else:
            counts["table"] += 1
            assert "Geschäftswert" in text and "Satz" in text
        counts["letter"] += bool(re.search(r", den \d", texts[0]))
        counts["label"] += bool(re.search(r"(Datum|Rechnungsdatum) \d", texts[0]))
        counts[
            "lawyer" if re.search(r"Rechtsanw(alt|ältin) und Notar", text, re.IGNORECASE) else "notary"
        ] += 1
        counts["doctor" if name.startswith("Dr. ") else "plain"] += 1
        counts["two_pages"] += t["pages"] == 2
        kinds = [kind for kind, pattern in KINDS.items() if re.search(pattern, texts[0])]
        assert len(kinds) == 1, (inv.seed, kinds)
        counts[kinds[0]] += 1
    assert all(counts.values()), counts
    assert counts["checked"] >= 20


def test_notar_kostenrechnung_prints_geschaeftswerte_and_rates(many):
    values, rates = set(), set()
    for inv in many["notar_kostenrechnung"]:
        text = text_of(inv.pdf)
        values |= {de_number(v) for v in re.findall(rf"Geschäftswert:? ({AMOUNT})", text)}
        values |= {de_number(v) for v in re.findall(rf"\b2\d{{4}} ({AMOUNT}) \d,\d ", text)}
        rates |= set(re.findall(r"\b([0-2],\d)(?:-Gebühr| (?=\d))", text))
    assert Decimal(30000) in values and len(values) >= 4 and max(values) >= 100000 and min(values) <= 25000
    assert {"2,0", "1,0", "0,5", "0,3"} <= rates

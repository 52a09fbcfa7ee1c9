"""The families of families_umzug: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from benchmarks.synth.families_umzug import UMZUG_FAMILIES, draw_umzug
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
    printed_gross,
    seeded,
)
from tests.synth.test_families import amount_forms, date_forms
from tests.synth.test_synth import page_texts

NAMES = ("umzug_buero", "container_entsorgung")
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
TONNES = r"\d+,\d{3}"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 12)


# -- printed forms, written here independently of the generator -------------------------------------------


def printed_forms(key: str, value) -> set[str]:
    if key in ("betrag_netto", "mwst", "betrag_brutto"):
        return amount_forms(value)
    if key in ("datum", "leistungsdatum"):
        day = dt.date.fromisoformat(value)
        return date_forms(value) | {f"{day:%d.%m.%y}"}
    if key == "waehrung":
        return {value, "€"}
    if key == "ust_id":
        return {value, f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}"}
    if key == "iban":
        compact = value.replace(" ", "")
        return {value, compact, " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))}
    return {str(value)}


def to_cent(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}) ({AMOUNT}){CUR}", text)]


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(UMZUG_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_umzug)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        assert "iban" in t and t["waehrung"] == "EUR"
        assert "bic" not in t or "iban" in t
        day = dt.date.fromisoformat(t["datum"])
        assert not dt.date(2020, 6, 15) <= day <= dt.date(2021, 1, 31)  # German VAT 16 % then
        if inv.layout == "umzug_buero":
            assert "bestellnummer" not in t
            if "leistungsdatum" in t:
                assert dt.date.fromisoformat(t["leistungsdatum"]) <= day
        else:
            assert "leistungsdatum" not in t and "kundennummer" in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many,
        lambda inv, rates: Decimal(19) in rates and rates <= {Decimal(19), Decimal(0)},
        positive_bases=True,
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- what both print about fees passed on -----------------------------------------------------------------

GROSS = r"(?:Gesamtbetrag|Rechnungsbetrag|Bruttobetrag|Summe brutto)(?: EUR)?"


def check_passed_fees(inv, text: str) -> str:
    """Fees passed on without VAT: listed under the totals with a summary by rate, or in the table with the
    VAT on the taxed part; returns how ("after", "before" or "none")."""
    t = inv.truth
    passed = [item for item in inv.items if item.rate == 0]
    if not passed:
        assert "durchlaufende" not in text and "verauslagte Gebühren" not in text
        return "none"
    assert "durchlaufende" in text
    taxed = sum((item.total for item in inv.items if item.rate == 19), Decimal(0))
    if "zzgl. verauslagte Gebühren (ohne USt.)" in text:
        summary = re.search(rf"Gesamt ({AMOUNT}) ({AMOUNT}) ({AMOUNT})", text)
        assert summary and [de_number(x) for x in summary.groups()] == [
            cents(t[k]) for k in ("betrag_netto", "mwst", "betrag_brutto")
        ], inv.seed
        assert de_number(re.search(rf"verauslagte Gebühren \(ohne USt\.\) ({AMOUNT})", text)[1]) == sum(
            (item.total for item in passed), Decimal(0)
        )
        return "after"
    assert de_number(re.search(rf"19 % USt\. auf ({AMOUNT})", text)[1]) == taxed
    assert cents(t["betrag_netto"]) in amounts_after(text, "Summe netto|Nettobetrag gesamt")
    return "before"


# -- umzug_buero ------------------------------------------------------------------------------------------

ADDRESSES = (("Auszugsadresse", "Einzugsadresse"), ("Beladestelle", "Entladestelle"), ("Von", "Nach"),
             ("Auszug", "Einzug"))  # fmt: skip
DAY_LABELS = r"(Umzugstag|Umzugsdatum|Leistungsdatum|Ausführung am)"


def test_umzug_buero_prints_an_office_move(many):
    counts = dict.fromkeys(
        ("fixed", "hourly", "lift", "after", "before", "included", "no_zone", "deposit", "two_days", "boxes",
         "assembly", "insured", "skonto", "customer", "offer_in_head", "km", "two_pages_or_numbered"),
        0,
    )  # fmt: skip
    for inv in many["umzug_buero"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert "§ 451e HGB" in text and "620,00 € je Kubikmeter" in text and "7,5 t" in text
        assert any(f"{a}: " in text and f"{b}: " in text for a, b in ADDRESSES), inv.seed
        totals = amounts_after(text, GROSS)
        assert cents(t["betrag_brutto"]) in totals, inv.seed
        descriptions = " ".join(item.description for item in inv.items)
        if "Festpreis" in descriptions:
            counts["fixed"] += 1
            offer = re.search(r"Angebot (?:Nr\. )?(\S+) vom", text)
            assert offer and offer[1] != t["rechnungsnummer"]
            assert sum(1 for item in inv.items if "Festpreis" in item.description) == 1
            counts["offer_in_head"] += bool(re.search(rf"Angebot Nr\. {re.escape(offer[1])}(?! vom)", text))
        else:
            counts["hourly"] += 1
            team = re.search(r"(\d) Möbelpacker × (\d+(?:,5)?) Std\.", text)
            if team:
                movers, hours = int(team[1]), Decimal(team[2].replace(",", "."))
                item = next(item for item in inv.items if item.description.startswith("Umzugsteam"))
                assert item.quantity == movers * hours
            else:
                assert "Vorarbeiter / Teamleitung" in text
            km = next(item for item in inv.items if item.unit == "km")
            one_way = int(re.search(r"(\d+) km je Strecke", text)[1])
            assert km.quantity == 2 * one_way
            counts["km"] += 1
        counts["lift"] += "Möbellift" in descriptions
        counts["boxes"] += "kartons" in descriptions or "Kleiderboxen" in descriptions
        counts["assembly"] += "Demontage und Montage" in descriptions
        zone = "Halteverbotszone" in descriptions
        how = check_passed_fees(inv, text)
        if how == "none":
            counts["included" if zone else "no_zone"] += 1
        else:
            counts[how] += 1
            assert all("Straßenverkehrsbehörde" in item.description for item in inv.items if item.rate == 0)
        if "Anzahlung" in text:
            counts["deposit"] += 1
            paid = re.search(rf"abzgl\. Anzahlung[^\n]*? ({AMOUNT}){CUR}", text)
            rest = amounts_after(text, "Restbetrag|Noch zu zahlen|Zahlbetrag")
            assert paid and rest and rest[0] == cents(t["betrag_brutto"]) + de_number(paid[1]), inv.seed
        if "leistungsdatum" in t:
            assert re.search(
                rf"{DAY_LABELS}:? ({'|'.join(map(re.escape, date_forms(t['leistungsdatum'])))})", text
            )
        else:
            counts["two_days"] += 1
            assert re.search(r"Umzugstage:? \S+ und \S+", text)
        counts["insured"] += "Transportversicherung" in text
        counts["skonto"] += "Skonto" in text
        if "kundennummer" in t:
            counts["customer"] += 1
            assert re.search(rf"(Kunden-Nr\.|Kundennummer|Ihre Kd\.-Nr\.):? {t['kundennummer']}", texts[0])
        counts["two_pages_or_numbered"] += "Seite 1 von" in text
    assert all(counts.values()), counts


# -- container_entsorgung ---------------------------------------------------------------------------------


def test_container_entsorgung_prints_containers_and_tonnes(many):
    counts = dict.fromkeys(
        ("one_site", "sites", "exchange", "rent", "no_rent", "toll_trip", "toll_container", "toll_percent",
         "gross_tare", "dated", "after", "before", "none", "order", "job", "split", "joined", "subtotals"),
        0,
    )  # fmt: skip
    for inv in many["container_entsorgung"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert cents(t["betrag_brutto"]) in amounts_after(text, GROSS), inv.seed
        assert re.search(rf"(Kunden-Nr\.|Kundennummer):? {t['kundennummer']}", texts[0])
        assert re.search(r"Leistungszeitraum:? \S+", texts[0])
        weighed = [item for item in inv.items if item.unit == "t"]
        assert weighed and all(item.quantity.as_tuple().exponent == -3 for item in weighed)
        for item in weighed:
            printed = f"{item.quantity:.3f}".replace(".", ",")
            assert re.search(rf"(?<![\d,]){printed} t", text), (inv.seed, printed)
            assert re.search(r"AVV \d\d \d\d \d\d\b", item.description)
            assert item.total == to_cent(item.quantity * item.unit_price)
        tickets = re.findall(r"Wiegeschein-Nr\. (\d{6}) vom", text)
        assert len(tickets) == len(weighed) and len(set(tickets)) == len(tickets)
        weighings = re.findall(rf"brutto ({TONNES}) t / tara ({TONNES}) t", text)
        counts["gross_tare"] += bool(weighings)
        for gross, tare in weighings:
            net = Decimal(gross.replace(",", ".")) - Decimal(tare.replace(",", "."))
            assert any(item.quantity == net for item in weighed), (inv.seed, gross, tare)
        sites = set(re.findall(r"Baustelle ([A-ZÄÖÜ][^\d:]+ \d+, \d{5} [^:]+?): ", text))
        counts["sites" if len(sites) > 1 else "one_site"] += 1
        if len(sites) > 1:
            subtotals = amounts_after(text, r"Summe Baustelle \d")
            assert len(subtotals) == len(sites)
            counts["subtotals"] += 1
        counts["exchange"] += "Containerwechsel" in text
        counts["rent" if re.search(r"Standmiete|Containermiete", text) else "no_rent"] += 1
        counts["toll_trip"] += "Mautpauschale je Fahrt" in text
        counts["toll_container"] += "Maut- und Transportzuschlag" in text
        for pct, base in re.findall(rf"Transportzuschlag (\d) % auf ({AMOUNT})", text):
            counts["toll_percent"] += 1
            amount = to_cent(de_number(base) * int(pct) / 100)
            assert any(item.total == amount and "Transportzuschlag" in item.description for item in inv.items)
        counts["dated"] += bool(re.search(r"Pos\.\s+Datum", text))
        counts[check_passed_fees(inv, text)] += 1
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(
                rf"(Ihre Bestell-Nr\.|Ihre Bestellnummer|Bestellnummer):? {t['bestellnummer']}", text
            )
        job = re.search(r"(Auftrags-Nr\.|Unser Auftrag):? (\d+)", texts[0])
        if job:
            counts["job"] += 1
            assert job[2] != t.get("bestellnummer")
        counts["split" if "Stellung Absetz" in text or "Stellung Abroll" in text else "joined"] += 1
    assert all(counts.values()), counts

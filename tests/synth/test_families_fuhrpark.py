"""The families of families_fuhrpark: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from schwifty import IBAN
from stdnum.iso7064 import mod_97_10

from benchmarks.synth.families_fuhrpark import FUHRPARK_FAMILIES, draw_fuhrpark
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
    rates_one_of,
    seeded,
)
from tests.synth.test_families import date_forms
from tests.synth.test_synth import page_texts

NAMES = ("lkw_werkstatt", "firmenfitness_abo")
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
KEYS = {
    "lkw_werkstatt": REQUIRED
    | {"ust_id", "steuernummer", "iban", "bic", "kundennummer", "bestellnummer", "leistungsdatum"},
    "firmenfitness_abo": REQUIRED | {"ust_id", "steuernummer", "iban", "bic", "kundennummer"},
}
RATES = {"lkw_werkstatt": [{19}, {19, 0}], "firmenfitness_abo": [{19}]}
AMOUNT = r"-?\d{1,3}(?:[. ]\d{3})*,\d\d(?!\d)"
CUR = r"(?: €| EUR)?"
GERMAN_IBAN = r"DE\d\d(?: ?\d{4}){4} ?\d\d"
DAY = r"\d\d\.\d\d\.\d{2,4}|\d{1,2}\. [A-Z][a-zä]+ \d{4}"
printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


def any_date(iso: str) -> str:
    return "|".join(map(re.escape, date_forms(iso)))


def amounts_after(text: str, label: str) -> list[Decimal]:
    return [de_number(m) for m in re.findall(rf"(?:{label}):? ({AMOUNT}){CUR}", text)]


def german_day(text: str) -> dt.date:
    """A date as these families print it: 05.03.2024, 05.03.24 or 5. März 2024."""
    months = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember")  # fmt: skip
    long = re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", text)
    if long:
        return dt.date(int(long[3]), months.index(long[2]) + 1, int(long[1]))
    day, month, year = text.split(".")
    return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))


def is_creditor_id(value: str) -> bool:
    """A German SEPA creditor identifier whose ISO 7064 check digits hold."""
    m = re.fullmatch(r"DE(\d\d)ZZZ(\d{11})", value)
    return bool(m) and mod_97_10.is_valid(f"{m[2]}DE{m[1]}")


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(FUHRPARK_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_fuhrpark)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, REQUIRED, KEYS[inv.layout])
        assert t["waehrung"] == "EUR"
        assert "ust_id" in t or "steuernummer" in t
        assert not in_second_half_of_2020(t["datum"])
        if inv.layout == "lkw_werkstatt":
            assert "iban" in t
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]
            assert not in_second_half_of_2020(t["leistungsdatum"])


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, rates_one_of(RATES), positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass({"lkw_werkstatt": many["lkw_werkstatt"]}, iban_required=True)
    assert_identifiers_pass({"firmenfitness_abo": many["firmenfitness_abo"]})


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


# -- lkw_werkstatt ----------------------------------------------------------------------------------------

PLATE = r"\b[A-Z]{1,3}-[A-Z]{1,2} \d{1,4}\b"
FIN = r"\b[A-HJ-NPR-Z0-9]{17}\b"
ORDER = r"(?:Auftrag Nr\.|Werkstattauftrag|Auftrags-Nr\.)"
DAY_LABEL = r"(?:Leistungsdatum|Reparaturdatum|Ausgeführt am|Fertigstellung)"
GROSS = r"Gesamtbetrag|Rechnungsbetrag|Bruttobetrag|Summe brutto"
WMIS = ("WDB", "WMA", "YS2", "YV2", "XLR", "ZCF", "WV1", "WF0", "VF1", "ZFA")


def test_workshop_bills_one_vehicle_with_its_fin_plate_and_odometer(many):
    counts = dict.fromkeys(
        ("aw5", "aw6", "hours", "one_day", "two_days", "order", "no_order", "customer", "no_customer",
         "fleet_no", "jobs", "sections", "service", "two_pages"),
        0,
    )  # fmt: skip
    for inv in many["lkw_werkstatt"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert cents(t["betrag_brutto"]) in amounts_after(text, rf"(?:{GROSS})(?: EUR)?"), inv.seed
        # the vehicle: plate, FIN of 17 characters without I, O, Q, first registration, odometer
        assert re.search(PLATE, texts[0]), inv.seed
        fins = [f for f in re.findall(FIN, texts[0]) if f.startswith(WMIS)]
        assert len(fins) == 1, (inv.seed, fins)
        assert re.search(r"\bEZ\b|Erstzulassung", texts[0]) and re.search(r"\d{1,3}(?:\.\d{3})+ km", texts[0])
        counts["fleet_no"] += bool(re.search(r"Fzg\.-Nr\.|Ihre Fahrzeug-Nr\.", text))
        # the workshop's order number is neither the customer's order number nor its customer number
        order = re.search(rf"{ORDER}:? (\S+)", text)
        assert order, inv.seed
        assert order[1] not in (t.get("bestellnummer"), t.get("kundennummer"), t["rechnungsnummer"], fins[0])
        if "bestellnummer" in t:
            counts["order"] += 1
            assert re.search(rf"Ihre Bestell(?:-Nr\.|nummer):? {re.escape(t['bestellnummer'])}", text)
        else:
            counts["no_order"] += 1
            assert "Ihre Bestell" not in text
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
        # labour in AW (the rule printed) or in hours
        units = {item.unit for item in inv.items}
        assert units & {"AW", "Std."} and not {"AW", "Std."} <= units, inv.seed
        if "AW" in units:
            rule = re.search(r"1 AW = (\d) Min|AW à (\d) Min\.", text)
            minutes = rule and (rule[1] or rule[2])
            counts["aw5" if minutes == "5" else "aw6"] += 1
            assert minutes in ("5", "6"), inv.seed
        else:
            counts["hours"] += 1
        # the day of the work under its label, or acceptance and completion
        if "leistungsdatum" in t:
            counts["one_day"] += 1
            assert re.search(rf"{DAY_LABEL}:? (?:{any_date(t['leistungsdatum'])})", text), inv.seed
        else:
            counts["two_days"] += 1
            assert re.search(rf"Annahme am (?:{DAY}), Fertigstellung am (?:{DAY})", text), inv.seed
        counts["sections" if "Arbeitslohn" in text else "jobs"] += 1
        counts["service"] += any(item.description.startswith("Wartung") for item in inv.items)
        counts["two_pages"] += t["pages"] == 2
    assert all(counts.values()), counts


def test_workshop_charges_the_old_part_deposit_and_passes_the_hu_fee_on(many):
    counts = dict.fromkeys(
        (
            "credit",
            "no_credit",
            "hu_table",
            "hu_after",
            "hu_taxed",
            "sp",
            "no_hu",
            "ec",
            "ec_open",
            "transfer",
        ),
        0,
    )
    for inv in many["lkw_werkstatt"]:
        t, text = inv.truth, " ".join(page_texts(inv.pdf))
        descriptions = " ".join(item.description for item in inv.items)
        # an exchange part or two, each deposit charged; on some seeds the returned old parts credited
        deposits = [item for item in inv.items if item.description.startswith("Altteilpfand")]
        assert 1 <= len(deposits) <= 2 and all(item.unit_price > 0 for item in deposits), inv.seed
        parts = [item for item in inv.items if "Austauschteil" in item.description and item not in deposits]
        assert len(parts) == len(deposits), inv.seed
        credits = [item for item in inv.items if item.unit_price < 0]
        if credits:
            counts["credit"] += 1
            assert sorted(-item.unit_price for item in credits) == sorted(x.unit_price for x in deposits)
            assert all(
                re.search(r"Altteilgutschrift|Gutschrift Altteilpfand", x.description) for x in credits
            )
        else:
            counts["no_credit"] += 1
        assert "ntsorgung" in descriptions
        # the HU fee passed on without VAT: in the table, or under the 19 % total
        passed = [item for item in inv.items if item.rate == 0]
        if passed:
            assert len(passed) == 1 and passed[0].description == "HU-Gebühr (durchlaufender Posten)"
            fee = passed[0].total
            if re.search(rf"19 % USt\. auf {AMOUNT}", text):
                counts["hu_table"] += 1
                assert "HU-Gebühr (durchlaufender Posten)" in text
            else:
                counts["hu_after"] += 1
                assert fee in amounts_after(
                    text, r"zzgl\. HU-Gebühr \((?:durchlaufender Posten|ohne USt\.)\)"
                )
                assert "durchlaufenden Posten ohne Umsatzsteuer" in text
            net = cents(t["betrag_netto"])
            assert cents(t["mwst"]) == ((net - fee) * Decimal("0.19")).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
        elif "(im Haus)" in descriptions:
            counts["hu_taxed"] += 1
            assert "Vorführung zur HU" in descriptions
        elif "Sicherheitsprüfung (SP)" in descriptions:
            counts["sp"] += 1
            assert not re.search(r"Sprinter|Crafter|Transit|Daily|Master|Ducato|TGL", text), (
                inv.seed
            )  # > 7,5 t
        else:
            counts["no_hu"] += 1
            assert "HU-Gebühr" not in text
        # paid on collection by card, or by transfer
        if "EC-Karte" in text:
            counts["ec"] += 1
            received = amounts_after(text, r"Betrag (?:dankend )?erhalten – EC-Karte(?: \(girocard\))?")
            assert received == [cents(t["betrag_brutto"])], inv.seed
            if re.search(rf"Offener Betrag:? 0,00{CUR}", text):
                counts["ec_open"] += 1
            assert "Skonto" not in text
        else:
            counts["transfer"] += 1
    assert all(counts.values()), counts


# -- firmenfitness_abo ------------------------------------------------------------------------------------

TIERS = ("Silver", "Gold", "Platinum")


def tier_lines(inv):
    """The tiers' lines: members × the company's share (not the pro-rata, credit or fee lines)."""
    return [
        item
        for item in inv.items
        if re.search(r"\b(?:Silver|Gold|Platinum)\b", item.description)
        and not re.search(r"anteilig|Gutschrift", item.description)
    ]


def tier_of(description: str) -> str:
    m = re.search(r"\b(Silver|Gold|Platinum)\b", description)
    assert m, description
    return m[1]


def table_number(value: Decimal) -> str:
    """An amount below 1.000 as the table prints it: 25,00."""
    return f"{value:.2f}".replace(".", ",")


def test_fitness_bills_members_times_the_company_share(many):
    counts = dict.fromkeys(
        ("one_tier", "tiers", "columns", "notes", "info", "no_employee_share", "prorata", "credit", "setup",
         "activation", "names", "ahead", "arrears", "customer", "no_customer"),
        0,
    )  # fmt: skip
    for inv in many["firmenfitness_abo"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        lines = tier_lines(inv)
        shares = {tier_of(item.description): item.unit_price for item in lines}
        assert len(shares) == len(lines) >= 1, inv.seed
        counts["one_tier" if len(lines) == 1 else "tiers"] += 1
        ordered = [shares[tier] for tier in TIERS if tier in shares]
        assert ordered == sorted(ordered) and len(set(ordered)) == len(ordered), inv.seed
        # the members counted in the subject are the tiers' quantities
        active = re.search(rf"Aktive Mitglieder zum (?:{DAY}): (\d+) · Zugänge: (\d+) · Abgänge: (\d+)", text)
        assert active and int(active[1]) == sum(int(item.quantity) for item in lines), inv.seed
        joined = int(active[2])
        # the period: one calendar month, billed in advance or in arrears
        period = re.search(
            rf"(?:Abrechnungszeitraum|Leistungszeitraum) ({DAY}) – ({DAY}) \((im Voraus|nachträglich)\)", text
        )
        assert period, inv.seed
        first, last = german_day(period[1]), german_day(period[2])
        assert first.day == 1 and last == first.replace(day=calendar.monthrange(first.year, first.month)[1])
        day = dt.date.fromisoformat(t["datum"])
        if period[3] == "im Voraus":
            counts["ahead"] += 1
            assert first <= day <= last
        else:
            counts["arrears"] += 1
            assert day > last
        assert not in_second_half_of_2020(first.isoformat())
        contract = re.search(r"Rahmenvertrag Nr\. (.+?) vom", text)
        assert contract and contract[1] != t.get("kundennummer")
        counts["customer" if "kundennummer" in t else "no_customer"] += 1
        # the employees' shares: never billed, printed as information on some seeds
        shown = False
        for item in lines:
            share = re.escape(table_number(item.unit_price))
            row = re.search(rf"\b{int(item.quantity)} ({AMOUNT}) ({AMOUNT}) {share}", text)
            if row and re.search(r"(?:Eigena|A)nteil MA", text):
                assert de_number(row[1]) - de_number(row[2]) == item.unit_price, inv.seed
                shown = True
        counts["columns"] += shown
        notes = re.findall(
            rf"Monatsbeitrag ({AMOUNT}){CUR} je Mitglied, davon Eigenanteil Mitarbeitende ({AMOUNT})", text
        )
        if notes:
            counts["notes"] += 1
            assert {de_number(a) - de_number(b) for a, b in notes} == set(shares.values()), inv.seed
        info = re.search(
            r"(?:Eigenanteile Ihrer Mitarbeitenden für .+? gesamt|Eigenanteile der Mitarbeitenden von "
            rf"insgesamt) ({AMOUNT})",
            text,
        )
        if info:
            counts["info"] += 1
            # never the amount billed (with a 50 % subsidy it may equal the net: the employees pay as much)
            assert 0 < de_number(info[1]) != cents(t["betrag_brutto"]), inv.seed
        if not (shown or notes or info):
            counts["no_employee_share"] += 1
        descriptions = [item.description for item in inv.items]
        for item in inv.items:
            if "anteilig" in item.description:
                counts["prorata"] += 1
                days = re.search(r"\((\d+)/(\d+) Tage\)", item.description)
                share = shares[tier_of(item.description)]
                expected = (share * int(days[1]) / int(days[2])).quantize(Decimal("0.01"), ROUND_HALF_UP)
                assert item.unit_price == expected, inv.seed
            if item.unit_price < 0:
                counts["credit"] += 1
                assert item.description.startswith("Gutschrift Sonderkündigung") and period[3] == "im Voraus"
                assert -item.unit_price == shares[tier_of(item.description)], inv.seed
        if any("Einrichtungsgebühr" in d for d in descriptions):
            counts["setup"] += 1
        activation = [item for item in inv.items if item.description.startswith("Aktivierungsgebühr")]
        if activation:
            counts["activation"] += 1
            assert int(activation[0].quantity) == joined, inv.seed
        names = re.search(rf"Zugänge zum (?:{DAY}): ([^.]+)\.", text)
        if names:
            counts["names"] += 1
            assert names[1].count("(") == joined, inv.seed
    assert all(counts.values()), counts


def test_fitness_debits_the_customers_account_or_asks_for_a_transfer(many):
    counts = dict.fromkeys(("debit_full", "debit_masked", "debit_no_own_bank", "transfer"), 0)
    for inv in many["firmenfitness_abo"]:
        t, text = inv.truth, " ".join(page_texts(inv.pdf))
        own = t.get("iban", "").replace(" ", "")
        ibans = {iban.replace(" ", "") for iban in re.findall(GERMAN_IBAN, text)}
        if "SEPA" in text:
            creditor = re.search(r"Gläubiger-ID:? (\S+)", text)
            assert creditor and is_creditor_id(creditor[1]) and creditor[1] != t.get("ust_id")
            assert re.search(r"Mandatsreferenz: \S+", text) and "Skonto" not in text
            customer = ibans - {own}
            if customer:
                counts["debit_full"] += 1
                assert len(customer) == 1 and IBAN(customer.pop(), validate_bban=True), inv.seed
            else:
                counts["debit_masked"] += 1
                assert re.search(r"DE\d\d(?: \*{4}){3} \*\*\d\d \d\d|DE\d\dX{14}\d{4}", text), inv.seed
            counts["debit_no_own_bank"] += not own
        else:
            counts["transfer"] += 1
            assert own and ibans == {own}, inv.seed
    assert all(counts.values()), counts

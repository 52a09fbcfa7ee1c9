"""The families of families_objekt: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from benchmarks.synth.families_objekt import OBJEKT_FAMILIES, draw_objekt
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
    iban_compact_or_in_fours,
    printed_gross,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed, date_forms
from tests.synth.test_synth import page_texts

NAMES = ("sicherheitsdienst_objekt", "bueromoebel_lieferung")
KEYS = ALL_TRUTH_KEYS
DE_AMOUNT = r"-?\d{1,3}(?:[ .]\d{3})*,\d\d"
GROSS = r"(Rechnungsbetrag|Gesamtbetrag|Bruttobetrag|Zu zahlender Betrag|Summe brutto)(?: EUR| in EUR)?"
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 12)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(iban=iban_compact_or_in_fours)


def day_forms(iso: str) -> set[str]:
    day = dt.date.fromisoformat(iso)
    return {f"{day:%d.%m.%Y}", f"{day:%d.%m.%y}"} | date_forms(iso)


def after(text: str, label: str, value: str, gap: int = 80) -> bool:
    """`value` stands after `label` (directly, or with other labels of a detail block between)."""
    return bool(re.search(rf"{label}:?(?: [^€]{{0,{gap}}}?)? {re.escape(value)}", text))


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(OBJEKT_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_objekt)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"iban"}, KEYS)
        assert {"ust_id", "steuernummer"} & set(t)
        for key in ("datum", "leistungsdatum"):
            if key in t:
                day = dt.date.fromisoformat(t[key])
                assert not dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31)  # German VAT 16 % then
        assert t["waehrung"] == "EUR"
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, lambda inv, rates: rates == {Decimal(19)})


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


def test_the_gross_stands_after_its_label(invoices):
    for inv in all_of(invoices):
        text = text_of(inv.pdf)
        found = [
            de_number(m[2].replace("-", ""))
            for m in re.finditer(rf"{GROSS}:? (?:EUR |€ )?({DE_AMOUNT})", text)
        ]
        assert cents(inv.truth["betrag_brutto"]) in found, (inv.layout, inv.seed)


# -- sicherheitsdienst_objekt ------------------------------------------------------------------------------


def shift_rate(inv) -> Decimal:
    """The base hourly rate: the lowest rate of the lines billing hours of a shift type."""
    return min(
        i.unit_price
        for i in inv.items
        if re.search(r"(Tagdienst|Nachtdienst|Sonn-/Feiertag)$", i.description)
    )


def test_sicherheitsdienst_objekt_prints_a_guarding_invoice(many):
    events = objects = appendix = inline = sundays = holidays = base_style = patrols = orders = days = 0
    rates_lines = alarms = 0
    for inv in many["sicherheitsdienst_objekt"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        for word in ("§ 34a GewO", "14 Tagen", "Amtsgericht", "USt-IdNr.", "Fax", "Std."):
            assert word in text, word
        assert re.search(r"(Tagdienst|Nachtdienst|Sonn-/Feiertag)", text)
        assert re.search(r"(Objekt-Nr\.|Objektnummer|Obj\.-Nr\.):? \S+", texts[0])
        assert not re.search(r"\b7 ?%", text) and ("19 %" in text)
        rate = shift_rate(inv)
        for item in inv.items:
            pct = re.search(r"(25|50|100) %", item.description)
            if pct and "zuschlag" in item.description.lower():
                share = item.total * 100 / int(pct[1])
                hours = share / rate
                assert hours == hours.to_integral() and hours > 0, (inv.seed, item)
        if "Nachtdienst" in text or "Nachtstunden" in text:
            assert re.search(r"(Nachtzuschlag|Zuschlag Nachtarbeit).{0,3}25 %", text)
        if "Veranstaltungsschutz:" in text:
            events += 1
            assert "Einsatzleitung" in text and "Veranstaltungsort" in text
            inline += "Einsatzzeiten" in text
        else:
            objects += 1
            assert (
                re.search(r"(Bewachungsvertrag|Vertrag)( Nr\.)? \S+ vom", text) and "Abrechnungsmonat" in text
            )
        if t["pages"] == 2 and "Anlage zur Rechnung" in texts[-1]:
            appendix += 1
            assert "Einsatznachweis" in texts[-1] and t["rechnungsnummer"] in texts[-1]
        sundays += "Sonntagszuschlag 50 %" in text
        holidays += "Feiertagszuschlag 100 %" in text
        base_style += bool(re.search(rf"\d+,00 Std\. × {DE_AMOUNT}", text))
        rates_lines += "Stundensätze lt. Vertrag" in text
        alarms += "Alarmverfolgung" in text
        if re.search(r"Revier(kontrolle|dienst)", text):
            patrols += 1
            patrol = next(i for i in inv.items if i.unit == "Kontr.")
            assert patrol.quantity >= 2 and any_printed(text, float(patrol.total))
        if "bestellnummer" in t:
            orders += 1
            assert after(
                text, "(Ihre Bestell-Nr\\.|Ihre Bestellnummer|Ihr Auftrag Nr\\.)", t["bestellnummer"]
            )
        if "leistungsdatum" in t:
            days += 1
            assert "Veranstaltungsschutz:" in text
            assert any(after(text, "(Leistungsdatum|Einsatztag)", f) for f in day_forms(t["leistungsdatum"]))
    assert events >= 2 and objects >= 8 and appendix and sundays and holidays and base_style and patrols >= 10
    assert orders and days and rates_lines and alarms and inline


# -- bueromoebel_lieferung --------------------------------------------------------------------------------


def list_prices(text: str) -> set[Decimal]:
    return {de_number(m) for m in re.findall(r"(?<![\d,.])(\d{1,3}(?:[ .]\d{3})*,\d\d)(?!\d)", text)}


def listed(price: Decimal, discount: int) -> Decimal | None:
    """The list price a discounted unit price comes from, when it is one in cents."""
    before = price * 100 / (100 - discount)
    return before if before == before.quantize(CENT) else None


def test_bueromoebel_lieferung_prints_a_furniture_invoice(many):
    advances = split = two = single = orders = unnumbered = confirmations = sites = skonto = art_cols = 0
    discounts = set()
    for inv in many["bueromoebel_lieferung"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(r"(Gewährleistung|Garantie)", text) and "Eigentum" in text
        assert re.search(r"(Platte|Bezug|Korpus|Stoff|Farbe): ", text)
        assert re.search(r"(Montage|Montagepauschale)", text)
        assert re.search(r"Rabatt|Rab\.", text)
        prices = list_prices(text)
        for item in inv.items:
            if item.unit == "Stk.":
                # the printed list price less the discount, times the quantity, is the printed net of the line
                off = [d for d in (0, 5, 8, 10, 12, 15, 20, 25, 30) if listed(item.unit_price, d) in prices]
                assert off, (inv.seed, item)
                discounts.update(d for d in off if d)
                total = (item.quantity * item.unit_price).quantize(CENT, ROUND_HALF_UP)
                assert any_printed(text, float(total))
        art_cols += "Art.-Nr." in text
        if "Anzahlung" in text:
            advances += 1
            assert re.search(r"(Rechnung Nr\.|lt\. Rechnung Nr\.) \S+ vom", text)
            rest = re.search(rf"(Restbetrag|Zahlbetrag|Noch zu zahlen):? ({DE_AMOUNT})", text)
            assert rest and de_number(rest[2]) < cents(t["betrag_brutto"])
            deducted = cents(t["betrag_brutto"]) - de_number(rest[2])
            net = (deducted / Decimal("1.19")).quantize(CENT)
            assert net == net.to_integral() and any_printed(text, float(net))  # the advance's net, printed
            split += "USt. auf die Anzahlung" in text
        if "Teillieferung" in text or "Lieferscheine" in text:
            two += 1
            assert "leistungsdatum" not in t and len(re.findall(r"\b(LS[ -]?\d+|L\d{7})\b", text)) >= 2
        else:
            single += 1
            label = "(Lieferdatum|Liefer- und Montagedatum|Leistungsdatum)"
            assert "leistungsdatum" in t and any(
                after(text, label, f) for f in day_forms(t["leistungsdatum"])
            )
        if "bestellnummer" in t:
            orders += 1
            assert after(text, "(Ihre Bestellung Nr\\.|Ihre Bestellung|Ihre Bestell-Nr\\.|Ihre Bestellnummer|"
                         "Bestell-Nr\\.)", t["bestellnummer"])  # fmt: skip
        elif re.search(r"Ihre Bestellung (per E-Mail )?vom", text):
            unnumbered += 1
        confirmations += "Auftragsbestätigung Nr." in text
        sites += "Lieferanschrift:" in text
        if "Skonto" in text:
            skonto += 1
            assert re.search(rf"2 % Skonto \(({DE_AMOUNT})", text)
    assert advances >= 3 and split and advances > split and two >= 3 and single >= 8 and orders >= 5
    assert unnumbered and confirmations and sites and skonto and art_cols and len(discounts) >= 3


def test_bueromoebel_lieferung_gross_is_the_total_before_the_advance(many):
    for inv in many["bueromoebel_lieferung"]:
        text = text_of(inv.pdf)
        grosses = re.finditer(rf"{GROSS}:? ({DE_AMOUNT})", text)
        assert cents(inv.truth["betrag_brutto"]) in {de_number(m[2]) for m in grosses}
        nets = re.finditer(rf"(Nettobetrag|Summe netto|Gesamt netto):? ({DE_AMOUNT})", text)
        assert cents(inv.truth["betrag_netto"]) in {de_number(m[2]) for m in nets}

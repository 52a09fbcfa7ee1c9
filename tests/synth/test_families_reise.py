"""The families of families_reise: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from benchmarks.synth.families_reise import REISE_FAMILIES, draw_reise
from benchmarks.synth.invoice_gen import SyntheticInvoice
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
    iban_in_fours,
    printed_gross,
    seeded,
)
from tests.synth.test_families import any_printed, date_forms
from tests.synth.test_synth import page_texts

NAMES = ("maler_lohnanteil", "bahn_reisebuero")
KEYS = ALL_TRUTH_KEYS
CENT = Decimal("0.01")
DATE = r"(\d\d\.\d\d\.\d\d(?:\d\d)?|\d\d?\. [A-ZÄ][a-zä]+ \d{4})"
ROOMS = r"Empfang|Büro|Großraumbüro|Besprechungsraum|Flur|Teeküche|Kreativraum|Archiv|Konferenzraum"
OPERATORS = {
    "RheinExpress Fernverkehr GmbH",
    "Mitteldeutsche Fernbahn AG",
    "Hanse-Fernbahn GmbH",
    "Alpen-Nordsee-Express AG",
}


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(iban=iban_in_fours)


def printed_after(text: str, label: str, value: str) -> bool:
    """`value` stands after `label` (directly, or with other labels of a detail block between)."""
    return re.search(rf"{label}:?(?: [^\d€]{{0,60}}?)? {re.escape(value)}(?!\w)", text) is not None


def printed_day(text: str, label: str, iso: str) -> bool:
    return any(printed_after(text, label, form) for form in date_forms(iso))


def gross_of(net: Decimal, rate: int = 19) -> Decimal:
    return net + (net * rate / 100).quantize(CENT, ROUND_HALF_UP)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(REISE_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_reise)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        for key in ("datum", "leistungsdatum"):
            if key in t:
                day = dt.date.fromisoformat(t[key])
                assert not dt.date(2020, 7, 1) <= day <= dt.date(2021, 1, 15)  # German VAT 16 % and 5 % then
        assert t["waehrung"] == "EUR"
        assert "bic" not in t or "iban" in t
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] < t["datum"]
        if inv.layout == "maler_lohnanteil":
            assert {"iban", "bic"} <= set(t)
        else:
            assert "leistungsdatum" not in t and "ust_id" in t
            assert dt.date.fromisoformat(t["datum"]) >= dt.date(2020, 1, 1)  # long-distance rail at 7 % since


def allowed_rates(inv: SyntheticInvoice, rates: set[Decimal]) -> bool:
    """The painter's at 19 % alone; the travel agency's at 19 % and 7 %, some also at 0 %."""
    if inv.layout == "maler_lohnanteil":
        return rates == {Decimal(19)}
    return {Decimal(19), Decimal(7)} <= rates <= {Decimal(19), Decimal(7), Decimal(0)}


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(many, allowed_rates, positive_bases=True)


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_gross)


def test_invoices_run_onto_a_second_page_only_now_and_then(many):
    for name in NAMES:
        pages = [inv.truth["pages"] for inv in many[name]]
        assert set(pages) <= {1, 2} and pages.count(1) > 3 * pages.count(2), (name, pages)
        for inv in many[name]:
            texts = page_texts(inv.pdf)
            if len(texts) > 1:
                assert "Seite 2 von 2" in texts[1] and inv.truth["rechnungsnummer"] in texts[1]


# -- maler_lohnanteil --------------------------------------------------------------------------------------


def labour_of(inv, text: str) -> Decimal:
    """The labour share: the hours' lines, with the Anfahrt where the document says it counts."""
    labour = sum((item.total for item in inv.items if item.unit in ("Std.", "h")), Decimal(0))
    if "inkl. Anfahrt" in text:
        labour += sum(
            (item.total for item in inv.items if re.search(r"(?i)fahrt", item.description)), Decimal(0)
        )
    return labour


def test_maler_lohnanteil_prints_labour_material_and_the_labour_share(many):
    counts = dict.fromkeys(
        (
            "sections",
            "rooms",
            "marked",
            "legend",
            "share_net",
            "share_gross",
            "share_both",
            "share_row",
            "with_material",
            "travel_counted",
            "skonto",
            "skonto_pay",
            "single_day",
            "period",
            "offer_head",
            "offer_text",
            "site_beside",
            "site_below",
            "hwk_line",
            "hwk_column",
            "sole",
            "ek",
            "gmbh",
            "stnr_only",
            "order",
            "customer_no",
            "anfahrt",
            "sums",
            "retention",
        ),
        0,
    )
    for inv in many["maler_lohnanteil"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0]
        assert all(item.rate == 19 and item.total > 0 for item in inv.items)
        units = {item.unit for item in inv.items}
        assert units & {"Std.", "h"} and units - {"Std.", "h", "pausch.", "Tag", "Tage"}, (
            units
        )  # labour, material
        assert re.search(r"(zzgl\. 19 % (MwSt|USt)\.|19 % MwSt\.|Umsatzsteuer 19 %)", text)
        assert not re.search(r"(?<![\d,])(7|16) ?% (MwSt|USt)", text)
        assert any_printed(text, t["betrag_brutto"])
        if re.search(r"Pos\. \S+ Art ", text):  # a column marking labour and material
            counts["marked"] += 1
        elif re.search(rf"(Arbeitslohn|Lohnkosten|Arbeitsleistung) ({ROOMS})", text):  # the rooms under it
            counts["sections"] += 1
        else:
            counts["rooms"] += 1
            assert re.search(rf"({ROOMS})[^:]*: ", text)
        counts["legend"] += "L = Lohn, M = Material, S = Sonstiges" in text
        # The labour share, in one of its wordings, with its amount.
        labour = labour_of(inv, text)
        counts["travel_counted"] += "inkl. Anfahrt" in text
        share = re.search(r"(Lohnkosten|Lohnanteil|Arbeitskosten)", text)
        assert share, inv.seed
        if re.search(r"davon Lohnkosten( inkl\. Anfahrt)? netto", text):
            counts["share_row"] += 1
            assert any_printed(text, float(labour))
        elif "darin enthaltene Lohnkosten" in text:
            counts["share_row"] += 1
            assert any_printed(text, float(gross_of(labour)))
        elif "(jeweils netto)" in text:
            counts["with_material"] += 1
            assert re.search(r"Lohnkosten( \(inkl\. Anfahrt\))? \d", text) and any_printed(
                text, float(labour)
            )
            material = sum(
                (
                    i.total
                    for i in inv.items
                    if i.unit not in ("Std.", "h", "Tag", "Tage")
                    and not re.search(r"(?i)fahrt|Entsorgung", i.description)
                ),
                Decimal(0),
            )
            assert any_printed(text, float(material))
        elif re.search(r"zzgl\. [\d .,]+(€|EUR)? MwSt\. =", text):
            counts["share_both"] += 1
            assert any_printed(text, float(labour)) and any_printed(text, float(gross_of(labour)))
        elif re.search(r"(inkl\. 19 % MwSt\.|\(brutto\))", text):
            counts["share_gross"] += 1
            assert any_printed(text, float(gross_of(labour)))
        else:
            counts["share_net"] += 1
            assert re.search(r"Im Rechnungsbetrag sind (Lohnkosten|Arbeitskosten)", text)
            assert any_printed(text, float(labour))
        gross = cents(t["betrag_brutto"])
        if "Skonto" in text:
            counts["skonto"] += 1
            pct = int(re.search(r"(\d) % Skonto", text)[1])
            cut = (gross * pct / 100).quantize(CENT, ROUND_HALF_UP)
            assert any_printed(text, float(cut)), inv.seed
            if "Zahlbetrag dann" in text:
                counts["skonto_pay"] += 1
                assert any_printed(text, float(gross - cut))
        if "leistungsdatum" in t:
            counts["single_day"] += 1
            assert printed_day(text, r"(Leistungsdatum|Ausführungsdatum|Ausgeführt am)", t["leistungsdatum"])
            assert not re.search(r"(Ausführungszeitraum|Leistungszeitraum|Ausführung[ :])", text)
        else:
            counts["period"] += 1
            assert re.search(
                rf"(Ausführungszeitraum|Leistungszeitraum|Ausführung):? (vom )?{DATE}", text
            ) or (re.search(r"(Ausführungszeitraum|Leistungszeitraum|Ausführung): \d\d\.\d\d\.–", text))
            assert not re.search(r"(Leistungsdatum|Ausführungsdatum|Ausgeführt am)", text)
        offer = re.search(rf"(A-\d{{4}}-\d{{3}}|AN \d{{4}}|\d{{3}}/\d\d) vom {DATE}", texts[0])
        assert offer, inv.seed
        if re.search(r"(Grundlage: unser Angebot Nr\.|gemäß Angebot) ", text):
            counts["offer_text"] += 1
        else:
            counts["offer_head"] += 1
            assert re.search(r"(Angebot|Angebots-Nr\.|Unser Angebot):? (A-|AN |\d)", texts[0])
        site = re.search(r"(Baustelle|Objekt|Bauvorhaben|Leistungsort|Objektanschrift):", texts[0])
        assert site, inv.seed
        # below the details on one line ("Objekt: Neue Büroräume, Hafenstraße 12, 40213 Düsseldorf"), or
        # beside the invoice address, a line each
        below = re.search(rf"{site[0]} [^,]+, [^,]+, \d{{5}} ", text)
        counts["site_below" if below else "site_beside"] += 1
        assert "Handwerkskammer" in text
        counts["hwk_column" if re.search(r"(Betriebs-Nr\.|Handwerksrolle Nr\.) ", text) else "hwk_line"] += 1
        seller = t["lieferant"]
        if seller.endswith("GmbH"):
            counts["gmbh"] += 1
            assert "Geschäftsführer: " in text and "HRB " in text and "ust_id" in t
        elif seller.endswith("e.K."):
            counts["ek"] += 1
            assert "Inhaber: " in text and "HRA " in text and "ust_id" in t
        else:
            counts["sole"] += 1
            assert "Inhaber: " in text and "HRA " not in text and "HRB " not in text
            assert "steuernummer" in t
        counts["stnr_only"] += "ust_id" not in t
        if "bestellnummer" in t:
            counts["order"] += 1
            assert printed_after(
                text, r"(Ihre Bestell-Nr\.|Ihre Bestellnummer|Ihr Zeichen)", t["bestellnummer"]
            )
        if "kundennummer" in t:
            counts["customer_no"] += 1
            assert printed_after(text, r"(Kundennummer|Kunden-Nr\.|Kd\.-Nr\.)", t["kundennummer"])
        counts["anfahrt"] += bool(re.search(r"(Anfahrt|Fahrtkosten|An- und Abfahrt)", text))
        counts["sums"] += bool(
            re.search(r"(Summe (Arbeitslohn|Lohnkosten|Material|Lohn|[A-ZÄÖÜ][\w.]+ ))", text)
        )
        counts["retention"] += "§ 14b UStG" in text
    assert all(n >= 1 for n in counts.values()), counts
    assert min(counts[k] for k in ("sections", "rooms", "marked", "single_day", "period", "sole")) >= 3, (
        counts
    )


# -- bahn_reisebuero ---------------------------------------------------------------------------------------


def test_bahn_reisebuero_prints_tickets_hotel_and_fees_at_their_rates(many):
    counts = dict.fromkeys(
        (
            "operator",
            "agency",
            "hotel_7",
            "hotel_0",
            "no_hotel",
            "breakfast",
            "seat",
            "card_line",
            "card_text",
            "no_card",
            "arrow",
            "words",
            "card",
            "card_no_iban",
            "paypal",
            "transfer",
            "paid_rows",
            "rate_table",
            "rate_rows",
            "contained",
            "net_cols",
            "iata",
            "customer_no",
            "order",
            "bahncard_no",
            "two_travellers",
        ),
        0,
    )
    for inv in many["bahn_reisebuero"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        operator = t["lieferant"] in OPERATORS
        counts["operator" if operator else "agency"] += 1
        assert t["rechnungsnummer"] in texts[0]
        assert re.search(
            r"(Auftragsnummer|Vorgangsnummer|Buchungsnummer|Vorgangs-Nr\.):? [A-Z0-9]{6}\b", texts[0]
        )
        assert re.search(r"(Reisende|Reisender):? (Herr|Frau) [A-ZÄÖÜ]", text), inv.seed
        assert re.search(r"(Hinfahrt|Hin- und Rückfahrt)", text) and re.search(r" ab \d\d:\d\d ", text)
        assert re.search(r"\b(ICE|IC) \d{3,4}\b", text) and re.search(r"\w+ Hbf", text)
        counts["arrow"] += "→" in text
        counts["words"] += bool(re.search(r"von [\w()]+ ?Hbf nach ", text))
        counts["two_travellers"] += "Reisende:" in text or "Reisende " in text
        tickets = [item for item in inv.items if re.search(r"(Flexpreis|Sparpreis)", item.description)]
        assert tickets and all(item.rate == 7 for item in tickets)
        fees = [item for item in inv.items if re.search(r"(Service|Buchungsgebühr)", item.description)]
        assert all(item.rate == 19 for item in fees) and (bool(fees) != operator)
        seats = [item for item in inv.items if "Sitzplatzreservierung" in item.description]
        assert all(item.rate == 19 for item in seats) and (seats or not operator)
        counts["seat"] += bool(seats)
        hotel = [
            item
            for item in inv.items
            if re.search(r"(Hotel|Übernachtung)", item.description)
            and "Buchungsgebühr" not in item.description
            and "Service" not in item.description
        ]
        if not hotel:
            counts["no_hotel"] += 1
        elif hotel[0].rate == 7:
            counts["hotel_7"] += 1
            assert "durchlaufende" not in text
        else:
            counts["hotel_0"] += 1
            assert hotel[0].rate == 0 and re.search(r"durchlaufende[rn]? Posten", text)
        breakfast = [item for item in inv.items if item.description == "Frühstück"]
        if breakfast:
            counts["breakfast"] += 1
            assert breakfast[0].rate == 19 and hotel[0].rate == 7
            day = dt.date.fromisoformat(t["datum"])
            assert not dt.date(2020, 7, 1) <= day <= dt.date(2024, 1, 1)  # hotel breakfast bore 7 % then
        discounts = [item for item in inv.items if item.unit_price < 0]
        assert all(item.rate == 7 and "Rabatt" in item.description for item in discounts)
        if discounts:
            counts["card_line"] += 1
            assert re.search(r"BahnCard (Business )?(25|50)-Rabatt (25|50) %", text)
        elif "BahnCard" in text:
            counts["card_text"] += 1
            assert re.search(r"\((BahnCard (Business )?(25|50))\)", text)
        else:
            counts["no_card"] += 1
        if "BahnCard-Nr." in text:
            counts["bahncard_no"] += 1
            assert re.search(r"BahnCard-Nr\.:? \d{4} \d{4} \d{4} \d{4}", text)
        # every rate's VAT printed, and the gross
        assert any_printed(text, t["betrag_brutto"])
        for line in inv.vat_lines:
            if line.rate:
                assert any_printed(text, float(line.amount)), (inv.seed, line)
        if re.search(r"von Ihrer Kreditkarte( \([^)]+\))? abgebucht", text):
            counts["card"] += 1
            assert re.search(r"(VISA|Mastercard|American Express)|abgebucht", text)
            if "iban" not in t:
                counts["card_no_iban"] += 1
                assert "IBAN" not in text and "BIC" not in text
        elif "PayPal" in text:
            counts["paypal"] += 1
            assert operator
        else:
            counts["transfer"] += 1
            assert "iban" in t and re.search(r"(überweisen|Zahlbar bis)", text)
        if re.search(r"(bereits bezahlt|abzgl\. Zahlung|Zahlung per Karte)", text):
            counts["paid_rows"] += 1
            assert any_printed(text, -t["betrag_brutto"]) and any_printed(text, 0.0)
        if re.search(r"(MwSt-Satz|USt-Satz) (Netto|Nettobetrag)", text):
            counts["rate_table"] += 1
        elif "enthaltene MwSt." in text:
            counts["contained"] += 1
            assert re.search(r"enthaltene MwSt\. 7 % auf ", text) and "MwSt. gesamt" in text
        else:
            counts["rate_rows"] += 1
            assert re.search(r"(Summe MwSt\.|MwSt\. gesamt)", text) and "Netto 7 %" in text
        counts["net_cols"] += "USt-Betrag" in text
        counts["iata"] += bool(re.search(r"IATA-Agentur-Nr\. \d\d-2 \d{4} \d", text))
        if "kundennummer" in t:
            counts["customer_no"] += 1
            assert printed_after(text, r"(Kundennummer|Kunden-Nr\.|Firmenkunden-Nr\.)", t["kundennummer"])
        if "bestellnummer" in t:
            counts["order"] += 1
            assert not operator
            assert printed_after(
                text, r"(Ihre Bestell-Nr\.|Ihre Bestellnummer|Ihre Referenz)", t["bestellnummer"]
            )
    assert all(n >= 1 for n in counts.values()), counts
    assert min(counts[k] for k in ("operator", "hotel_7", "hotel_0", "card", "transfer")) >= 2, counts


def test_bahn_reisebuero_nets_come_from_the_gross_per_rate(many):
    """Per rate the net is the printed gross sum divided by 1 + rate, rounded to the cent."""
    for inv in many["bahn_reisebuero"]:
        for line in inv.vat_lines:
            gross = line.base + line.amount
            assert line.base == (gross * 100 / (100 + line.rate)).quantize(CENT, ROUND_HALF_UP), inv.seed

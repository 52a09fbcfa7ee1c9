"""The families of families_medien: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from benchmarks.synth.families_medien import MEDIEN_FAMILIES, draw_medien
from benchmarks.synth.invoice_gen import MONTHS_DE
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
    de_amount,
    german_printed_forms,
    in_second_half_of_2020,
    seeded,
    text_of,
)
from tests.synth.test_families import any_printed
from tests.synth.test_synth import page_texts

NAMES = ("anzeigen_verlag", "catering_bewirtung")
KEYS = ALL_TRUTH_KEYS
CENT = Decimal("0.01")
DE_AMOUNT = r"\d{1,3}(?:\.\d{3})*,\d\d"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 20)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms()


def amount(text: str) -> Decimal:
    """A printed German amount ("-1.234,56") as a number."""
    return Decimal(text.replace(".", "").replace(",", "."))


def printed_total(name: str, inv) -> str:
    return de_amount(inv.truth["betrag_brutto"])


def german_dates(iso: str) -> list[str]:
    """The ways these invoices print a date: 05.03.2024, 05.03.24, 5. März 2024."""
    d = dt.date.fromisoformat(iso)
    return [f"{d:%d.%m.%Y}", f"{d:%d.%m.%y}", f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}"]


def share(value: Decimal, pct: int) -> Decimal:
    return (value * pct / 100).quantize(CENT, ROUND_HALF_UP)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(MEDIEN_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_medien)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(inv, TRUTH_KEYS | {"iban"}, KEYS)
        assert "ust_id" in t or "steuernummer" in t
        assert not in_second_half_of_2020(t["datum"])  # German VAT 16 % and 5 % then
        assert t["waehrung"] == "EUR"
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"] and not in_second_half_of_2020(t["leistungsdatum"])
        if inv.layout == "anzeigen_verlag":
            assert "ust_id" in t and "bic" in t and "kundennummer" in t
        else:
            assert "leistungsdatum" in t and "bestellnummer" not in t


def test_amounts_add_up_per_rate(many):
    assert_amounts_add_up(
        many,
        lambda inv, rates: (
            bool(rates)
            and rates <= ({Decimal(19)} if inv.layout == "anzeigen_verlag" else {Decimal(7), Decimal(19)})
        ),
    )


def test_identifiers_pass_their_checksums(many):
    assert_identifiers_pass(many, iban_required=True)


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- anzeigen_verlag --------------------------------------------------------------------------------------

AE_LABELS = r"(?:abzgl\. 15 % AE-Provision|AE-Provision 15 %|abzgl\. AE 15 %|Mittlervergütung \(AE\) 15 %)"
GROSS_LABELS = r"(?:Rechnungsbetrag|Endbetrag|Gesamtbetrag|Rechnungsbetrag brutto)"


def test_anzeigen_verlag_prints_an_advertising_invoice(many):
    agency = orders = discounts = skonto = single = campaign = technical = list_price = two_pages = 0
    for inv in many["anzeigen_verlag"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["kundennummer"] in texts[0]
        for word in (
            "Komplementärin",
            "GmbH & Co. KG",
            "Amtsgericht" if "Amtsgericht" in text else "AG ",
            "HRA ",
            "HRB ",
            "USt-IdNr.",
            "19 %",
            "Preisliste Nr.",
            "Beleg",
        ):
            assert word in text, (inv.seed, word)
        due = (dt.date.fromisoformat(t["datum"]) + dt.timedelta(days=14)).isoformat()
        assert "14 Tage" in text or any(day in text for day in german_dates(due))  # payment within 14 days
        assert re.search(r"(Auftrags-Nr\.|Auftragsnummer|Unser Auftrag)", text)
        assert re.search(r"(mm-Preis|Format)", text) and not re.search(r"\b(7|16) ?%", text)
        assert t["lieferant"].endswith("GmbH & Co. KG") and t["lieferant"] in text
        gross = re.search(rf"{GROSS_LABELS} ({DE_AMOUNT})", text)
        assert gross and amount(gross[1]) == cents(t["betrag_brutto"])
        items = list(inv.items)
        ae = [k for k, item in enumerate(items) if "AE" in item.description]
        if ae:
            agency += 1
            k = ae[0]
            before = sum((item.total for item in items[:k]), Decimal(0))
            assert items[k].total == -share(before, 15)
            assert re.search(rf"{AE_LABELS} -{re.escape(de_amount(float(share(before, 15))))}", text)
            assert re.search(r"(Werbungtreibender|Kunde|Werbekunde): ", text)
        if "bestellnummer" in t:
            orders += 1
            assert ae and re.search(
                rf"(Schaltauftrag Nr\.|Auftrag|Auftrags-Nr\.:) {re.escape(t['bestellnummer'])} vom", text
            )
        cut = [item for item in items if re.search(r"(rabatt|Rabatt|staffel|Malstaffel)", item.description)]
        if cut:
            discounts += 1
            pct = int(re.search(r"(\d+) %", cut[0].description)[1])
            ads = sum((item.total for item in items[: items.index(cut[0])]), Decimal(0))
            assert cut[0].total == -share(ads, pct) and any_printed(text, float(cut[0].total))
        if "Skonto" in text:
            skonto += 1
            found = re.search(rf"mit (\d) % Skonto \(({DE_AMOUNT})", text)
            assert found and amount(found[2]) == share(cents(t["betrag_brutto"]), int(found[1]))
            assert any_printed(text, float(cents(t["betrag_brutto"]) - amount(found[2])))
        if "leistungsdatum" in t:
            single += 1
            assert any(day in texts[0] for day in german_dates(t["leistungsdatum"]))
        else:
            campaign += 1
        technical += bool(
            re.search(
                r"(Satz- und Gestaltungskosten|Anzeigengestaltung|Technische Kosten|Datenaufbereitung)", text
            )
        )
        list_price += bool(re.search(r"(Bruttopreis|Summe brutto \(Listenpreis\))", text))
        if len(texts) == 2:
            two_pages += 1
            assert "Seite 2 von 2" in texts[1] and t["rechnungsnummer"] in texts[1]
    assert agency >= 5 and orders and discounts >= 5 and skonto >= 3 and technical and list_price
    assert single >= 5 and campaign >= 10 and two_pages


def test_anzeigen_verlag_varies_its_kinds_and_layouts(many):
    texts = [text_of(inv.pdf) for inv in many["anzeigen_verlag"]]
    assert any(re.search(r"\d-spaltig × \d+ mm|\d Sp\. × \d+ mm", text) for text in texts)
    assert any(re.search(r"1/\d Seite|U[24] \(", text) for text in texts)
    assert any("TKP" in text or "Newsletter" in text for text in texts)
    assert any(re.search(r"\b(KW|Nr\.) \d{1,2}/20\d\d", text) for text in texts)
    assert any(re.search(r"(Ausgabe|Heft) \d\d/20\d\d", text) for text in texts)
    assert any("Übertrag" in text for text in texts)
    assert any("Agenturnetto" in text for text in texts)
    assert any(re.search(r"\d EUR\b", text) for text in texts) and any(
        re.search(r"\d €", text) for text in texts
    )


# -- catering_bewirtung -----------------------------------------------------------------------------------

EVENT_LABELS = r"(?:Veranstaltung am|Leistungsdatum|Datum der Veranstaltung|Veranstaltungsdatum)"
DELIVERY_LABELS = r"(?:Lieferung am|Liefertermin|Lieferdatum)"
REST_LABELS = r"(?:Restbetrag|Noch zu zahlen|Zahlbetrag|Offener Betrag)"


def test_catering_bewirtung_charges_the_rates_of_its_service_date(many):
    reduced = full = delivered = 0
    for inv in many["catering_bewirtung"]:
        t, text = inv.truth, text_of(inv.pdf)
        rates = {item.rate for item in inv.items}
        day = dt.date.fromisoformat(t["leistungsdatum"])
        delivery = re.search(DELIVERY_LABELS, text) is not None
        assert delivery != (re.search(EVENT_LABELS, text) is not None)
        dates = "|".join(re.escape(d) for d in german_dates(t["leistungsdatum"]))
        labels = DELIVERY_LABELS if delivery else EVENT_LABELS
        assert re.search(rf"{labels}:? ({dates})", text), inv.seed
        if delivery:
            delivered += 1
            assert 7 in rates and not re.search(
                r"(Servicekraft|Koch vor Ort|Barkeeper|Std\.)", text
            )  # no staff
        elif dt.date(2021, 1, 1) <= day <= dt.date(2023, 12, 31):
            reduced += 1
            assert rates == {7, 19}
            assert all(
                item.rate == 19
                for item in inv.items
                if re.search(
                    r"(Servicekraft|Koch|miete|Stehtisch|"
                    r"Geschirr|Mineralwasser|Pils)",
                    item.description,
                )
            )
        else:
            full += 1
            assert rates == {19}
            assert day < dt.date(2020, 7, 1) or day >= dt.date(2024, 1, 1)
    assert reduced >= 5 and full >= 5 and delivered >= 2


def test_catering_bewirtung_prints_an_event_invoice(many):
    gross_priced = net_priced = deposits = paid = receipts = sole = gmbh = ek = offers = 0
    for inv in many["catering_bewirtung"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        gross = cents(t["betrag_brutto"])
        assert t["rechnungsnummer"] in texts[0] and "Anlass" in text
        assert re.search(r"(Personen|Gäste|Teilnehmer):? \d+", text)
        assert "Pers." in text and re.search(r"\b(7|19) %", text)
        lines = sorted(inv.vat_lines, key=lambda v: v.rate)
        if "darin enthaltene MwSt." in text or "MwSt.-Satz" in text:
            gross_priced += 1
            assert "EP brutto" in text or "Einzelpreis" in text
            assert all(any_printed(text, float(v.amount)) for v in lines)
        else:
            net_priced += 1
            assert "zzgl." in text and re.search(r"(EP netto|Einzelpreis)", text)
            for v in lines:
                base = re.escape(de_amount(float(v.base)))
                assert re.search(
                    rf"zzgl\. ({v.rate} % (MwSt\.|USt\.)|MwSt\. {v.rate} %) \(?auf (€ )?{base}", text
                ), inv.seed
        if "Anzahlung" in text:
            deposits += 1
            found = re.search(
                rf"Anzahlung.{{0,30}}? -({DE_AMOUNT}).*?{REST_LABELS}:? (?:€ )?({DE_AMOUNT})", text
            )
            assert found and amount(found[1]) < gross and amount(found[2]) == gross - amount(found[1])
        if re.search(r"bezahlt (EC-Karte|girocard|bar) am", text):
            paid += 1
            assert "Offener Betrag" in text and "Anzahlung" not in text
        if "Bewirtungsaufwendungen" in text:
            receipts += 1
            assert "Tag der Bewirtung" in text and "Unterschrift" in text
        if "USt-IdNr." not in text:
            assert "ust_id" not in t and "steuernummer" in t and "Inh. " in text
            sole += "Amtsgericht" not in text
        if " GmbH" in t["lieferant"]:
            gmbh += 1
            assert "ust_id" in t and "Geschäftsführer" in text and "HRB " in text
        if t["lieferant"].endswith("e.K."):
            ek += 1
            assert "steuernummer" in t and "HRA " in text and "Inh. " in text
        offers += bool(re.search(r"gemäß unserem Angebot Nr\. \S+ vom", text))
    assert gross_priced >= 5 and net_priced >= 5 and deposits >= 3 and paid and receipts
    assert sole >= 3 and gmbh >= 3 and ek >= 3 and offers >= 5


def test_catering_bewirtung_varies_its_layout(many):
    texts = [text_of(inv.pdf) for inv in many["catering_bewirtung"]]
    assert any("Speisen" in text and "Getränke" in text for text in texts)  # sections
    assert any(re.search(r"[AB] = (7|19) % MwSt\.", text) for text in texts)
    assert any(re.search(r"[12] = (7|19) % MwSt\.", text) for text in texts)
    assert any("Stehtisch" in text or "Geschirr" in text for text in texts)
    assert any("Servicekraft" in text for text in texts)
    assert any(re.search(r"€ \d", text) for text in texts) and any(re.search(r"\d €", text) for text in texts)

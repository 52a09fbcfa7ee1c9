"""The families of families_metall: never-tuned, deterministic, truth adds up, printed, fits the page."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from schwifty import IBAN
from stdnum import luhn
from stdnum.de import stnr
from stdnum.eu import vat
from stdnum.fr import tva

from benchmarks.synth.families_metall import METALL_FAMILIES, draw_metall
from tests.synth.family_checks import (
    ALL_TRUTH_KEYS,
    TRUTH_KEYS_BUT_VAT,
    all_of,
    assert_amounts_add_up,
    assert_on_the_page,
    assert_registered,
    assert_same_seed_same_bytes,
    assert_seeds_look_different,
    assert_truth_format,
    assert_truth_printed,
    cents,
    de_amount,
    de_or_en_number,
    german_printed_forms,
    in_second_half_of_2020,
    rates_as_in,
    seeded,
    text_of,
    vat_id_french_or_in_threes,
)
from tests.synth.test_families import any_printed, date_forms
from tests.synth.test_synth import page_texts

NAMES = ("elektro_grosshandel", "auto_entrepreneur_fr")
KEYS = ALL_TRUTH_KEYS
CENT = Decimal("0.01")
DE_AMOUNT = r"-?\d{1,3}(?:\.\d{3})*,\d\d"
FR_AMOUNT = r"-?(?:\d{1,3}(?:,\d{3})*\.\d\d|\d{1,3}(?: \d{3})*,\d\d|\d+,\d\d)(?!\d)"


@pytest.fixture(scope="module")
def invoices():
    return seeded(NAMES, 8)


@pytest.fixture(scope="module")
def many():
    return seeded(NAMES, 16)


# -- printed forms, written here independently of the generator -------------------------------------------


printed_forms = german_printed_forms(vat_id=vat_id_french_or_in_threes)


def printed_total(name: str, inv) -> str:
    gross = inv.truth["betrag_brutto"]
    text = text_of(inv.pdf)
    forms = (
        de_amount(gross),
        f"{gross:,.2f}".replace(",", " ").replace(".", ","),
        f"{gross:,.2f}",
        f"{gross:.2f}".replace(".", ","),
    )
    return next((form for form in forms if form in text), de_amount(gross))


def share(value: Decimal, pct: Decimal | int) -> Decimal:
    return (value * Decimal(pct) / 100).quantize(CENT, ROUND_HALF_UP)


# -- registration and determinism -----------------------------------------------------------------------


def test_families_are_registered():
    assert_registered(METALL_FAMILIES, NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_bytes(name):
    assert_same_seed_same_bytes(name, draw_metall)


# -- the truth --------------------------------------------------------------------------------------------


def test_truth_has_the_format_of_the_other_families(invoices):
    for inv in all_of(invoices):
        t = inv.truth
        assert_truth_format(
            inv, TRUTH_KEYS_BUT_VAT | {"iban", "bic"}, KEYS, amounts="any", mwst_may_be_absent=True
        )
        assert t["betrag_netto"] > 0 and t["waehrung"] == "EUR"
        if "leistungsdatum" in t:
            assert t["leistungsdatum"] <= t["datum"]
        if inv.layout == "elektro_grosshandel":
            assert {"ust_id", "mwst", "kundennummer"} <= set(t) and t["mwst"] > 0
            assert not in_second_half_of_2020(t["datum"])  # German VAT 16 % then
        else:
            # a micro-entrepreneur: no VAT charged; the seller's VAT id only where printed, no Steuernummer
            assert "steuernummer" not in t and t.get("mwst", 0.0) == 0.0
            assert t["betrag_netto"] == t["betrag_brutto"]


def test_amounts_add_up_per_rate(many):
    rates = {"elektro_grosshandel": {Decimal(19)}, "auto_entrepreneur_fr": {Decimal(0)}}
    assert_amounts_add_up(many, rates_as_in(rates), mwst_may_be_absent=True)


def test_identifiers_pass_their_checksums(many):
    for inv in all_of(many):
        t = inv.truth
        iban = IBAN(t["iban"], validate_bban=True)
        assert t["bic"] == str(iban.bic)
        if inv.layout == "elektro_grosshandel":
            assert iban.country_code == "DE" and t["ust_id"].startswith("DE") and vat.is_valid(t["ust_id"])
            if "steuernummer" in t:
                assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]
        else:
            assert iban.country_code == "FR"
            if "ust_id" in t:
                assert t["ust_id"].startswith("FR") and tva.is_valid(t["ust_id"])


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    assert_truth_printed(invoices, printed_forms)


def test_nothing_is_drawn_off_the_page(invoices):
    assert_on_the_page(invoices)


def test_seeds_look_different(invoices):
    assert_seeds_look_different(invoices, printed_total)


# -- elektro_grosshandel -----------------------------------------------------------------------------------

NOTE = re.compile(r"Lieferschein (\d{7}) vom (\d\d\.\d\d\.\d{2,4})")
DEL = re.compile(
    r"(?:DEL-Notiz|DEL-Notierung|Cu-Notiz \(DEL\)|Kupfernotierung DEL) (?:vom [\d.]+: )?([\d.]+,\d\d) "
    r"EUR/100 kg"
)
UNDER = re.compile(
    r"\+ Cu-Zuschlag ([\d.]+,\d) kg/km × \(([\d.]+,\d\d) − ([\d.]+,\d\d)\) = ([\d.]+,\d\d)/100 m"
)


def test_elektro_grosshandel_prints_a_wholesale_invoice(many):
    modes = {"under": 0, "own_line": 0, "column": 0, "summary": 0}
    small = freight = deducted = bonus_notes = skonto = goods_only = debits = two_pages = commissions = 0
    orders = dated = head_commission = free = carried = 0
    for inv in many["elektro_grosshandel"]:
        t, texts = inv.truth, page_texts(inv.pdf)
        text = " ".join(texts)
        assert t["rechnungsnummer"] in texts[0] and t["kundennummer"] in texts[0]
        notes = NOTE.findall(text)
        assert notes, text[:300]
        assert re.search(r"\b\d{1,3}(?:\.\d{3})*,\d{3} (?:m|Stk)\b", text)  # three decimals: 250,000 m
        assert re.search(r"(?:Rabatt|Rab\. %|Rab\.)", text) and re.search(
            r"\b(?:\d\d %|\d\d,00|-\d\d %)", text
        )
        assert re.search(r"\b(?:PE|Preis per 100 m)\b", text)
        assert "Warenwert" in text and re.search(r"(?:MwSt 19 %|19 % MwSt\.|USt 19 %)", text)
        assert "Kupferbasis" in text or "Cu-Gewicht" in text
        assert not re.search(r"\b7 ?%", text)
        gross = re.search(rf"(?:Rechnungsbetrag|Rechnungsbetrag EUR|Endbetrag) ({DE_AMOUNT})", text)
        assert gross and de_or_en_number(gross[1]) == cents(t["betrag_brutto"]), text[-900:]
        net = re.search(rf"(?:Nettowert|Nettobetrag|Summe netto) ({DE_AMOUNT})", text)
        assert net and de_or_en_number(net[1]) == cents(t["betrag_netto"])
        quoted = DEL.search(text)
        for per in UNDER.finditer(text):
            modes["under"] += 1
            assert quoted and per[2] == quoted[1]
            cu, del_, basis, value = (de_or_en_number(per[i]) for i in range(1, 5))
            assert value == (cu * (del_ - basis) / 1000).quantize(CENT, ROUND_HALF_UP)
        modes["own_line"] += "Metallzuschlag Cu zu Pos." in text
        modes["column"] += bool(
            re.search(r"\b(?:MZ|Cu-Zuschl\.|Metallz\.) (?:Betrag|Netto|Gesamt EUR)\b", text)
        )
        modes["summary"] += "Cu-Gewicht" in text
        small += "Mindermengenzuschlag" in text
        freight += bool(re.search(r"(?:Frachtpauschale|Versandkostenpauschale)", text))
        if "frei Haus ab" in text:  # no freight charged (else it stands as its own row or in "Zuschläge")
            free += 1
            assert not re.search(r"(?:Frachtpauschale|Versandkostenpauschale)", text)
        bonus = re.search(rf"Sofortbonus (\d(?:,\d)?) % auf Warenwert ({DE_AMOUNT})", text)
        if bonus:
            deducted += 1
            goods = re.search(rf"(?:Warenwert|Warenwert netto) ({DE_AMOUNT})", text)
            assert goods and de_or_en_number(bonus[2]) == -share(
                de_or_en_number(goods[1]), de_or_en_number(bonus[1])
            )
        bonus_notes += bool(re.search(r"(?:Bonusrelevanter Umsatz|bonusfähiger Umsatz)", text))
        cut = re.search(rf"(\d) % Skonto = ({DE_AMOUNT})(?: €| EUR)?, Zahlbetrag ({DE_AMOUNT})", text)
        if cut:
            skonto += 1
            base = cents(t["betrag_brutto"])
            if "Skontofähiger Betrag" in text:
                goods_only += 1
                base = de_or_en_number(re.search(rf"Skontofähiger Betrag ({DE_AMOUNT})", text)[1])
                assert base < cents(t["betrag_brutto"])
            assert de_or_en_number(cut[2]) == share(base, int(cut[1]))
            assert de_or_en_number(cut[3]) == cents(t["betrag_brutto"]) - de_or_en_number(cut[2])
        if "SEPA-Lastschrift" in text:
            debits += 1
            assert re.search(r"Gläubiger-ID DE\d\dZZZ\d{11}", text)
        commissions += text.count("Kommission: ")
        head_commission += bool(re.search(r"Kommission: .*Lieferschein \d{7}", texts[0]))
        if "bestellnummer" in t:
            orders += 1
            assert re.search(
                rf"(?:Ihre Bestellung|Ihre Bestell-Nr\.|Bestellnummer) {t['bestellnummer']}\b", text
            )
        own = re.search(r"(?:Auftrags-Nr\.|Unser Auftrag|AB-Nr\.) (\d{8})\b", text)
        assert not own or own[1] != t.get("bestellnummer")
        if "leistungsdatum" in t:
            dated += 1
            assert len(notes) == 1 and re.search(r"(?:Lieferdatum|Liefer-/Leistungsdatum) ", texts[0])
            assert any(d in date_forms(t["leistungsdatum"]) for d in (notes[0][1],))
        if len(texts) > 1:
            two_pages += 1
            assert f"Seite 1 von {len(texts)}" in texts[0] and f"Seite 2 von {len(texts)}" in texts[1]
            assert t["rechnungsnummer"] in texts[1]
            if "Übertrag" in texts[0]:  # the table runs on (else only the totals or the terms moved over)
                carried += 1
                assert "Übertrag" in texts[1] and not any_printed(texts[0], t["betrag_brutto"])
    assert all(modes.values()), modes
    assert small and freight and deducted and bonus_notes and skonto and goods_only and debits, (
        small,
        freight,
        deducted,
        bonus_notes,
        skonto,
        goods_only,
        debits,
    )
    assert two_pages and carried and orders and dated and commissions >= 30 and head_commission and free


def test_elektro_grosshandel_runs_onto_a_second_page_on_some_seeds(many):
    pages = [inv.truth["pages"] for inv in many["elektro_grosshandel"]]
    assert {1, 2} <= set(pages) and pages.count(1) > len(pages) / 2 and max(pages) <= 3


def test_elektro_grosshandel_subtotals_add_up_to_the_net(many):
    """Warenwert and the surcharges (one "Zuschläge" row or one row each) and the bonus make the net."""
    rows = re.compile(
        rf"(Warenwert(?: netto)?|Zuschläge|Metallzuschläge|Cu-Zuschlag|Metallzuschlag|"
        rf"Mindermengenzuschlag|Frachtpauschale(?: Zustellung)?|Versandkostenpauschale|"
        rf"Sofortbonus [\d,]+ % auf Warenwert) ({DE_AMOUNT})(?: €| EUR)?"
    )
    for inv in many["elektro_grosshandel"]:
        last = page_texts(inv.pdf)[-1]
        block = last[re.search(rf"Warenwert(?: netto)? {DE_AMOUNT}", last).start() :]
        block = re.split(r"(?:Nettowert|Nettobetrag|Summe netto) ", block)[0]
        found = dict((label, de_or_en_number(value)) for label, value in rows.findall(block))
        assert sum(found.values()) == cents(inv.truth["betrag_netto"]), (inv.seed, found)


# -- auto_entrepreneur_fr ------------------------------------------------------------------------------------

MENTION = re.compile(
    r"(?:TVA non applicable,? (?:–|art\.|article) .*?293 B|VAT not applicable, article 293 B)"
)
TOTAL_HT = rf"(?:Total HT|Subtotal) (?:€)?({FR_AMOUNT.replace('-?', '')})"


def test_auto_entrepreneur_fr_prints_a_micro_entrepreneur_invoice(many):
    english = own_vat = client_vat = vat_rows = ttc = deposits = quotes = periods = dated = ei = 0
    orders = customers = 0
    for inv in many["auto_entrepreneur_fr"]:
        t, text = inv.truth, text_of(inv.pdf)
        day = dt.date.fromisoformat(t["datum"])
        assert MENTION.search(text), text[-600:]
        assert re.search(r"(?:FACTURE|Facture|INVOICE|Invoice)", text) and t["rechnungsnummer"] in text
        assert not re.search(r"\b(?:19|20|5,5) ?%", text)  # no VAT rate (but the 10 % of late penalties)
        siret = re.search(r"SIRET (\d{3} \d{3} \d{3} \d{5}|\d{14})\b", text)
        assert siret and luhn.is_valid(siret[1].replace(" ", ""))
        assert re.search(r"APE \d{4}[A-Z]", text) and (
            "Allemagne" in text or "ALLEMAGNE" in text or "Germany" in text
        )
        assert re.search(r"(?:40 €|€40)", text) and re.search(
            r"(?:Pénalités de retard|pénalités|Late payment)", text
        )
        assert re.search(r"(?:Conditions de paiement|Payment terms) : ?|(?:Payment terms): ", text)
        assert f"BIC {t['bic']}" in text and "IBAN" in text and t["iban"].startswith("FR")
        assert t["lieferant"] in text
        ht = re.search(TOTAL_HT, text)
        assert ht and de_or_en_number(ht[1]) == cents(t["betrag_brutto"])
        if "Invoice" in text or "INVOICE" in text:
            english += 1
            assert "Amount due" in text
        else:
            assert "Net à payer" in text
        if "ust_id" in t:
            own_vat += 1
            assert re.search(r"(?:N° TVA intracommunautaire|VAT ID) ?: FR", text)
        else:
            assert not re.search(r"FR ?\d\d ?\d{3} ?\d{3} ?\d{3}\b", text)
        other = re.search(r"(?:N° TVA|TVA intracom\. client|USt-IdNr\.|VAT ID) ?: (DE\d{9})", text)
        if other:
            client_vat += 1
            assert vat.is_valid(other[1]) and other[1] != t.get("ust_id")
        if "mwst" in t:
            vat_rows += 1
            assert re.search(r"(?:TVA|TVA 0 %|TVA \(0 %\)|VAT \(0 %\)) (?:0,00|€0\.00|0\.00)", text)
        else:
            assert not re.search(r"(?:TVA|VAT)[^,.]{0,8} (?:0,00|€0\.00|0\.00)", text)
        if re.search(r"(?:Total TTC|Total) (?:€)?\d", text.replace("Total HT", "")):
            ttc += 1
        paid = re.search(
            rf"(?:Acompte versé le|Deposit paid on) [^€\d]*[\d/]+[^-€]*? ({FR_AMOUNT}|-€[\d,.]+)", text
        )
        if paid:
            deposits += 1
            due = re.search(rf"(?:Net à payer|Amount due) (?:€)?({FR_AMOUNT.replace('-?', '')})", text)
            deposit = de_or_en_number(paid[1].replace("€", ""))
            assert deposit < 0 and due and de_or_en_number(due[1]) == cents(t["betrag_brutto"]) + deposit
        quotes += bool(re.search(r"(?:Selon devis n°|Quote) D-\d{4}-\d{3}", text))
        periods += bool(re.search(r"(?:Période|Service period) .{0,4}(?:du|from) ", text))
        if "leistungsdatum" in t:
            dated += 1
            assert re.search(r"(?:Date de la prestation|Date of service) ?:? ", text)
        ei += bool(re.search(r"\bEI\b|Entrepreneur individuel", text))
        if day < dt.date(2022, 5, 15):
            assert not re.search(r"\bEI\b|Entrepreneur individuel", text)
        if "bestellnummer" in t:
            orders += 1
            assert re.search(
                rf"(?:Votre référence|Your PO) ?: ?{re.escape(t['bestellnummer'])}|"
                rf"(?:Votre référence|Your PO) {re.escape(t['bestellnummer'])}",
                text,
            )
        customers += "kundennummer" in t
    counts = (
        english,
        own_vat,
        client_vat,
        vat_rows,
        ttc,
        deposits,
        quotes,
        periods,
        dated,
        ei,
        orders,
        customers,
    )
    assert all(counts) and own_vat < 15 and english < 15, counts


def test_auto_entrepreneur_fr_prints_french_dates_and_amounts(many):
    texts = [text_of(inv.pdf) for inv in many["auto_entrepreneur_fr"]]
    months = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
    assert any(re.search(r"\b\d\d/\d\d/\d{4}\b", text) for text in texts)
    assert any(re.search(rf"\b\d{{1,2}} {months} \d{{4}}\b", text) for text in texts)
    assert any(re.search(rf", le \d{{1,2}} {months} \d{{4}}", text) for text in texts)
    assert any(re.search(r"\d \d{3},\d\d €", text) for text in texts)
    assert any(re.search(r"€\d{1,3}(?:,\d{3})*\.\d\d", text) for text in texts)
    assert {inv.truth["pages"] for inv in many["auto_entrepreneur_fr"]} == {1}

"""Layout families: each renders, its truth adds up and is printed, the split is made once, seeds are stable."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal

import pymupdf
import pytest
from schwifty import IBAN
from stdnum.ch import vat as ch_vat
from stdnum.de import stnr
from stdnum.eu import vat
from stdnum.gb import vat as gb_vat

from benchmarks.synth.families import (
    FAMILY_NAMES,
    NEVER_TUNED,
    SPLIT,
    TUNING,
    family_seeds,
    generate_family,
    split_of,
)
from benchmarks.synth.invoice_gen import LAYOUT_NAMES, MONTHS_EN, main
from tests.synth.family_checks import bases_by_rate, seeded, vat_of
from tests.synth.test_synth import date_forms as base_date_forms
from tests.synth.test_synth import is_printed
from tests.synth.test_synth import printed_forms as invoice_forms

PER_FAMILY = 2
CENT = Decimal("0.01")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")  # fmt: skip
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")  # fmt: skip


@pytest.fixture(scope="module")
def invoices():
    return seeded(FAMILY_NAMES, PER_FAMILY)


def all_of(invoices):
    return [inv for group in invoices.values() for inv in group]


def text_of(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(" ".join(page.get_text().split()) for page in doc)


# -- printed forms, written here independently of the generator -------------------------------------------


def amount_forms(value: float) -> set[str]:
    v = Decimal(str(value))
    sign = "-" if v < 0 else ""
    en = f"{abs(v):,.2f}"
    plain = f"{abs(v):.2f}"
    # the last: 1'234.50, lizenz_ch's Swiss francs
    forms = {en, en.translate(str.maketrans(",.", ".,")), en.replace(",", " ").replace(".", ","), plain,
             plain.replace(".", ","), en.replace(",", "'")}  # fmt: skip
    return {sign + f for f in forms}


def date_forms(iso: str) -> set[str]:
    d = dt.date.fromisoformat(iso)
    return base_date_forms(iso) | {
        f"{d:%d.%m.%y}",
        f"{d.day} {MONTHS_FR[d.month - 1]} {d.year}",
        f"{d:%d/%m/%Y}",
        f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}",
        f"{d:%d-%m-%Y}",
        f"{d:%m/%d/%Y}",  # erp_en's sellers in the USA
        f"{d.day}{ordinal_suffix(d.day)} {MONTHS_EN[d.month - 1]} {d.year}",  # uk_invoice: 4th December 2026
        f"{MONTHS_EN[d.month - 1][:3]} {d.day}, {d.year}",  # ads_plattform_ie: Apr 1, 2024
        f"{d.day} {MONTHS_EN[d.month - 1][:3]} {d.year}",  # ads_plattform_ie: 1 Apr 2024
        f"{d.day:02d}-{MONTHS_EN[d.month - 1][:3]}-{d.year}",  # print_invoice_en: 14-Mar-2024
        *([f"{d.day}. Jänner {d.year}"] if d.month == 1 else []),  # rechnung_at's Austrian January
    }


def ordinal_suffix(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def printed_forms(key: str, value) -> set[str]:
    if key in ("betrag_netto", "mwst", "betrag_brutto"):
        return amount_forms(value)
    if key in ("datum", "leistungsdatum"):
        return date_forms(value)
    if key == "ust_id" and value.startswith("GB"):  # uk_invoice: also the British 3-4-2 grouping
        return invoice_forms(key, value) | {f"{value[:2]} {value[2:5]} {value[5:9]} {value[9:]}"}
    if key == "ust_id" and value.startswith("FR"):  # facture_btp: also FR 12 345 678 901
        return invoice_forms(key, value) | {f"{value[:2]} {value[2:4]} {value[4:7]} {value[7:10]} {value[10:]}"}
    if key == "ust_id" and value.startswith("CHE"):  # lizenz_ch: printed CHE-123.456.789 MWST
        return {ch_vat.format(value)}
    return invoice_forms(key, value)


def any_printed(text: str, value: float) -> bool:
    return any(is_printed(text, f) for f in amount_forms(value))


# -- the split ----------------------------------------------------------------------------------------------


def test_split_covers_every_family_exactly_once():
    assert len(FAMILY_NAMES) >= 20
    assert set(SPLIT) == {"tuning", "never_tuned"}
    names = [n for split in SPLIT.values() for n in split]
    assert sorted(names) == sorted(FAMILY_NAMES) and len(names) == len(set(names))
    assert set(LAYOUT_NAMES) <= set(TUNING)
    assert len(NEVER_TUNED) >= 6
    assert all(split_of(n) == ("tuning" if n in TUNING else "never_tuned") for n in FAMILY_NAMES)
    with pytest.raises(ValueError, match="unknown family"):
        generate_family("no-such-family", 1)


# -- rendering and truth -----------------------------------------------------------------------------------


def test_each_family_renders_a_pdf_with_its_stated_pages(invoices):
    for name, group in invoices.items():
        for inv in group:
            assert inv.layout == name
            with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
                assert doc.page_count == inv.truth["pages"]
                # kassenbon: a till receipt, 80 mm wide; rechnung_quer: a landscape A4 page
                paper = pymupdf.paper_rect("a4-l" if name == "rechnung_quer" else "a4")
                assert doc[0].rect == paper or name == "kassenbon"
                assert doc[0].get_text().strip()


def test_truth_adds_up_per_vat_rate(invoices):
    rate_sets = set()
    for inv in all_of(invoices):
        t = inv.truth
        by_rate = bases_by_rate(inv)
        vat_total = sum(vat_of(base, rate) for rate, base in by_rate.items())
        assert Decimal(str(t["betrag_netto"])) == sum(by_rate.values()), inv.layout
        vat_printed = Decimal(str(t.get("mwst", 0.0)))  # no mwst: no VAT printed (some hosting_export seeds)
        assert vat_printed == vat_total, inv.layout
        assert Decimal(str(t["betrag_netto"])) + vat_printed == Decimal(str(t["betrag_brutto"]))
        assert {(v.rate, v.base) for v in inv.vat_lines} == set(by_rate.items())
        rate_sets.add(frozenset(by_rate))
    for rates in ({19, 7}, {20, 10}, {21, 9}, {19}, {20}, {21}):
        assert frozenset(rates) in rate_sets, rates


def test_credit_notes_have_negative_amounts(invoices):
    for name in ("gutschrift", "credit_note_en"):
        for inv in invoices[name]:
            t = inv.truth
            assert t["betrag_netto"] < 0 and t["mwst"] < 0 and t["betrag_brutto"] < 0
            assert any_printed(text_of(inv.pdf), t["betrag_brutto"])
    # gutschrift_versand prints its amounts negative on some seeds, positive under "Gutschriftsbetrag" on the
    # others; its truth has the printed sign (as the credit note's own e-invoice would state them).
    signs = {inv.truth["betrag_brutto"] < 0 for inv in invoices["gutschrift_versand"]}
    assert signs == {True, False}
    credits = ("gutschrift", "credit_note_en", "gutschrift_versand")
    others = [inv for n, g in invoices.items() if n not in credits for inv in g]
    assert all(inv.truth["betrag_brutto"] > 0 for inv in others)


def test_identifiers_pass_their_checksums(invoices):
    countries = set()
    for inv in all_of(invoices):
        t = inv.truth
        if "iban" in t:  # erp_en's sellers in the USA, and some in the UK, print no IBAN
            iban = IBAN(t["iban"], validate_bban=True)
            countries.add(iban.country_code)
            assert str(iban.bic) == t.get("bic", str(iban.bic))  # lizenz_ch prints no BIC on some seeds
        if "ust_id" in t:
            valid = {"GB": gb_vat.is_valid, "CH": ch_vat.is_valid}.get(t["ust_id"][:2], vat.is_valid)
            assert valid(t["ust_id"]), t["ust_id"]
            # ads_plattform_ie: an Irish entity collecting on a German account on some seeds
            same = "iban" not in t or t["ust_id"][:2] == iban.country_code
            assert same or inv.layout == "ads_plattform_ie", t["ust_id"]
        if "steuernummer" in t:
            assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]
        # A French micro-entrepreneur (art. 293 B CGI) often has no VAT id, only a SIRET.
        assert "ust_id" in t or "steuernummer" in t or t["waehrung"] == "USD" or inv.layout == "auto_entrepreneur_fr"
    # it_freelancer_en: freelancers in Poland, Spain, Portugal or Czechia.
    assert {"DE", "FR", "NL"} <= countries <= {"DE", "FR", "NL", "GB", "IE", "CH", "AT", "BE", "LU", "PL", "ES", "PT", "CZ"}
    every = [inv for inv in all_of(invoices) if "iban" in inv.truth]
    assert any("ust_id" not in inv.truth for inv in every) and any(
        "steuernummer" not in inv.truth for inv in every
    )
    assert any(" " in inv.truth["iban"] for inv in every) and any(
        " " not in inv.truth["iban"] for inv in every
    )


def test_text_layer_holds_every_truth_value_as_printed(invoices):
    for inv in all_of(invoices):
        text = text_of(inv.pdf)
        for key, value in inv.truth.items():
            if key == "pages":
                continue
            assert any(is_printed(text, f) for f in printed_forms(key, value)), (inv.layout, key, value)


# -- what each kind of family prints -------------------------------------------------------------------------


def test_languages_print_their_own_labels(invoices):
    wanted = {
        "francais": (
            ("Montant HT", "Total HT"),
            ("TVA",),
            ("TTC",),
            ("Net à payer",),
            ("Facture", "FACTURE"),
        ),
        "nederlands": (("Subtotaal", "Totaal excl. BTW"), ("BTW",), ("Totaal",), ("Factuur", "FACTUUR")),
        "english_boxed": (("Subtotal", "Net total", "Net amount"), ("VAT",), ("Invoice", "INVOICE")),
        "credit_note_en": (("Credit Note", "CREDIT NOTE"),),
        "gutschrift": (("Gutschrift", "Rechnungskorrektur"),),
    }
    for name, groups in wanted.items():
        for inv in invoices[name]:
            text = text_of(inv.pdf)
            for words in groups:
                assert any(w in text for w in words), (name, words)


def test_skonto_prints_the_discounted_amount(invoices):
    for inv in invoices["skonto"]:
        text = text_of(inv.pdf)
        assert "Skonto" in text
        gross = Decimal(str(inv.truth["betrag_brutto"]))
        discounted = [gross - (gross * pct / 100).quantize(CENT, ROUND_HALF_UP) for pct in (2, 3)]
        assert any(any_printed(text, float(d)) for d in discounted)


def test_prepayment_is_deducted_from_the_gross_total(invoices):
    for inv in invoices["anzahlung"]:
        text = text_of(inv.pdf)
        gross = Decimal(str(inv.truth["betrag_brutto"]))
        paid = [(gross * share / 100).quantize(CENT, ROUND_HALF_UP) for share in (20, 25, 30, 40, 50)]
        assert any(any_printed(text, float(-p)) and any_printed(text, float(gross - p)) for p in paid)


def test_final_invoice_deducts_partial_invoices_from_the_gross_total(invoices):
    for inv in invoices["handwerker_abschlag"]:
        text = text_of(inv.pdf)
        assert "Schlussrechnung" in text and "Abschlagsrechnung" in text
        gross = Decimal(str(inv.truth["betrag_brutto"]))
        assert any_printed(text, inv.truth["betrag_brutto"])
        rest = re.search(r"Noch zu zahlen (\d{1,3}(?:\.\d{3})*,\d\d)", text)
        assert rest, text
        assert 0 < Decimal(rest[1].replace(".", "").replace(",", ".")) < gross


def test_two_page_invoice_carries_its_table_over(invoices):
    for inv in invoices["zwei_seiten"]:
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            first, second = (" ".join(page.get_text().split()) for page in doc)
        carried = re.search(r"Übertrag (\S+)", first)
        assert carried and f"Übertrag von Seite 1 {carried[1]}" in second
        assert "Seite 1 von 2" in first and "Seite 2 von 2" in second
        assert inv.truth["rechnungsnummer"] in second
        gross = inv.truth["betrag_brutto"]
        assert not any_printed(first, gross) and any_printed(second, gross)  # the totals only on page 2


def test_single_line_total_states_the_vat_in_words(invoices):
    for inv in invoices["einzeiler"]:
        text = text_of(inv.pdf)
        assert re.search(r"enthalten|enthält", text)
        assert re.search(rf"Nr\. {re.escape(inv.truth['rechnungsnummer'])} vom ", text)


def test_formats_vary_across_families(invoices):
    every = all_of(invoices)
    assert len({inv.date_format for inv in every}) >= 7
    assert len({inv.money_format for inv in every}) >= 6
    texts = [text_of(inv.pdf) for inv in every]
    for pattern in (r"\d \d{3},\d\d", r"\d,\d{3}\.\d\d", r"€ -?\d", r"\d EUR", r"EUR \d", r"\d{4}-\d\d-\d\d"):
        assert any(re.search(pattern, t) for t in texts), pattern


# -- determinism ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["kompakt", "francais", "klassik", "zwei_seiten", "telekom_rechnung"])
def test_same_seed_same_bytes(name):
    seed = family_seeds(name, 1)[0]
    a, b = generate_family(name, seed), generate_family(name, seed)
    assert a.pdf == b.pdf and a.truth == b.truth
    assert generate_family(name, seed + 1).truth != a.truth


def test_family_seeds_are_fixed_and_distinct():
    assert family_seeds("kompakt", 3) == family_seeds("kompakt", 3)
    assert len(set(family_seeds("kompakt", 50))) == 50
    assert family_seeds("kompakt", 3) != family_seeds("francais", 3)


def test_cli_writes_every_family_with_its_split(tmp_path):
    main(["--out", str(tmp_path), "--per-family", "1"])
    index = [json.loads(line) for line in (tmp_path / "index.jsonl").read_text().splitlines()]
    assert sorted(row["layout"] for row in index) == sorted(FAMILY_NAMES)
    for row in index:
        assert row["split"] == split_of(row["layout"])
        assert (tmp_path / f"{row['file']}.pdf").read_bytes()[:5] == b"%PDF-"
    row = next(row for row in index if row["layout"] == NEVER_TUNED[0])
    truth = json.loads((tmp_path / f"{row['file']}.truth.json").read_text(encoding="utf-8"))
    assert truth == generate_family(row["layout"], row["seed"]).truth

"""Checks shared by the tests of the families designed blind (tests/synth/test_families_*.py).

Each of those test modules states what its families print; these are the checks every such family
passes alike: registered and dispatched, deterministic per seed, a truth of the common format whose
amounts add up per VAT rate and whose identifiers pass their checksums, every truth value printed in the
text layer, nothing drawn off the page, and seeds that look different. Where families differ (which rates,
which countries, which keys), the check takes it as a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any, Literal

import pymupdf
from schwifty import IBAN
from stdnum.de import stnr
from stdnum.eu import vat

from benchmarks.synth.families import FAMILY_NAMES, NEVER_TUNED, family_seeds, generate_family, split_of
from benchmarks.synth.families_more import Drawing
from benchmarks.synth.invoice_gen import SyntheticInvoice
from tests.synth.test_synth import EXTRA_KEYS, ZUGFERD_KEYS, is_printed, page_texts

PER_FAMILY = 10
Invoices = Mapping[str, Sequence[SyntheticInvoice]]


def seeded(names: Iterable[str], per_family: int = PER_FAMILY) -> dict[str, list[SyntheticInvoice]]:
    """`per_family` invoices of each family, by family (drawn once per test session: `drawn`)."""
    return {name: [drawn(name, s) for s in family_seeds(name, per_family)] for name in names}


@cache
def drawn(name: str, seed: int) -> SyntheticInvoice:
    """`generate_family(name, seed)`, drawn once per test session: a family's first seeds are the same in every
    module that reads them (its own tests' 8, 10 or 30, the all-families tests' first 2). The invoice is
    frozen; its truth is only read. Determinism is tested on fresh drawings (`assert_same_seed_same_bytes`)."""
    return generate_family(name, seed)


def all_of(invoices: Invoices) -> list[SyntheticInvoice]:
    return [inv for group in invoices.values() for inv in group]


def text_of(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def cents(value: float) -> Decimal:
    return Decimal(str(value))


CENT = Decimal("0.01")


def bases_by_rate(inv: SyntheticInvoice) -> dict[Decimal, Decimal]:
    """The invoice's items (quantity × unit price, to the cent) summed by VAT rate."""
    by_rate: dict[Decimal, Decimal] = {}
    for item in inv.items:
        rate = Decimal(item.rate)
        by_rate[rate] = by_rate.get(rate, Decimal(0)) + (item.quantity * item.unit_price).quantize(
            CENT, ROUND_HALF_UP
        )
    return by_rate


def vat_of(base: Decimal, rate: Decimal) -> Decimal:
    return (base * rate / 100).quantize(CENT, ROUND_HALF_UP)


def de_amount(value: float) -> str:
    """1234.5 as German print: "1.234,50"."""
    return f"{value:,.2f}".translate(str.maketrans(",.", ".,"))


def de_number(text: str) -> Decimal:
    """A printed German amount ("1 234,56", "1.234,56") as a number."""
    return Decimal(text.replace(" ", "").replace(".", "").replace(",", "."))


def de_or_en_number(text: str) -> Decimal:
    """A printed amount, German or English ("1 234,56", "1.234,56", "1,234.56"), as a number."""
    text = text.replace(" ", "")
    if re.search(r"\.\d\d$", text):
        return Decimal(text.replace(",", ""))
    return Decimal(text.replace(".", "").replace(",", "."))


def to_cent(value: Decimal) -> Decimal:
    """`value` rounded half up to the cent."""
    return value.quantize(CENT, ROUND_HALF_UP)


def in_second_half_of_2020(iso: str) -> bool:
    """The date falls in July to December 2020, when German VAT was 16 % and 5 %."""
    return dt.date(2020, 7, 1) <= dt.date.fromisoformat(iso) <= dt.date(2020, 12, 31)


def printed_gross_in_any_form(name: str, inv: SyntheticInvoice) -> str:
    """The invoice's gross as its text layer prints it: "1.234,56", "1 234,56" or "1,234.56" (the first found),
    else "1.234,56"."""
    gross = inv.truth["betrag_brutto"]
    text = text_of(inv.pdf)
    for form in (de_amount(gross), f"{gross:,.2f}".replace(",", " ").replace(".", ","), f"{gross:,.2f}"):
        if form in text:
            return form
    return de_amount(gross)


def printed_gross(name: str, inv: SyntheticInvoice) -> str:
    """The invoice's gross as its text layer prints it: "1 234,56" where only that form stands, else "1.234,56"."""
    gross = inv.truth["betrag_brutto"]
    text = text_of(inv.pdf)
    spaced = f"{gross:,.2f}".replace(",", " ").replace(".", ",")
    return spaced if spaced in text and de_amount(gross) not in text else de_amount(gross)


def assert_registered(module_families: Mapping[str, object], names: Sequence[str]) -> None:
    """Registered and dispatched; never-tuned unless moved to tuning since (their split says which)."""
    assert set(module_families) == set(names)
    for name in names:
        assert name in FAMILY_NAMES
        assert split_of(name) == ("never_tuned" if name in NEVER_TUNED else "tuning")


def assert_same_seed_same_bytes(name: str, draw: Callable[[str, int], Drawing]) -> None:
    seed = family_seeds(name, 1)[0]
    a, b = generate_family(name, seed), generate_family(name, seed)
    assert a.pdf == b.pdf and a.truth == b.truth
    assert generate_family(name, seed + 1).truth != a.truth
    assert draw(name, seed).truth() == a.truth


def assert_truth_printed(invoices: Invoices, printed_forms: Callable[[str, object], set[str]]) -> None:
    """Every truth value (but the page count) stands in the text layer in one of its printed forms."""
    for inv in all_of(invoices):
        text = text_of(inv.pdf)
        for key, value in inv.truth.items():
            if key == "waehrung" and value == "EUR" and "€" in text:
                continue  # a currency sign may stand tight to its amount ("€1.486,57")
            if key != "pages":
                assert any(is_printed(text, f) for f in printed_forms(key, value)), (
                    inv.layout,
                    inv.seed,
                    key,
                    value,
                )


def assert_on_the_page(invoices: Invoices, side: float = 10, top: float = 10, bottom: float = 8) -> None:
    """No text block closer to an edge than these margins (points)."""
    for inv in all_of(invoices):
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            for page in doc:
                for block in page.get_text("dict")["blocks"]:
                    x0, y0, x1, y1 = block["bbox"]
                    inside = side <= x0 and x1 <= page.rect.width - side
                    assert inside and top <= y0 and y1 <= page.rect.height - bottom, (
                        inv.layout,
                        inv.seed,
                        block["bbox"],
                    )


def assert_seeds_look_different(invoices: Invoices, total: Callable[[str, SyntheticInvoice], str]) -> None:
    """Fonts, where the number and the total (`total`: its printed text) stand, how much is drawn and the page
    size differ from seed to seed."""
    for name, group in invoices.items():
        looks = set()
        for inv in group:
            with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
                page = doc[0]
                fonts = frozenset(f[3].split("+")[-1] for f in page.get_fonts())
                where = [
                    (round(r.x0 / 10), round(r.y0 / 10))
                    for r in page.search_for(inv.truth["rechnungsnummer"])[:1]
                    + doc[-1].search_for(total(name, inv))[:1]
                ]
                looks.add((fonts, tuple(where), len(page.get_drawings()), round(page.rect.height)))
        assert len(looks) == len(group), name


# -- the truth's format -----------------------------------------------------------------------------------

AMOUNT_KEYS = ("betrag_netto", "mwst", "betrag_brutto")
# The keys every family's truth has; most have the VAT too, a few print none (reverse charge, margin scheme).
TRUTH_KEYS_BUT_VAT = frozenset({"rechnungsnummer", "datum", "betrag_netto", "betrag_brutto", "waehrung",
                                "lieferant", "pages"})  # fmt: skip
TRUTH_KEYS = TRUTH_KEYS_BUT_VAT | {"mwst"}
# Every key a family's truth may have: the zugferd-awv ones and the extra three (service date, customer and order
# number); a family that never prints one of them names its own set without it.
ALL_TRUTH_KEYS = frozenset(ZUGFERD_KEYS | EXTRA_KEYS)
AmountSign = Literal["positive", "not negative", "any"]
A4 = pymupdf.paper_rect("a4")


def assert_truth_format(
    inv: SyntheticInvoice,
    required: Collection[str],
    allowed: Collection[str],
    *,
    amounts: AmountSign = "positive",
    mwst_may_be_absent: bool = False,
    paper: pymupdf.Rect = A4,
) -> None:
    """What every family's truth shares: the `required` keys and none but the `allowed` ones; net, VAT and
    gross floats to the cent, of the sign `amounts` asks ("positive": above 0, "not negative": 0 or above,
    "any"), the VAT absent only where `mwst_may_be_absent`; as many pages as the truth says, all of the
    `paper` size."""
    t = inv.truth
    assert set(required) <= set(t), set(required) - set(t)
    assert set(t) <= set(allowed), set(t) - set(allowed)
    for key in AMOUNT_KEYS:
        if key == "mwst" and mwst_may_be_absent and key not in t:
            continue
        value = t[key]
        assert isinstance(value, float) and round(value, 2) == value, (key, value)
        if amounts == "positive":
            assert value > 0, (key, value)
        elif amounts == "not negative":
            assert value >= 0, (key, value)
    with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
        assert doc.page_count == t["pages"], (inv.layout, inv.seed)
        assert all(page.rect == paper for page in doc), (inv.layout, inv.seed)


# -- the amounts add up -----------------------------------------------------------------------------------

RateRule = Callable[[SyntheticInvoice, set[Decimal]], bool]
VatLineCheck = Literal["rate, base and amount", "rate and base", "unchecked"]


def rates_as_in(table: Mapping[str, Collection[Decimal | int]]) -> RateRule:
    """The invoice's VAT rates are exactly its layout's in `table`."""
    return lambda inv, rates: rates == set(table[inv.layout])


def rates_within(table: Mapping[str, Collection[Decimal | int]]) -> RateRule:
    """The invoice has items, at rates its layout's in `table` allow (not necessarily all of them)."""
    return lambda inv, rates: bool(rates) and rates <= set(table[inv.layout])


def rates_one_of(table: Mapping[str, Collection[Collection[Decimal | int]]]) -> RateRule:
    """The invoice's VAT rates are one of the rate sets its layout's in `table` lists."""
    return lambda inv, rates: rates in [set(option) for option in table[inv.layout]]


def assert_amounts_add_up(
    invoices: Invoices,
    rates_ok: RateRule | None,
    *,
    positive_bases: bool = False,
    positive_net: bool = False,
    mwst_may_be_absent: bool = False,
    vat_lines: VatLineCheck = "rate, base and amount",
) -> None:
    """Net is the items' sum, VAT the sum of each rate's VAT (rounded per rate), net plus VAT the gross.

    `rates_ok`: which rate sets the invoice may have (None: any); `positive_bases`: every rate's base is
    above 0; `positive_net`: the net is; `mwst_may_be_absent`: a truth without VAT counts as 0; `vat_lines`:
    how much of the invoice's VAT breakdown is compared with the items'."""
    for inv in all_of(invoices):
        t = inv.truth
        by_rate = bases_by_rate(inv)
        vat_total = sum(vat_of(base, rate) for rate, base in by_rate.items())
        where = (inv.layout, inv.seed)
        if rates_ok is not None:
            assert rates_ok(inv, set(by_rate)), (*where, set(by_rate))
        if positive_bases:
            assert all(base > 0 for base in by_rate.values()), where
        net = cents(t["betrag_netto"])
        assert net == sum(by_rate.values()), where
        if positive_net:
            assert net > 0, where
        assert cents(t.get("mwst", 0.0) if mwst_may_be_absent else t["mwst"]) == vat_total, where
        assert net + vat_total == cents(t["betrag_brutto"]), where
        if vat_lines == "rate, base and amount":
            assert {(Decimal(v.rate), v.base, v.amount) for v in inv.vat_lines} == {
                (rate, base, vat_of(base, rate)) for rate, base in by_rate.items()
            }, where
        elif vat_lines == "rate and base":
            assert {(v.rate, v.base) for v in inv.vat_lines} == set(by_rate.items()), where


# -- identifiers ------------------------------------------------------------------------------------------


def is_german_vat_id(number: str) -> bool:
    """A German USt-IdNr. ("DE" and nine digits) whose check digit holds."""
    return number.startswith("DE") and vat.is_valid(number)


def assert_identifiers_pass(
    invoices: Invoices,
    *,
    iban_countries: Collection[str] | Callable[[SyntheticInvoice], Collection[str]] = ("DE",),
    iban_required: bool = False,
    ust_id_required: bool = False,
    ust_id_valid: Callable[[str], bool] = is_german_vat_id,
) -> None:
    """The IBAN passes its checksum and bank-code check, is of one of `iban_countries` (a collection, or the
    invoice's from a function) and gives the truth's BIC where there is one; the VAT id passes
    `ust_id_valid`; the Steuernummer is a valid German one. Each is checked where the truth has it; the IBAN
    and the VAT id must be there where `iban_required` and `ust_id_required`."""
    for inv in all_of(invoices):
        t = inv.truth
        if iban_required or "iban" in t:
            iban = IBAN(t["iban"], validate_bban=True)
            countries = iban_countries(inv) if callable(iban_countries) else iban_countries
            assert t.get("bic", str(iban.bic)) == str(iban.bic), (inv.layout, inv.seed, t.get("bic"))
            assert iban.country_code in countries, (inv.layout, inv.seed, t["iban"])
        if ust_id_required or "ust_id" in t:
            assert ust_id_valid(t["ust_id"]), (inv.layout, inv.seed, t["ust_id"])
        if "steuernummer" in t:
            assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]


# -- printed forms, written independently of the generators -----------------------------------------------

PrintedForms = Callable[[str, Any], set[str]]
DATE_KEYS = ("datum", "leistungsdatum")


def iban_in_fours(value: str) -> set[str]:
    """An IBAN compact and in groups of four."""
    return {value, " ".join(value[i : i + 4] for i in range(0, len(value), 4))}


def iban_compact_or_in_fours(value: str) -> set[str]:
    """An IBAN as the truth has it, without its spaces, and in groups of four."""
    compact = value.replace(" ", "")
    return {value, compact, " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))}


def vat_id_in_threes(value: str) -> set[str]:
    """A VAT id compact or in groups of three after the country (DE 123 456 789)."""
    return {value, f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}"}


def vat_id_french_or_in_threes(value: str) -> set[str]:
    """A French VAT id compact or as FR 12 345 678 901; any other as `vat_id_in_threes`."""
    if value.startswith("FR"):
        return {value, f"{value[:2]} {value[2:4]} {value[4:7]} {value[7:10]} {value[10:]}"}
    return vat_id_in_threes(value)


def vat_id_in_threes_or_british(value: str) -> set[str]:
    """A VAT id compact, in groups of three (DE 123 456 789) or in the British 3-4-2 (GB 123 4567 89)."""
    return vat_id_in_threes(value) | {f"{value[:2]} {value[2:5]} {value[5:9]} {value[9:]}"}


def currency_or_euro_sign(value: str) -> set[str]:
    """The currency as its code or as "€" (families that only bill in euros)."""
    return {value, "€"}


def currency_euro_sign_for_eur(value: str) -> set[str]:
    """The currency as its code, EUR also as "€" (families that also bill in other currencies)."""
    return {value, "€"} if value == "EUR" else {value}


def german_printed_forms(
    dates: Sequence[str] = DATE_KEYS,
    iban: Callable[[str], set[str]] | None = None,
    vat_id: Callable[[str], set[str]] = vat_id_in_threes,
    currency: Callable[[str], set[str]] = currency_or_euro_sign,
) -> PrintedForms:
    """The forms a German invoice prints a truth value in: any amount form (`amount_forms`), the `dates` in any
    date form (`date_forms`), the currency, VAT id and IBAN in the forms `currency`, `vat_id` and `iban` give
    (`iban` None: as the truth has it), anything else as the truth has it."""

    def printed_forms(key: str, value: Any) -> set[str]:
        # imported here: tests.synth.test_families imports this module
        from tests.synth.test_families import amount_forms, date_forms

        if key in AMOUNT_KEYS:
            return amount_forms(value)
        if key in dates:
            return date_forms(value)
        if key == "waehrung":
            return currency(value)
        if key == "ust_id":
            return vat_id(value)
        if key == "iban" and iban is not None:
            return iban(value)
        return {str(value)}

    return printed_forms

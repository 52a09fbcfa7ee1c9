"""Checks shared by the tests of the families designed blind (families_world, _trip, _late, _last).

Each of those test modules states what its families print; these are the checks every such family
passes alike: registered and dispatched, deterministic per seed, every truth value printed in the text
layer, nothing drawn off the page, and seeds that look different.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pymupdf

from benchmarks.synth.families import FAMILY_NAMES, NEVER_TUNED, family_seeds, generate_family, split_of
from benchmarks.synth.families_more import Drawing
from benchmarks.synth.invoice_gen import SyntheticInvoice
from tests.synth.test_synth import is_printed, page_texts

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

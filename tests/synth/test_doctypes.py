"""Document-type generator: all ten types in several layouts, PDFs with their truth printed, seeded, traps present."""

from __future__ import annotations

import pymupdf
import pytest

from benchmarks.synth.doctypes import (
    DOC_TYPES,
    HELD_OUT_LAYOUTS,
    LAYOUT_NAMES,
    LAYOUTS,
    TypedDoc,
    generate_doctypes,
)

N = 3


@pytest.fixture(scope="module")
def docs() -> list[TypedDoc]:
    return generate_doctypes(N, seed=7)


def text_of(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(" ".join(page.get_text().split()) for page in doc)


def test_types_and_layouts() -> None:
    assert set(LAYOUTS) == set(DOC_TYPES) and len(DOC_TYPES) == 10
    for doc_type, names in LAYOUTS.items():
        assert len(names) >= 3, doc_type
        held = [n for n in names if n in HELD_OUT_LAYOUTS]
        assert 1 <= len(held) < len(names), doc_type
    assert set(HELD_OUT_LAYOUTS) <= set(LAYOUT_NAMES)


def test_n_per_type_and_layouts_in_use(docs: list[TypedDoc]) -> None:
    assert len(docs) == N * len(DOC_TYPES)
    for doc_type in DOC_TYPES:
        mine = [d for d in docs if d.doc_type == doc_type]
        assert len(mine) == N
        assert len({d.layout for d in mine}) >= 3, doc_type
        assert all(d.layout in LAYOUTS[doc_type] for d in mine)


def test_pdfs_open_and_print_their_truth(docs: list[TypedDoc]) -> None:
    for d in docs:
        text = text_of(d.pdf)
        number = d.truth["dokumentnummer"]
        if d.doc_type == "sonstiges":
            assert number is None and d.truth["unser_zeichen"] in text
        else:
            assert number and number in text, (d.layout, number)
        assert d.truth["absender"] in text, d.layout
        assert len(d.truth["datum"]) == 10


def test_deterministic_for_a_seed(docs: list[TypedDoc]) -> None:
    again = generate_doctypes(1, seed=7)
    firsts = [d for i, d in enumerate(docs) if i % N == 0]
    assert [(d.layout, d.seed, d.truth, d.pdf) for d in again] == [
        (d.layout, d.seed, d.truth, d.pdf) for d in firsts
    ]
    assert generate_doctypes(1, seed=8)[0].truth != again[0].truth


def test_traps_are_printed(docs: list[TypedDoc]) -> None:
    by_layout = {d.layout: d for d in docs}

    def pick(layout: str) -> TypedDoc:
        return by_layout[layout]

    reminder = pick("mahnung_erste")
    text = text_of(reminder.pdf)
    assert f"Rechnung Nr. {reminder.truth['bezug_rechnungsnummer']} vom" in text and "Rechnungsbetrag" in text
    for layout in ("angebot_angebot", "auftragsbestaetigung_klassisch", "vertrag_dienstleistung"):
        text = text_of(pick(layout).pdf)
        assert "Rechnung" in text and "Zahlung" in text, layout
    assert "Einzelpreis" in text_of(pick("lieferschein_mit_preisen").pdf)
    assert "Einzelpreis" not in text_of(pick("lieferschein_ohne_preise").pdf)
    bank = pick("sonstiges_bankverbindung")
    assert bank.truth["neue_iban"] in text_of(bank.pdf).replace(" ", "")
    order = text_of(pick("bestellung_bestellung").pdf)
    assert "Gesamtbetrag" in order and "USt." in order
    contract = pick("vertrag_miete")
    with pymupdf.open(stream=contract.pdf, filetype="pdf") as pdf:
        assert pdf.page_count >= 2
    assert "§ 1" in text_of(contract.pdf) and contract.truth["kuendigungsfrist"] in text_of(contract.pdf)

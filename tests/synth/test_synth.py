"""Synthetic test data: invoices, umlaut pages and scans are deterministic, consistent and printed."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before tesserocr is imported

import pymupdf
import pytest
from PIL import Image
from schwifty import BIC, IBAN
from stdnum.de import stnr, vat

from benchmarks.synth.degrade import degrade, render_page_image, render_page_png, render_scanned_pdf
from benchmarks.synth.invoice_gen import (
    LAYOUT_NAMES,
    MONTHS_DE,
    MONTHS_EN,
    generate_corpus,
    generate_invoice,
    main,
)
from benchmarks.synth.umlaut_page import UMLAUT_WORDS, multipage_test_pdf, umlaut_test_pdf

TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"
SEEDS = range(36)
ZUGFERD_KEYS = {
    "rechnungsnummer",
    "datum",
    "betrag_netto",
    "mwst",
    "betrag_brutto",
    "waehrung",
    "ust_id",
    "steuernummer",
    "iban",
    "bic",
    "lieferant",
    "pages",
}
EXTRA_KEYS = {"leistungsdatum", "kundennummer", "bestellnummer"}


@pytest.fixture(scope="module")
def corpus():
    return [generate_invoice(seed) for seed in SEEDS]


# -- printed forms of truth values (independent of the generator's own formatting) --------------------


def amount_forms(value: float) -> set[str]:
    en = f"{value:,.2f}"
    de = en.translate(str.maketrans(",.", ".,"))
    return {en, de}


def date_forms(iso: str) -> set[str]:
    d = dt.date.fromisoformat(iso)
    return {
        d.strftime("%d.%m.%Y"),
        f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}",
        iso,
        f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}",
        f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
    }


def printed_forms(key: str, value) -> set[str]:
    if key in ("betrag_netto", "mwst", "betrag_brutto"):
        return amount_forms(value)
    if key in ("datum", "leistungsdatum"):
        return date_forms(value)
    if key == "waehrung":
        return {value, "€"} if value == "EUR" else {value}
    if key == "ust_id":
        return {value, f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}"}
    return {str(value)}


def is_printed(text: str, form: str) -> bool:
    """`form` occurs in `text` as a whole token (not inside a longer number or word)."""
    return re.search(rf"(?<![\w.,]){re.escape(form)}(?!\w|[.,]\d)", text) is not None


def page_texts(pdf: bytes) -> list[str]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [" ".join(page.get_text().split()) for page in doc]


def cents(value: float) -> Decimal:
    return Decimal(str(value))


# -- invoices -------------------------------------------------------------------------------------------


def test_invoice_is_deterministic_per_seed():
    for seed in (3, 17):
        a, b = generate_invoice(seed), generate_invoice(seed)
        assert a.pdf == b.pdf
        assert a.truth == b.truth
    assert generate_invoice(3).truth != generate_invoice(4).truth
    assert [i.truth for i in generate_corpus(3, seed=1)] == [i.truth for i in generate_corpus(3, seed=1)]
    assert [i.seed for i in generate_corpus(3, seed=1)] != [i.seed for i in generate_corpus(3, seed=2)]


@pytest.mark.parametrize("name", ["zwei_seiten", "kassenbon", "rechnung_quer", "steuerberater_stbvv"])
def test_drawing_without_mupdfs_recount_gives_the_same_bytes(name: str, monkeypatch: pytest.MonkeyPatch):
    """`Canvas` skips MuPDF's re-count of a balanced page's q/Q before each drawing call: the PDF must be
    the one MuPDF's own wrapping makes (multi-page, a narrow receipt, a landscape page, a first page drawn
    again after the second)."""
    from benchmarks.synth.families import family_seeds, generate_family

    seed = family_seeds(name, 1)[0]
    shortcut = generate_family(name, seed).pdf
    monkeypatch.setattr(pymupdf.Page, "is_wrapped", property(lambda page: False))  # no page gets the shortcut
    assert generate_family(name, seed).pdf == shortcut


@pytest.mark.parametrize("name", ["zwei_seiten", "english_boxed", "facture_grille"])
def test_fonts_looked_up_once_give_the_same_bytes(name: str, monkeypatch: pytest.MonkeyPatch):
    """`Canvas` reads a font's glyph widths once per process, not once per document, and a page looks a font up
    by name once, not before each text: the PDF must be the one MuPDF's own lookups make (base-14 and embedded
    fonts, two pages)."""
    from benchmarks.synth import pdfdraw
    from benchmarks.synth.families import family_seeds, generate_family

    seed = family_seeds(name, 1)[0]
    shared = generate_family(name, seed).pdf
    monkeypatch.setattr(pdfdraw, "_share_glyph_widths", lambda doc: None)  # each document reads its own
    monkeypatch.setattr(pdfdraw, "_remember_fonts", lambda page: None)  # each text looks its font up
    assert generate_family(name, seed).pdf == shared


def test_truth_has_zugferd_format(corpus):
    for inv in corpus:
        t = inv.truth
        assert ZUGFERD_KEYS - {"steuernummer"} <= set(t) <= ZUGFERD_KEYS | EXTRA_KEYS
        dt.date.fromisoformat(t["datum"])
        for key in ("betrag_netto", "mwst", "betrag_brutto"):
            assert isinstance(t[key], float) and round(t[key], 2) == t[key]
        assert t["waehrung"] == "EUR" and isinstance(t["pages"], int)
        json.dumps(t)
    # optional fields are sometimes printed, sometimes not
    for key in EXTRA_KEYS | {"steuernummer"}:
        assert 0 < sum(key in inv.truth for inv in corpus) < len(corpus), key


def test_truth_arithmetic_is_consistent(corpus):
    rate_sets = set()
    for inv in corpus:
        t = inv.truth
        net = sum(
            (item.quantity * item.unit_price).quantize(Decimal("0.01"), ROUND_HALF_UP) for item in inv.items
        )
        by_rate: dict[int, Decimal] = {}
        for item in inv.items:
            by_rate[item.rate] = by_rate.get(item.rate, Decimal(0)) + item.total
        vat_total = sum(
            (base * rate / 100).quantize(Decimal("0.01"), ROUND_HALF_UP) for rate, base in by_rate.items()
        )
        assert cents(t["betrag_netto"]) == net
        assert cents(t["mwst"]) == vat_total
        assert cents(t["betrag_netto"]) + cents(t["mwst"]) == cents(t["betrag_brutto"])
        assert {(v.rate, v.base) for v in inv.vat_lines} == set(by_rate.items())
        rate_sets.add(frozenset(by_rate))
    assert frozenset({19, 7}) in rate_sets and frozenset({19}) in rate_sets


def test_identifiers_are_valid(corpus):
    for inv in corpus:
        t = inv.truth
        iban = IBAN(t["iban"], validate_bban=True)
        assert iban.country_code == "DE"
        assert str(iban.bic) == t["bic"] and BIC(t["bic"]).country_code == "DE"
        assert vat.is_valid(t["ust_id"]) and t["ust_id"].startswith("DE")
        if "steuernummer" in t:
            assert stnr.is_valid(t["steuernummer"]), t["steuernummer"]
    assert any(" " in inv.truth["iban"] for inv in corpus) and any(
        " " not in inv.truth["iban"] for inv in corpus
    )


def test_every_truth_value_is_printed(corpus):
    for inv in corpus:
        text = " ".join(page_texts(inv.pdf))
        for key, value in inv.truth.items():
            if key == "pages":
                continue
            forms = printed_forms(key, value)
            assert any(is_printed(text, f) for f in forms), (inv.seed, inv.layout, key, value)


def test_layouts_wordings_and_formats_vary(corpus):
    assert set(LAYOUT_NAMES) <= {inv.layout for inv in corpus}
    assert len(LAYOUT_NAMES) >= 4
    assert {"dotted", "long", "iso"} <= {inv.date_format for inv in corpus}
    assert {"suffix", "prefix", "en"} <= {inv.money_format for inv in corpus}
    texts = [" ".join(page_texts(inv.pdf)) for inv in corpus]
    for words in (
        ("Rechnungsnr.", "Rechnung Nr.", "Beleg-Nr.", "Invoice No."),
        ("Netto", "Zwischensumme", "Net"),
        ("MwSt.", "USt.", "VAT"),
        ("Gesamtbetrag", "Rechnungsbetrag", "Zahlbetrag", "Total due"),
    ):
        for word in words:
            assert any(word in text for text in texts), word
    umlaut_suppliers = [
        inv.truth["lieferant"] for inv in corpus if re.search("[äöüÄÖÜß]", inv.truth["lieferant"])
    ]
    assert len(umlaut_suppliers) > len(corpus) // 2
    with pymupdf.open(stream=corpus[0].pdf, filetype="pdf") as doc:
        assert doc[0].rect == pymupdf.paper_rect("a4")
    fonts = set()
    for inv in corpus:
        with pymupdf.open(stream=inv.pdf, filetype="pdf") as doc:
            fonts |= {f[3].split("+")[-1] for f in doc[0].get_fonts()}
    assert len(fonts) >= 6, fonts


@pytest.mark.parametrize("pages", [1, 2, 3, 5])
def test_multipage_invoice_has_stated_page_count(pages):
    inv = generate_invoice(100 + pages, pages=pages)
    texts = page_texts(inv.pdf)
    assert len(texts) == inv.truth["pages"] == pages
    if pages > 1:
        carried = ("Übertrag", "Carried forward")
        assert all(any(w in t for w in carried) for t in texts[:-1])
        assert all(any(w in t for w in ("Übertrag", "Brought forward")) for t in texts[1:])
        assert all(re.search(rf"(Seite|Page) {n} (von|of) {pages}", t) for n, t in enumerate(texts, 1))
    # the totals are on the last page only
    gross = amount_forms(inv.truth["betrag_brutto"])
    assert any(is_printed(texts[-1], f) for f in gross)


def test_default_page_counts_vary(corpus):
    counts = {inv.truth["pages"] for inv in corpus}
    assert 1 in counts and len(counts) >= 3


def test_cli_writes_corpus(tmp_path: Path):
    main(["--out", str(tmp_path), "-n", "2", "--seed", "7", "--scanned"])
    pdfs = sorted(p for p in tmp_path.glob("*.pdf") if not p.name.endswith(".scan.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
        scan = pdf.with_suffix(".scan.pdf").read_bytes()
        assert len(page_texts(scan)) == truth["pages"]
    assert len((tmp_path / "index.jsonl").read_text().splitlines()) == 2


# -- scans ----------------------------------------------------------------------------------------------


def test_scanned_pdf_has_no_text_layer_and_same_pages():
    inv = generate_invoice(11, pages=2)
    scan = render_scanned_pdf(inv.pdf, seed=5)
    with (
        pymupdf.open(stream=inv.pdf, filetype="pdf") as orig,
        pymupdf.open(stream=scan, filetype="pdf") as doc,
    ):
        assert doc.page_count == orig.page_count == 2
        for page, src in zip(doc, orig, strict=True):
            assert page.get_text().strip() == ""
            assert page.rect == src.rect
            (image,) = page.get_images()
            info = doc.extract_image(image[0])
            assert info["ext"] == "jpeg" and abs(info["width"] - src.rect.width / 72 * 200) <= 1
            assert Image.open(io.BytesIO(info["image"])).mode == "L"
    assert render_scanned_pdf(inv.pdf, seed=5) == scan
    with pytest.raises(TypeError):
        render_scanned_pdf(inv.pdf, seed=5, colour=True)


def test_degrade_is_deterministic_and_scanner_like():
    page = render_page_image(umlaut_test_pdf(), 0, 300)
    a = degrade(page, dpi_from=300, seed=1)
    assert a.mode == "L"
    assert abs(a.width - page.width * 2 / 3) <= 1 and abs(a.height - page.height * 2 / 3) <= 1
    assert a.tobytes() == degrade(page, dpi_from=300, seed=1).tobytes()
    assert a.tobytes() != degrade(page, dpi_from=300, seed=2).tobytes()
    corner = a.crop((0, 0, 40, 40))  # white fill and paper, not black
    assert corner.getextrema()[0] > 180
    assert degrade(page, dpi_from=300, seed=1, grey=False, rotation_deg=0.0).mode == "RGB"
    png = render_page_png(umlaut_test_pdf(), 0, 72)
    assert Image.open(io.BytesIO(png)).size == (595, 842)


# -- umlaut and multi-page test pages ---------------------------------------------------------------------


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def test_umlaut_page_text_layer_has_every_word():
    pdf = umlaut_test_pdf()
    (text,) = page_texts(pdf)
    assert set(UMLAUT_WORDS) <= words(text)
    assert pdf == umlaut_test_pdf()


def test_multipage_test_pdf_numbers_its_pages():
    texts = page_texts(multipage_test_pdf(4))
    assert len(texts) == 4
    for n, text in enumerate(texts, 1):
        assert f"Seite {n} von 4" in text


def test_tesseract_reads_umlaut_words_at_300_dpi_and_on_a_200_dpi_scan():
    import tesserocr  # a real dependency of the project: a missing one must fail, not skip
    pdf = umlaut_test_pdf()
    scan = render_scanned_pdf(pdf, seed=42)  # 200 dpi grey, random skew <= 1.5 deg, noise, JPEG 75
    images = {
        "born-digital 300 dpi": render_page_image(pdf, 0, 300),
        "scan 200 dpi": render_page_image(scan, 0, 200),
    }
    with tesserocr.PyTessBaseAPI(path=TESSDATA, lang="deu") as api:
        for name, image in images.items():
            api.SetImage(image)
            missing = set(UMLAUT_WORDS) - words(api.GetUTF8Text())
            assert not missing, f"{name}: Tesseract did not read {sorted(missing)}"

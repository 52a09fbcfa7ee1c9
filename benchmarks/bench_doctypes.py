"""Document types and their fields (issue 18) on documents the classifier was never tuned on.

    python -m benchmarks.bench_doctypes [--per-type N] [--scanned-per-type N] [--seed S] [--out docs/BENCHMARKS.md]

The documents come from `benchmarks.synth.doctypes`, written by another session without sight of
`config/doctypes.yaml` or `services/doctype/`; its `HELD_OUT_LAYOUTS` are reported apart. Born
digital: pdftext's reading; scanned: `scanned(doc)` (200 dpi office scan) read by the tesseract
engine as its server does. Each document goes through `build_invoice` (type and fields as a
server makes them). Reported: type accuracy and the confusion matrix; per-type field accuracy
for the fields the truth states (amounts to the cent, dates ISO, names and numbers compared
without case and spaces, lists as sets); the time of the type and its fields per page of text.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bench_service.sections import machine_line, update_section
from benchmarks.bench_capture import read_pages
from benchmarks.synth.doctypes import DOC_TYPES, HELD_OUT_LAYOUTS, TypedDoc, generate_doctypes, scanned
from ocrmesh.v1 import ocr_pb2 as pb
from services.doctype.classify import classify_document
from services.intake.document import open_document
from services.intake.pagetext import PAGE_SEPARATOR
from services.invoice.pipeline import build_invoice
from services.invoice.typed_fields import type_fields
from services.pdftext.textlayer import read_page

# The truth's keys that are fields of the contract (others, such as `titel` or `positionen`, are not read).
FIELDS_BY_TYPE = {
    "rechnung": ("dokumentnummer", "datum", "absender", "betrag_netto", "betrag_brutto"),
    "gutschrift": ("dokumentnummer", "datum", "absender", "bezug_rechnungsnummer", "betrag_netto", "betrag_brutto"),
    "mahnung": ("dokumentnummer", "datum", "absender", "mahnstufe", "bezug_rechnungsnummer", "offener_betrag",
                "mahngebuehr", "zahlungsfrist"),  # fmt: skip
    "lieferschein": ("dokumentnummer", "datum", "absender", "lieferdatum", "bestellnummer"),
    "angebot": ("dokumentnummer", "datum", "absender", "gueltig_bis", "betrag_netto", "betrag_brutto"),
    "auftragsbestaetigung": ("dokumentnummer", "datum", "absender", "bestellnummer", "liefertermin",
                             "betrag_netto", "betrag_brutto"),  # fmt: skip
    "bestellung": ("dokumentnummer", "datum", "absender", "liefertermin", "betrag_netto", "betrag_brutto"),
    "vertrag": ("vertragstitel", "parteien", "vertragsbeginn", "laufzeit", "kuendigungsfrist"),
    "handelsregisterauszug": ("registergericht", "registernummer", "firma", "sitz", "stammkapital",
                              "geschaeftsfuehrer"),  # fmt: skip
    "sonstiges": (),
}
ALIASES = {"absender": ("absender", "lieferant")}


@dataclass
class Scored:
    doc: TypedDoc
    got: str
    reason: str
    right: list[str] = field(default_factory=list)  # field names read right
    wrong: list[str] = field(default_factory=list)


@dataclass
class Run:
    scored: list[Scored] = field(default_factory=list)
    ms_per_page: list[float] = field(default_factory=list)


def _norm(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return frozenset(_norm(v) for v in value)
    text = str(value).strip()
    try:
        return Decimal(text).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return "".join(text.lower().split())


def _pages_born_digital(doc: TypedDoc) -> list[pb.PageResult]:
    with open_document(doc.pdf) as loaded:
        assert loaded.pdf is not None
        return [p for i in range(loaded.page_count) if (p := read_page(loaded.pdf, i)) is not None]


def _score(run: Run, doc: TypedDoc, pages: list[pb.PageResult]) -> None:
    outcome = build_invoice(pages)
    assert outcome.document_type is not None
    scored = Scored(doc, outcome.document_type.type, outcome.document_type.reason)
    values: dict[str, str] = {}
    for f in outcome.fields.fields:
        values.setdefault(f.name, f.value)
    for name in FIELDS_BY_TYPE[doc.doc_type]:
        if name not in doc.truth:
            continue
        truth = doc.truth[name]
        value: object = next((values[a] for a in ALIASES.get(name, (name,)) if a in values), None)
        if isinstance(truth, list) and isinstance(value, str):
            value = value.split("\n")
        (scored.right if _norm(value) == _norm(truth) else scored.wrong).append(name)
    run.scored.append(scored)
    text = PAGE_SEPARATOR.join(p.text for p in pages)
    start = time.perf_counter()
    kind = classify_document(text)
    type_fields(text, kind.type, outcome.fields)
    run.ms_per_page.append((time.perf_counter() - start) * 1000 / max(1, len(pages)))


def _summary(scored: list[Scored]) -> str:
    types = sum(s.got == s.doc.doc_type for s in scored)
    right = sum(len(s.right) for s in scored)
    asked = right + sum(len(s.wrong) for s in scored)
    return (
        f"type right {types}/{len(scored)} ({types / max(1, len(scored)):.1%}), "
        f"fields right {right}/{asked} ({right / max(1, asked):.1%})"
    )


def _table(title: str, run: Run) -> list[str]:
    held = [s for s in run.scored if s.doc.layout in HELD_OUT_LAYOUTS]
    other = [s for s in run.scored if s.doc.layout not in HELD_OUT_LAYOUTS]
    lines = [
        f"**{title}**: {_summary(run.scored)}; held-out layouts: {_summary(held)}; other layouts: {_summary(other)}.",
        "",
        "| truth \\ got | " + " | ".join(t[:8] for t in DOC_TYPES) + " | fields right |",
        "|---|" + "---|" * (len(DOC_TYPES) + 1),
    ]
    for truth in DOC_TYPES:
        mine = [s for s in run.scored if s.doc.doc_type == truth]
        got = Counter(s.got for s in mine)
        right = sum(len(s.right) for s in mine)
        asked = right + sum(len(s.wrong) for s in mine)
        share = f"{right}/{asked} ({right / asked:.0%})" if asked else "-"
        lines.append(f"| {truth} | " + " | ".join(str(got.get(g, "")) for g in DOC_TYPES) + f" | {share} |")
    missed = Counter(name for s in run.scored for name in s.wrong)
    if missed:
        lines += ["", "Fields missed most: " + ", ".join(f"{n} ({c})" for n, c in missed.most_common(12)) + "."]
    wrong = [s for s in run.scored if s.got != s.doc.doc_type]
    if wrong:
        lines += ["", "Wrong types:", *(f"- {s.doc.layout} (seed {s.doc.seed}) → {s.got}: {s.reason[:160]}" for s in wrong[:12])]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-type", type=int, default=8)
    parser.add_argument("--scanned-per-type", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    docs = generate_doctypes(args.per_type, args.seed)
    digital = Run()
    for doc in docs:
        _score(digital, doc, _pages_born_digital(doc))
    lines = [
        f"`python -m benchmarks.bench_doctypes --per-type {args.per_type} --scanned-per-type "
        f"{args.scanned_per_type} --seed {args.seed}`; " + machine_line(),
        "",
        "Never tuned on: `benchmarks/synth/doctypes.py` was written without sight of the classifier.",
        "",
        *_table(f"Born digital, {len(docs)} documents", digital),
        "",
        f"Type and its fields: median {sorted(digital.ms_per_page)[len(digital.ms_per_page) // 2]:.2f} ms per page "
        f"of text, max {max(digital.ms_per_page):.2f} ms.",
    ]
    if args.scanned_per_type:
        from services.registry import create_engine

        engine = create_engine("tesseract")
        engine.load()
        chosen = generate_doctypes(args.scanned_per_type, args.seed + 1)
        scans = Run()
        for doc in chosen:
            pages, _ = read_pages(engine, scanned(doc))
            _score(scans, doc, pages)
        lines += ["", *_table(f"Scanned (200 dpi), {len(chosen)} documents", scans)]
    text = "\n".join(lines)
    if args.out:
        update_section(args.out, "doctypes", text)
    print(text)


if __name__ == "__main__":
    main()

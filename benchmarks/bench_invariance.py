"""Scan invariance of invoice fields: the same invoice as text layer and as office scan must give the same fields.

    nice -n 10 python -m benchmarks.bench_invariance [--per-family 2] [--limit N] [--cache DIR]
                                                     [--out docs/BENCHMARKS.md] [--section NAME] [--note TEXT]
                                                     [--misses FILE]

Every born-digital invoice we have (the zugferd-awv PDFs and `--per-family` generated
invoices of every layout family in `benchmarks.synth.families`) goes two ways:

- text layer: the pdftext engine's pages (`read_page`) -> `extract_fields`
- office scan: printed and scanned back at 300 dpi (skew 0.5-1.5 degrees either way,
  blur, noise, greyscale JPEG 75: `render_scanned_pdf`), Tesseract at 300 dpi,
  `finish_page` as the backend server does -> `extract_fields`

Per field it reports the accuracy on the text layer, the accuracy on the scan, and
how often the scan gives the same value as the text layer, apart for the dataset,
the tuning families and the never-tuned families. The OCR, its cache (`--cache`) and
the comparison are those of `benchmarks.bench_fields`. Deterministic: fixed seeds.
Each run writes its own section of `--out`: `invariance` by default, `invariance-NAME`
with `--section NAME` (e.g. a before and an after run side by side).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench_service.fields import compare
from bench_service.sections import machine_line, update_section
from benchmarks.bench_fields import (
    DEFAULT_DATASET,
    OCR_DPI,
    WORKERS,
    Doc,
    Ocr,
    Scanner,
    dataset_docs,
    fields_of,
    finish_ocr_pages,
    text_pages,
)
from benchmarks.synth.families import FAMILY_NAMES, SPLIT, family_seeds, generate_family, split_of

# An office scanner: 300 dpi, a sheet a little askew.
SCANNER = Scanner(dpi=300, min_skew=0.5)
GROUPS = ("dataset", *SPLIT)
# The fields of datasets/zugferd-awv/README.md.
FIELDS = (
    "rechnungsnummer", "datum", "betrag_netto", "mwst", "betrag_brutto", "waehrung", "ust_id", "steuernummer",
    "iban", "bic", "lieferant",
)  # fmt: skip


@dataclass(frozen=True)
class Item:
    group: str  # "dataset", "tuning" or "never_tuned"
    family: str
    doc: Doc


def family_docs(per_family: int, names: tuple[str, ...] = FAMILY_NAMES) -> list[Item]:
    items = []
    for name in names:
        for seed in family_seeds(name, per_family):
            inv = generate_family(name, seed)
            items.append(Item(split_of(name), name, Doc(f"{name}-{seed}", inv.pdf, inv.truth, seed)))
    return items


@dataclass
class Tally:
    """Per field: truth count, right on the text layer, right on the scan, scan = text layer, and right on both."""

    docs: int = 0
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    text: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    scan: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    agree: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    both: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(
        self, truth: dict, text: dict[str, str], scan: dict[str, str]
    ) -> list[tuple[str, str, str | None, str | None]]:
        """Count one document; returns the fields where a path missed or the two disagree."""
        self.docs += 1
        wanted = {k: v for k, v in truth.items() if k in FIELDS}
        by_text, by_scan = compare(wanted, text), compare(wanted, scan)
        odd = []
        for key, (want, got_text) in by_text.items():
            got_scan = by_scan[key][1]
            self.total[key] += 1
            self.text[key] += got_text == want
            self.scan[key] += got_scan == want
            self.agree[key] += got_scan == got_text
            self.both[key] += want == got_text == got_scan
            if not want == got_text == got_scan:
                odd.append((key, want, got_text, got_scan))
        return odd

    def sums(self) -> tuple[int, int, int, int, int]:
        return tuple(sum(d.values()) for d in (self.total, self.text, self.scan, self.agree, self.both))  # type: ignore[return-value]


def percent(n: int, total: int) -> str:
    return f"{100 * n / total:.1f} %" if total else "-"


def group_table(name: str, tally: Tally) -> list[str]:
    lines = [
        f"### {name} ({tally.docs} invoices)",
        "",
        "| field | n | text layer | scan | scan = text layer | scan right where text layer right |",
        "|---|---|---|---|---|---|",
    ]
    for key in (k for k in FIELDS if tally.total[k]):
        n = tally.total[key]
        lines.append(
            f"| {key} | {n} | {percent(tally.text[key], n)} | {percent(tally.scan[key], n)} | {percent(tally.agree[key], n)} "
            f"| {percent(tally.both[key], tally.text[key])} |"
        )
    n, text, scan, agree, both = tally.sums()
    lines.append(
        f"| **all** | {n} | {percent(text, n)} | {percent(scan, n)} | {percent(agree, n)} | {percent(both, text)} |"
    )
    return lines


def report(groups: dict[str, Tally], families: dict[str, Tally], args: argparse.Namespace, ocr: Ocr) -> str:
    title = "Scan invariance of invoice fields (issue 14, parts 7 and 8)"
    lines = [
        f"## {title}" + (f": {args.section}" if args.section else ""),
        "",
        f"Command: `nice -n 10 python -m benchmarks.bench_invariance --per-family {args.per_family}"
        + (f" --limit {args.limit}" if args.limit else "")
        + (f" --families {args.families}" if args.families else "")
        + (f" --section {args.section}" if args.section else "")
        + f"`; {machine_line()}.",
    ]
    if args.note:
        lines += ["", f"**{args.note}**"]
    lines += [
        "",
        "Every born-digital invoice goes two ways: its text layer (pdftext `read_page` -> `extract_fields`) and an "
        f"office scan of it (`render_scanned_pdf` at {SCANNER.dpi} dpi, skew {SCANNER.min_skew}-1.5 degrees either "
        f"way, blur, noise, greyscale JPEG 75; Tesseract at {OCR_DPI} dpi on {WORKERS} threads, `finish_page`, "
        "`extract_fields`"
        + (
            f"; {ocr.pages} pages OCRed at {ocr.seconds / ocr.pages:.2f} s/page per thread"
            if ocr.pages
            else "; OCR read from the cache of an earlier run"
        )
        + "). Per field: exact match with the truth on each path (comparison of `bench_fields`: amounts as "
        "Decimal, IBAN compact), how often the scan gives the same value as the text layer (both missing "
        "counts as the same), and of the values the text layer got right, how many the scan got right too. "
        "Dataset: the zugferd-awv invoices (one layout family). Families: "
        f"`benchmarks.synth.families`, {args.per_family} invoices each (seeds `family_seeds`); the split into "
        "tuning and never-tuned families is made once there. Never adjust extraction code to a never-tuned "
        "failure without moving that family to tuning and adding a new never-tuned one.",
        "",
        "Targets (issue 14): never-tuned families >= 98 % on scans; scan = text layer >= 98 % per field.",
        "",
    ]
    for name in GROUPS:
        if groups[name].docs:
            lines += group_table(name, groups[name]) + [""]
    lines += [
        "### per family (all fields)",
        "",
        "| family | split | invoices | text layer | scan | scan = text layer |",
    ]
    lines.append("|---|---|---|---|---|---|")
    for name in FAMILY_NAMES:
        t = families.get(name)
        if t is None or not t.docs:
            continue
        n, text, scan, agree, _both = t.sums()
        lines.append(
            f"| {name} | {split_of(name)} | {t.docs} | {percent(text, n)} | {percent(scan, n)} | {percent(agree, n)} |"
        )
    return "\n".join(lines)


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The invoices a run takes: the dataset (or its first N) and N generated invoices per family."""
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--limit", type=int, default=0, help="only the first N dataset invoices")
    parser.add_argument("--per-family", type=int, default=2, help="generated invoices per layout family")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_corpus_arguments(parser)
    parser.add_argument(
        "--out", type=Path, default=None, help="write the 'invariance' section into this file"
    )
    parser.add_argument("--cache", type=Path, default=None, help="keep OCR results here between runs")
    parser.add_argument(
        "--families", default="", help="comma-separated subset of the families (default: all)"
    )
    parser.add_argument(
        "--section", default="", help="write section 'invariance-NAME' instead of 'invariance' (its own run)"
    )
    parser.add_argument("--note", default="", help="a line printed in bold at the top of the section")
    parser.add_argument(
        "--misses", type=Path, default=None, help="write every miss or disagreement here (JSON lines)"
    )
    args = parser.parse_args(argv)
    if args.section and not re.fullmatch(r"[a-z0-9_-]+", args.section):
        parser.error("--section: lower-case letters, digits, '-' and '_' only")
    names = tuple(n for n in args.families.split(",") if n) or FAMILY_NAMES
    unknown = set(names) - set(FAMILY_NAMES)
    if unknown:
        parser.error(f"unknown families {sorted(unknown)}; known: {', '.join(FAMILY_NAMES)}")

    items = [Item("dataset", "zugferd-awv", d) for d in dataset_docs(args.dataset, args.limit)]
    items += family_docs(args.per_family, names)
    from services.registry import create_engine

    engine = create_engine("tesseract")
    engine.load()
    ocr = Ocr(engine, args.cache, SCANNER)
    try:
        scans = ocr.run([item.doc for item in items])
    finally:
        ocr.close()
    groups = {name: Tally() for name in GROUPS}
    families: dict[str, Tally] = defaultdict(Tally)
    odd_lines = []
    for item, scan_pages in zip(items, scans, strict=True):
        finish_ocr_pages(scan_pages)
        text, scan = fields_of(text_pages(item.doc.pdf)), fields_of(scan_pages)
        odd = groups[item.group].add(item.doc.truth, text, scan)
        if item.group != "dataset":
            families[item.family].add(item.doc.truth, text, scan)
        odd_lines += [
            {"group": item.group, "doc": item.doc.name, "field": key, "want": want, "text": t, "scan": s}
            for key, want, t, s in odd
        ]
    for name in GROUPS:
        n, text, scan, agree, _both = groups[name].sums()
        print(
            f"{name}: {groups[name].docs} docs, text {text}/{n}, scan {scan}/{n}, agree {agree}/{n}",
            file=sys.stderr,
        )
    text_md = report(groups, families, args, ocr)
    if args.misses:
        args.misses.write_text(
            "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in odd_lines), encoding="utf-8"
        )
    if args.out:
        name = f"invariance-{args.section}" if args.section else "invariance"
        update_section(args.out, name, text_md, after="invariance")
    print(text_md)


if __name__ == "__main__":
    main()

"""Text layers as other producers write them: the same invoice must give the same fields.

    python -m benchmarks.bench_producers [--per-family 2] [--limit N] [--out docs/BENCHMARKS.md]

Every born-digital invoice we have (the zugferd-awv PDFs and `--per-family` generated invoices of
every layout family in `benchmarks.synth.families`) is redrawn without its e-invoice attachment
(`plain`), and then as other programs write the same page (`benchmarks.synth.producers`): stored
turned by 90, 180 or 270 degrees and shown upright by /Rotate, and every string drawn twice 0.35 pt
apart (simulated bold). Each variant's text layer goes through pdftext's `read_page` and
`extract_fields`; per group (dataset, tuning, never-tuned) the report gives the fields right and how
often a variant gives the plain page's values.

Scans under an earlier OCR's invisible text (`scan_with_ocr_layer`, the layer the words of the page
itself: an earlier OCR without a misread) must not count as born digital; pages of every other
variant must. The report counts both. No OCR runs: a few seconds per invoice.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from bench_service.fields import compare
from bench_service.sections import machine_line, update_section
from benchmarks.bench_fields import dataset_docs, fields_of, text_pages
from benchmarks.bench_invariance import FIELDS, GROUPS, Item, add_corpus_arguments, family_docs, percent
from benchmarks.synth.producers import NO_MISREADS, redrawn, scan_with_ocr_layer
from services.intake.mupdf_lock import PYMUPDF_LOCK
from services.pdftext.textlayer import has_text_layer

OVERPRINT_POINTS = 0.35
VARIANTS: dict[str, Callable[[bytes], bytes]] = {
    "plain": redrawn,
    "shown turned 90°": lambda pdf: redrawn(pdf, rotate=90),
    "shown turned 180°": lambda pdf: redrawn(pdf, rotate=180),
    "shown turned 270°": lambda pdf: redrawn(pdf, rotate=270),
    "overprinted (simulated bold)": lambda pdf: redrawn(pdf, overprint=OVERPRINT_POINTS),
}


@dataclass
class Tally:
    """Per variant: fields with a truth, fields right, fields equal to the plain page's."""

    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    same: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    docs: int = 0


@dataclass
class Pages:
    """Pages read as born digital, of all pages, per kind of document."""

    born_digital: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def born_digital_pages(pdf: bytes) -> tuple[int, int]:
    with PYMUPDF_LOCK, pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return sum(has_text_layer(page) for page in doc), doc.page_count


def measure(items: list[Item]) -> tuple[dict[str, dict[str, Tally]], Pages]:
    tallies: dict[str, dict[str, Tally]] = {g: {v: Tally() for v in VARIANTS} for g in GROUPS}
    pages = Pages()
    for item in items:
        wanted = {k: v for k, v in item.doc.truth.items() if k in FIELDS}
        plain: dict[str, tuple] = {}  # field -> (truth, the plain page's value)
        for name, make in VARIANTS.items():
            pdf = make(item.doc.pdf)
            got = compare(wanted, fields_of(text_pages(pdf)))
            if name == "plain":
                plain = got
            tally = tallies[item.group][name]
            tally.docs += 1
            for key, (want, value) in got.items():
                tally.total[key] += 1
                tally.right[key] += value == want
                tally.same[key] += value == plain[key][1]
            found, total = born_digital_pages(pdf)
            pages.born_digital["text layer (every variant)"] += found
            pages.total["text layer (every variant)"] += total
        found, total = born_digital_pages(scan_with_ocr_layer(item.doc.pdf, dpi=150, misreads=NO_MISREADS))
        pages.born_digital["scan under an earlier OCR's invisible text"] += found
        pages.total["scan under an earlier OCR's invisible text"] += total
        print(f"{item.group} {item.doc.name}", file=sys.stderr)
    return tallies, pages


def report(tallies: dict[str, dict[str, Tally]], pages: Pages, args: argparse.Namespace) -> str:
    lines = [
        "## Text layers as other producers write them (issue 14)"
        + (f": {args.section}" if args.section else ""),
        "",
        f"Command: `python -m benchmarks.bench_producers --per-family {args.per_family}"
        + (f" --limit {args.limit}" if args.limit else "")
        + (f" --section {args.section}" if args.section else "")
        + f"`; {machine_line()}.",
        "",
        *([f"**{args.note}**", ""] if args.note else []),
        "Every born-digital invoice redrawn without its e-invoice (`plain`) and as other producers write the same "
        "page (`benchmarks/synth/producers.py`); pdftext `read_page` -> `extract_fields`. Fields right (exact, "
        "as `bench_fields` compares) and the share equal to the plain page's value. Dataset: the zugferd-awv "
        "invoices; tuning and never-tuned: the generated families (`benchmarks.synth.families`).",
        "",
    ]
    for group in GROUPS:
        by_variant = tallies[group]
        if not by_variant["plain"].docs:
            continue
        lines += [
            f"### {group} ({by_variant['plain'].docs} invoices)",
            "",
            "| variant | fields right | equal to plain |",
            "|---|---|---|",
        ]
        for name, tally in by_variant.items():
            total, right, same = (sum(d.values()) for d in (tally.total, tally.right, tally.same))
            lines.append(f"| {name} | {right}/{total} ({percent(right, total)}) | {percent(same, total)} |")
        lines.append("")
    lines += ["### pages read as born digital", "", "| document | pages | born digital |", "|---|---|---|"]
    for kind, total in pages.total.items():
        lines.append(
            f"| {kind} | {total} | {pages.born_digital[kind]} ({percent(pages.born_digital[kind], total)}) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_corpus_arguments(parser)
    parser.add_argument("--out", type=Path, default=None, help="write the 'producers' section into this file")
    parser.add_argument("--section", default="", help="write section 'producers-NAME' instead (its own run)")
    parser.add_argument("--note", default="", help="a line printed in bold at the top of the section")
    args = parser.parse_args(argv)
    if args.section and not re.fullmatch(r"[a-z0-9_-]+", args.section):
        parser.error("--section: lower-case letters, digits, '-' and '_' only")
    items = [Item("dataset", "zugferd-awv", d) for d in dataset_docs(args.dataset, args.limit)]
    items += family_docs(args.per_family)
    tallies, pages = measure(items)
    text = report(tallies, pages, args)
    if args.out:
        name = f"producers-{args.section}" if args.section else "producers"
        update_section(args.out, name, text, after="producers" if args.section else "invariance")
    print(text)


if __name__ == "__main__":
    main()

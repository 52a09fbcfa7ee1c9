"""Outputs (issue 19): the searchable PDF's words and their places, and Markdown's `§` headings.

    python -m benchmarks.bench_outputs [--limit N] [--statute-pages N] [--out docs/BENCHMARKS.md]

- **Searchable PDF**: the first page of the first N dataset invoices scanned at 200 dpi
  (`render_scanned_pdf`), upright and turned 180 degrees, read by the tesseract engine as its
  server does, made into a PDF by `searchable_pdf`. Word recall: the born-digital page's words
  (multiset) found in the PDF's text layer. Place: for words that occur once on both, the largest
  of |x0|, |x1| and vertical-centre differences to the born-digital word, in points. Time: the
  `searchable_pdf` call per page (the OCR is not counted). PDF/A-2b: files whose XMP declares
  PDF/A (`pdfa.declares_pdfa`; ours say part 2, level B; not validated: veraPDF is not available here).
- **Markdown**: `capture.statute_pdf` as born digital (pdftext's reading) and scanned (tesseract's):
  `§ n` headings that come out as Markdown headings, in order (longest common subsequence).
Nothing in services/outputs was tuned on these documents; the statute generator is ours.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import argparse
import io
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf
from PIL import Image

from bench_service.datasets import ZUGFERD_AWV
from bench_service.sections import machine_line, update_section
from benchmarks.bench_capture import SCAN_DPI, _lcs, read_pages
from benchmarks.bench_fields import dataset_docs
from benchmarks.synth.capture import statute_pdf
from benchmarks.synth.degrade import render_scanned_pdf
from services.intake.document import open_document
from services.outputs.markdown import document_markdown
from services.outputs.pdfa import declares_pdfa
from services.outputs.searchable_pdf import searchable_pdf
from services.pdftext.textlayer import read_page
from services.scaffold.engine import Engine

EDGES = ".,:;()"


def _words(page: pymupdf.Page) -> list[tuple[str, pymupdf.Rect]]:
    return [(w[4].strip(EDGES), pymupdf.Rect(w[:4])) for w in page.get_text("words") if w[4].strip(EDGES)]


def _unique(words: list[tuple[str, pymupdf.Rect]]) -> dict[str, pymupdf.Rect]:
    counts = Counter(t for t, _ in words)
    return {t: r for t, r in words if counts[t] == 1 and len(t) >= 4}


def _first_page(pdf: bytes) -> bytes:
    with pymupdf.open(stream=pdf) as doc, pymupdf.open() as out:
        out.insert_pdf(doc, from_page=0, to_page=0)
        return out.tobytes()


def _turned(scan: bytes) -> bytes:
    with pymupdf.open(stream=scan) as doc, pymupdf.open() as out:
        page = doc[0]
        image = Image.open(io.BytesIO(page.get_pixmap(dpi=SCAN_DPI).tobytes("png"))).rotate(180)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85)  # as the upright scan's pages are stored
        target = out.new_page(width=page.rect.width, height=page.rect.height)
        target.insert_image(target.rect, stream=buffer.getvalue())
        return out.tobytes()


@dataclass
class PdfRun:
    found: int = 0
    expected: int = 0
    offsets: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    pages: int = 0
    pdfa: int = 0  # files declared PDF/A-2b


def run_searchable(engine: Engine, limit: int, upside_down: bool) -> PdfRun:
    run = PdfRun()
    for index, doc in enumerate(dataset_docs(ZUGFERD_AWV, limit)):
        original = _first_page(doc.pdf)
        scan = render_scanned_pdf(original, seed=index, dpi=SCAN_DPI)
        if upside_down:
            scan = _turned(scan)
        pages, _ = read_pages(engine, scan)
        start = time.perf_counter()
        with open_document(scan) as loaded:
            made = searchable_pdf(loaded, pages)
        run.seconds.append(time.perf_counter() - start)
        with pymupdf.open(stream=original) as truth_doc, pymupdf.open(stream=made) as made_doc:
            run.pdfa += declares_pdfa(made_doc)
            width, height = truth_doc[0].rect.width, truth_doc[0].rect.height
            truth = _words(truth_doc[0])
            if upside_down:
                truth = [(t, pymupdf.Rect(width - r.x1, height - r.y1, width - r.x0, height - r.y0)) for t, r in truth]
            got = _words(made_doc[0])
        expected, found = Counter(t for t, _ in truth), Counter(t for t, _ in got)
        run.expected += sum(expected.values())
        run.found += sum((expected & found).values())
        placed, truth_at = _unique(got), _unique(truth)
        for text in set(placed) & set(truth_at):
            a, b = placed[text], truth_at[text]
            run.offsets.append(max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs((a.y0 + a.y1 - b.y0 - b.y1) / 2)))
        run.pages += 1
    return run


def _heading_numbers(markdown: str) -> list[str]:
    return [f"§ {m.group(1)}" for m in re.finditer(r"^#+ §\s*(\d+)\b", markdown, flags=re.MULTILINE)]


def run_markdown(engine: Engine, pages: int) -> tuple[int, int, int]:
    statute = statute_pdf(pages, seed=7)
    expected = [h for page in statute.headings for h in page]
    with open_document(statute.pdf) as doc:
        assert doc.pdf is not None
        digital = [p for i in range(doc.page_count) if (p := read_page(doc.pdf, i)) is not None]
    scanned, _ = read_pages(engine, render_scanned_pdf(statute.pdf, seed=7, dpi=SCAN_DPI))
    return (
        len(expected),
        _lcs(expected, _heading_numbers(document_markdown(digital))),
        _lcs(expected, _heading_numbers(document_markdown(scanned))),
    )


def _pdf_row(name: str, run: PdfRun) -> str:
    off = sorted(run.offsets)
    p95 = off[int(0.95 * (len(off) - 1))] if off else float("nan")
    return (
        f"| {name} | {run.pages} | {run.found}/{run.expected} ({run.found / max(1, run.expected):.1%}) | "
        f"{statistics.median(off):.2f} / {p95:.2f} / {off[-1]:.2f} pt ({len(off)} words) | "
        f"{statistics.median(run.seconds) * 1000:.0f} ms | {run.pdfa}/{run.pages} |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=10, help="dataset invoices (their first pages)")
    parser.add_argument("--statute-pages", type=int, default=6)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    from services.registry import create_engine

    engine = create_engine("tesseract")
    engine.load()
    upright = run_searchable(engine, args.limit, upside_down=False)
    turned = run_searchable(engine, args.limit, upside_down=True)
    headings, digital, scanned = run_markdown(engine, args.statute_pages)
    text = "\n".join(
        [
            f"`python -m benchmarks.bench_outputs --limit {args.limit} --statute-pages {args.statute_pages}`; "
            + machine_line(),
            "",
            "Searchable PDF (`format=pdf`), dataset invoices' first pages scanned at 200 dpi, tesseract:",
            "",
            "| scan | pages | born-digital words in the text layer | word place: median / p95 / max | searchable_pdf per page "
            "| declared PDF/A-2b |",
            "|---|---|---|---|---|---|",
            _pdf_row("upright", upright),
            _pdf_row("upside down", turned),
            "",
            f"Markdown (`format=markdown`) of a generated {args.statute_pages}-page statute ({headings} `§` headings): "
            f"born digital {digital}/{headings} as Markdown headings in order, scanned {scanned}/{headings}.",
        ]
    )
    if args.out:
        update_section(args.out, "outputs", text)
    print(text)


if __name__ == "__main__":
    main()

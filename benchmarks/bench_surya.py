"""Backend `surya` (Docling + Surya / Tesseract) on the CPU: seconds per page and memory.

    python -m benchmarks.bench_surya [--dataset DIR] [--limit N] [--out docs/BENCHMARKS.md]

1. Tesseract OCR option (runs everywhere): CPU and wall seconds per page on
   the dataset invoices, born-digital and as degraded scans
   (benchmarks.synth.degrade, 200 dpi, seed 1). Where the real layout
   weights are missing, a tiny random layout model stands in
   (tests/surya/tiny_models.py): the pipeline runs in full, but layout and
   reading order are noise and the layout model costs less than the real one.
2. Peak RSS over a 50-page document (dataset PDFs and their scans
   concatenated with PyMuPDF), sampled every 50 ms, and RSS after page 10 vs.
   after page 50 (memory must not grow with the length of the document).
3. With the real weights in OCRMESH_MODELS_DIR: the same with Surya, against
   the targets (5-15 s per page, RAM under 6 GB, 5 documents under 60 s).

CPU seconds are the process's user+system time (all threads) per page.
"""

from __future__ import annotations

import os

from bench_service.datasets import ZUGFERD_AWV

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import argparse
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import pymupdf

from bench_service.sections import machine_line, update_section
from benchmarks.synth.degrade import render_scanned_pdf
from services.intake.document import open_document
from services.models.spec import models_dir
from services.scaffold.engine import EngineError, PageOptions
from services.surya_docling.engine import SuryaDoclingEngine
from services.surya_docling.models import LAYOUT, MODELS, TABLEFORMER

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASET = ZUGFERD_AWV
GIB = 2**30


@dataclass
class Run:
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        if not self.cpu:
            return f"| {name} | 0 | - | - | - | {len(self.failures)} |"
        return (
            f"| {name} | {len(self.cpu)} | {statistics.median(self.cpu):.2f} | {statistics.median(self.wall):.2f} "
            f"| {max(self.wall):.2f} | {len(self.failures)} |"
        )


class RssSampler:
    """Peak resident memory of this process, sampled in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.peak = 0
        self._proc = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            self._stop.wait(0.05)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def rss() -> int:
    return psutil.Process().memory_info().rss


def run_pages(engine: SuryaDoclingEngine, content: bytes, run: Run | None = None, each: Any = None) -> None:
    with open_document(content) as document:
        for index in range(document.page_count):
            cpu0, wall0 = time.process_time(), time.perf_counter()
            try:
                engine.process_page(document, index, PageOptions())
            except EngineError as exc:
                if run is not None:
                    run.failures.append(exc.message)
                continue
            if run is not None:
                run.cpu.append(time.process_time() - cpu0)
                run.wall.append(time.perf_counter() - wall0)
            if each is not None:
                each(index)


def fifty_pages(pdfs: list[Path]) -> bytes:
    out = pymupdf.open()
    i = 0
    while out.page_count < 50:
        source = pdfs[i % len(pdfs)].read_bytes()
        if i % 2:  # every other document as a degraded scan
            source = render_scanned_pdf(source, seed=i, dpi=200)
        with pymupdf.open(stream=source, filetype="pdf") as doc:
            out.insert_pdf(doc, to_page=min(doc.page_count, 50 - out.page_count) - 1)
        i += 1
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    return data


def bench(engine: SuryaDoclingEngine, pdfs: list[Path], scans: list[bytes], long_doc: bytes) -> dict[str, Any]:
    warm = Run()
    run_pages(engine, pdfs[0].read_bytes(), warm)  # first page pays for lazy initialisation
    digital, scanned = Run(), Run()
    for pdf in pdfs:
        run_pages(engine, pdf.read_bytes(), digital)
    for scan in scans:
        run_pages(engine, scan, scanned)
    marks: dict[int, int] = {}
    long_run = Run()
    with RssSampler() as sampler:
        start = rss()
        run_pages(engine, long_doc, long_run, each=lambda i: marks.__setitem__(i + 1, rss()))
    batch_started = time.perf_counter()
    for pdf in pdfs[:5]:
        run_pages(engine, pdf.read_bytes())
    batch_seconds = time.perf_counter() - batch_started
    return {
        "digital": digital,
        "scanned": scanned,
        "long": long_run,
        "rss_start": start,
        "rss_10": marks.get(10, 0),
        "rss_50": marks.get(50, 0),
        "rss_peak": sampler.peak,
        "batch5": batch_seconds,
        "batch5_pages": sum(open_document(p.read_bytes()).page_count for p in pdfs[:5]),
    }


def section(name: str, r: dict[str, Any], note: str) -> str:
    lines = [
        f"**{name}** — {note}",
        "",
        "| pages | n | CPU s/page (median) | wall s/page (median) | wall s/page (max) | failed |",
        "|---|---|---|---|---|---|",
        r["digital"].row("born-digital"),
        r["scanned"].row("degraded scan (200 dpi)"),
        r["long"].row("50-page document (mixed)"),
        "",
        f"50-page document: RSS {r['rss_start'] / GIB:.2f} GiB before, {r['rss_10'] / GIB:.2f} GiB after page 10, "
        f"{r['rss_50'] / GIB:.2f} GiB after page 50, peak {r['rss_peak'] / GIB:.2f} GiB "
        f"(total {sum(r['long'].wall):.0f} s).  ",
        f"Batch of 5 documents ({r['batch5_pages']} pages), one after another: {r['batch5']:.1f} s.",
    ]
    failures = sorted({m for run in (r["digital"], r["scanned"], r["long"]) for m in run.failures})
    if failures:
        lines += ["", "Failed pages: " + "; ".join(failures)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--limit", type=int, default=8, help="dataset PDFs per kind")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    parser.add_argument("--threads", type=int, default=max(1, os.cpu_count() or 1))
    args = parser.parse_args()

    pdfs = sorted(args.dataset.glob("*.pdf"))[: args.limit]
    scans = [render_scanned_pdf(p.read_bytes(), seed=1, dpi=200) for p in pdfs]
    long_doc = fifty_pages(sorted(args.dataset.glob("*.pdf")))
    root = models_dir()
    parts = [
        "## surya (Docling + Surya / Tesseract, CPU)",
        "",
        f"{machine_line()}. `python -m benchmarks.bench_surya --limit {args.limit}`; "
        f"{len(pdfs)} dataset invoices, each also as a degraded scan (200 dpi, seed 1); "
        f"{args.threads} torch threads, one page in the pipeline at a time.",
        "",
    ]

    with tempfile.TemporaryDirectory() as tmp:
        settings: dict[str, Any] = {"ocr_engine": "tesseract", "threads": args.threads}
        if LAYOUT.present(root):
            settings |= {"models_dir": root, "tables": TABLEFORMER.present(root)}
            note = "Tesseract OCR option, real layout weights" + (", TableFormer" if settings["tables"] else ", tables off")
        else:
            from tests.surya.tiny_models import build_layout

            build_layout(Path(tmp))
            settings |= {"models_dir": Path(tmp), "tables": False}
            note = (
                "Tesseract OCR option; real weights absent, so a tiny random layout model stands in and "
                "tables are off (the real RT-DETR layout model and TableFormer add to these times)"
            )
        engine = SuryaDoclingEngine.from_settings(settings)
        t0 = time.perf_counter()
        engine.load()
        load_seconds = time.perf_counter() - t0
        result = bench(engine, pdfs, scans, long_doc)
        engine.unload()
        parts += [section("tesseract", result, f"{note}; load {load_seconds:.1f} s."), ""]

    missing = [m.name for m in MODELS if not m.present(root)]
    if missing:
        parts.append(
            f"**surya** — not measured: real weights not present in {root.resolve()} (missing: {', '.join(missing)}); "
            "run `ocrmesh models download surya` and rerun. Targets: 5-15 s per page, RAM under 6 GB, "
            "batch of 5 documents under 60 s."
        )
    else:
        engine = SuryaDoclingEngine.from_settings({"ocr_engine": "surya", "threads": args.threads, "models_dir": root})
        t0 = time.perf_counter()
        engine.load()
        load_seconds = time.perf_counter() - t0
        r = bench(engine, pdfs, scans, long_doc)
        engine.unload()
        scan_med = statistics.median(r["scanned"].wall) if r["scanned"].wall else float("nan")
        verdict = (
            f"targets: scan page {scan_med:.1f} s (5-15 s: {'met' if scan_med <= 15 else 'MISSED'}), "
            f"peak RAM {r['rss_peak'] / GIB:.2f} GiB (< 6 GB: {'met' if r['rss_peak'] < 6e9 else 'MISSED'}), "
            f"5 documents {r['batch5']:.1f} s (< 60 s: {'met' if r['batch5'] < 60 else 'MISSED'})"
        )
        parts.append(section("surya", r, f"Surya OCR, real weights, TableFormer on; load {load_seconds:.1f} s; {verdict}."))

    markdown = "\n".join(parts)
    update_section(args.out, "surya", markdown)
    print(markdown)


if __name__ == "__main__":
    main()

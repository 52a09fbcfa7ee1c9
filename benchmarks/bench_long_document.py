"""A long scanned contract through a real Tesseract server: memory per page, time per page.

    python -m benchmarks.bench_long_document [--pages 50] [--dpi 200] [--workers 2] [--out docs/BENCHMARKS.md]

The contract is `synth/capture.statute_pdf` (a German statute-like Gesellschaftsvertrag, `§`
headings, numbered clauses) printed and scanned back at `--dpi` (`render_scanned_pdf`: every page
a degraded JPEG in a PDF). `ocrmesh serve tesseract --workers N` runs as its own process; N
warm-up pages first (every worker's Tesseract, the spelling dictionary), then the whole scan as one `Process` call,
its pages read from the stream as they come. The server's resident set (psutil, the process and
its children) is sampled every 0.2 s on a thread; reported: before and after the warm-up, at
the arrival of pages 1, 10, 25 and the last, the peak during the run, the growth from page 10 to
the last per page, after the answer, and the time to the first page, per page and in all.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import psutil

from bench_service.sections import machine_line, update_section
from benchmarks.bench_jobs import spawn
from benchmarks.synth.capture import statute_pdf
from benchmarks.synth.degrade import render_scanned_pdf
from clients.processes import stop_processes
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import OcrClient, build_request

MB = 1024 * 1024
SECTION = "long_document"
SAMPLE_SECONDS = 0.2


def rss(process: psutil.Process) -> int:
    """Resident bytes of the server and any children it has."""
    total = 0
    for p in (process, *process.children(recursive=True)):
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


@dataclass
class Sampler:
    """The server's RSS every SAMPLE_SECONDS on a thread, with the peak."""

    process: psutil.Process
    samples: list[tuple[float, int]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Self:
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while True:
            self.samples.append((time.perf_counter(), rss(self.process)))
            if self._stop.wait(SAMPLE_SECONDS):
                return

    @property
    def peak(self) -> int:
        return max((b for _t, b in self.samples), default=0)


@dataclass
class Run:
    pages: int
    scan_mb: float
    idle: int
    warm: int
    at_page: dict[int, int]  # page number -> RSS when it arrived
    page_seconds: dict[int, float]  # page number -> seconds after the request when it arrived
    document_seconds: float
    peak: int
    samples: int
    after: int  # once the document's answer is through


def run(pages: int, dpi: int, workers: int, seed: int = 11) -> Run:
    statute = statute_pdf(pages, seed=seed)
    scan = render_scanned_pdf(statute.pdf, seed=seed, dpi=dpi)
    # As many warm-up pages as workers, so every worker thread has its Tesseract before the run.
    warmup = render_scanned_pdf(statute_pdf(workers, seed=seed + 1).pdf, seed=seed, dpi=dpi)
    print(f"scan: {pages} pages, {len(scan) / MB:.1f} MB", file=sys.stderr)
    proc, target = spawn(["serve", "tesseract", "--workers", str(workers)])
    try:
        server = psutil.Process(proc.pid)
        with OcrClient(target) as client:
            idle = rss(server)
            client.process(build_request(warmup, filename="warmup.pdf"), timeout=600)
            warm = rss(server)
            at_page: dict[int, int] = {}
            page_seconds: dict[int, float] = {}
            document_seconds = 0.0
            with Sampler(server) as sampler:
                start = time.perf_counter()
                for event in client.stream(build_request(scan, filename="vertrag-scan.pdf"), timeout=3600):
                    kind = event.WhichOneof("event")
                    now = time.perf_counter() - start
                    if kind == "page":
                        at_page[event.page.page_number] = rss(server)
                        page_seconds[event.page.page_number] = now
                        print(f"page {event.page.page_number}: {now:.1f}s, {at_page[event.page.page_number] / MB:.0f} MB", file=sys.stderr)
                    elif kind == "document":
                        document_seconds = now
                        assert isinstance(event.document, pb.DocumentResult)
            after = rss(server)
            return Run(
                pages=pages, scan_mb=len(scan) / MB, idle=idle, warm=warm, at_page=at_page,
                page_seconds=page_seconds, document_seconds=document_seconds, peak=sampler.peak,
                samples=len(sampler.samples), after=after,
            )  # fmt: skip
    finally:
        stop_processes([proc])


def _median(r: Run, first: int, last: int) -> float:
    return statistics.median(b for p, b in r.at_page.items() if first <= p <= last)


def report(r: Run, dpi: int, workers: int) -> str:
    marks = [p for p in (1, 10, 25, r.pages) if p in r.at_page]
    marks = list(dict.fromkeys(marks))
    last = max(r.at_page)
    growth = (r.at_page[last] - r.at_page[10]) / (last - 10) if last > 10 and 10 in r.at_page else float("nan")
    per_page = r.document_seconds / r.pages
    rows = "\n".join(f"| page {p} | {r.at_page[p] / MB:.0f} MB | {r.page_seconds[p]:.1f} s |" for p in marks)
    return (
        "## Long documents: a scanned contract through Tesseract, memory per page\n\n"
        f"`python -m benchmarks.bench_long_document --pages {r.pages} --dpi {dpi} --workers {workers}`; "
        f"{machine_line()}.\n\n"
        f"A generated {r.pages}-page German contract (`synth/capture.statute_pdf`, `§` headings, numbered "
        f"clauses) printed and scanned back at {dpi} dpi ({r.scan_mb:.1f} MB, one JPEG per page), sent as one "
        f"`Process` call to `ocrmesh serve tesseract --workers {workers}` (its own process) after a "
        f"{workers}-page warm-up (every worker's Tesseract loaded); the server's resident set sampled every 0.2 s "
        f"({r.samples} samples) and read again as each page arrived.\n\n"
        "| moment | server RSS | since the request |\n|---|---|---|\n"
        f"| started, idle | {r.idle / MB:.0f} MB | |\n"
        f"| after the warm-up pages | {r.warm / MB:.0f} MB | |\n"
        f"{rows}\n"
        f"| peak during the run | {r.peak / MB:.0f} MB | |\n"
        f"| after the document | {r.after / MB:.0f} MB | {r.document_seconds:.1f} s |\n\n"
        f"Median at the arrival of the first ten pages {_median(r, 1, 10) / MB:.0f} MB, of the last ten "
        f"{_median(r, last - 9, last) / MB:.0f} MB; from page 10 to page {last} {growth / MB:+.2f} MB per page. "
        f"First page after {r.page_seconds[min(r.page_seconds)]:.1f} s (the document ends after "
        f"{r.document_seconds:.1f} s): pages stream while the rest is read. "
        f"{per_page:.2f} s per page of wall time ({per_page * workers:.2f} s per page per worker).\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help=f"write the '{SECTION}' section into this Markdown file")
    args = parser.parse_args(argv)
    result = run(args.pages, args.dpi, args.workers)
    text = report(result, args.dpi, args.workers)
    print(text)
    if args.out is not None:
        update_section(args.out, SECTION, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

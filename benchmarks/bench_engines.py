"""Engines on the dataset: seconds per page, word recall, umlaut-word recall.

    python -m benchmarks.bench_engines [--dataset DIR] [--out docs/BENCHMARKS.md] [--limit N]

Born-digital: the dataset PDFs as they are. Degraded: each PDF printed and
scanned back by benchmarks.synth.degrade (200 dpi, grey, up to 1.5 degrees
rotation, noise, blur, JPEG 75). The reference text is each page's text
layer; recall counts reference words (multiset) found in the engine's output.
Engines run in-process on one worker thread (one core), as a backend worker
does; Tesseract with OMP_THREAD_LIMIT=1. Tesseract is also run with each
preprocessing mode, to keep clean-up only where it measurably helps.
"""

from __future__ import annotations

import os

from bench_service.datasets import ZUGFERD_AWV

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench_service.sections import machine_line, update_section
from benchmarks.synth.degrade import render_scanned_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.pdftext.textlayer import read_page
from services.registry import create_engine
from services.scaffold.engine import PageOptions
from services.scaffold.finish import finish_page

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASET = ZUGFERD_AWV
UMLAUT = re.compile(r"[äöüÄÖÜß]")
EDGE_PUNCT = re.compile(r"^[^\wäöüÄÖÜß€%]+|[^\wäöüÄÖÜß€%]+$")


def tokens(text: str) -> list[str]:
    out = []
    for raw in text.split():
        token = EDGE_PUNCT.sub("", raw)
        if token:
            out.append(token)
    return out


def recall(reference: list[str], found: list[str]) -> tuple[int, int]:
    ref, got = Counter(reference), Counter(found)
    hit = sum(min(n, got[w]) for w, n in ref.items())
    return hit, sum(ref.values())


@dataclass
class Tally:
    seconds: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=lambda: [0, 0])
    umlaut: list[int] = field(default_factory=lambda: [0, 0])
    umlaut_misses: Counter[str] = field(default_factory=Counter)

    def add(self, seconds: float, reference: str, text: str) -> None:
        self.seconds.append(seconds)
        ref, got = tokens(reference), tokens(text)
        h, n = recall(ref, got)
        self.words[0] += h
        self.words[1] += n
        ref_u = [w for w in ref if UMLAUT.search(w)]
        h, n = recall(ref_u, got)
        self.umlaut[0] += h
        self.umlaut[1] += n
        missing = Counter(ref_u) - Counter(got)
        self.umlaut_misses.update(missing)

    def row(self, name: str) -> str:
        med = statistics.median(self.seconds)
        mean = statistics.fmean(self.seconds)
        wr = 100 * self.words[0] / max(1, self.words[1])
        ur = 100 * self.umlaut[0] / max(1, self.umlaut[1])
        return (
            f"| {name} | {len(self.seconds)} | {mean * 1000:.1f} ms | {med * 1000:.1f} ms | "
            f"{wr:.2f} % ({self.words[0]}/{self.words[1]}) | {ur:.2f} % ({self.umlaut[0]}/{self.umlaut[1]}) |"
        )


def run_engine(engine_name: str, content: bytes, options: PageOptions, reference: list[str], tally: Tally) -> None:
    engine = ENGINES[engine_name]
    with open_document(content) as doc:
        for index in range(doc.page_count):
            start = time.perf_counter()
            page = engine.process_page(doc, index, options)
            finish_page(page, options)  # as the backend server does after every page
            tally.add(time.perf_counter() - start, reference[index], page.text)


ENGINES: dict = {}


def startup_seconds(backend: str) -> float:
    """Seconds from process start to SERVING for `ocrmesh serve BACKEND`."""
    from ocrmesh_client import OcrClient
    from services.scaffold.ports import free_port

    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "serve", backend, "--port", str(port)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        with OcrClient(f"127.0.0.1:{port}") as client:
            client.wait_for_serving(timeout=60)
        return time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()

    for name in ("pdftext", "tesseract"):
        ENGINES[name] = create_engine(name)
        ENGINES[name].load()
    pdfs = sorted(args.dataset.glob("*.pdf"))[: args.limit or None]
    modes = {
        "auto": pb.PREPROCESSING_UNSPECIFIED,
        "none": pb.PREPROCESSING_NONE,
        "full": pb.PREPROCESSING_FULL,
    }
    tallies: dict[str, Tally] = {}
    for n, path in enumerate(pdfs, 1):
        content = path.read_bytes()
        with open_document(content) as doc:
            assert doc.pdf is not None
            reference = [read_page(doc.pdf, i).text for i in range(doc.page_count)]  # type: ignore[union-attr]
        scan = render_scanned_pdf(content, seed=n, dpi=200)
        run_engine("pdftext", content, PageOptions(), reference, tallies.setdefault("pdftext, born-digital", Tally()))
        run_engine("tesseract", content, PageOptions(dpi=300), reference,
                   tallies.setdefault("tesseract, born-digital rendered at 300 dpi", Tally()))
        for mode_name, mode in modes.items():
            run_engine("tesseract", scan, PageOptions(dpi=300, preprocessing=mode), reference,
                       tallies.setdefault(f"tesseract, degraded 200 dpi scan, preprocessing={mode_name}", Tally()))
        print(f"[{n}/{len(pdfs)}] {path.name}", file=sys.stderr)

    lines = [
        "## Engines on the dataset (issue: contract and backend servers)",
        "",
        f"Command: `python -m benchmarks.bench_engines` on {len(pdfs)} invoices of `zugferd-awv`; {machine_line()}.",
        "Per page, one engine instance on one worker thread; reference = the page's PDF text layer.",
        "",
        "| engine, input | pages | mean s/page | median s/page | word recall | umlaut-word recall |",
        "|---|---|---|---|---|---|",
    ]
    lines += [t.row(name) for name, t in tallies.items()]
    lines += ["", "Targets: pdftext < 20 ms/page; tesseract <= 3 s/page on one core at 300 dpi; umlaut-word recall "
              "100 % on clean renders, >= 99 % on degraded scans."]
    misses = {name: t.umlaut_misses for name, t in tallies.items() if t.umlaut_misses}
    if misses:
        lines += ["", "Umlaut words missed (reference word: times):", ""]
        for name, counter in misses.items():
            lines.append(f"- {name}: " + ", ".join(f"`{w}`: {c}" for w, c in counter.most_common(12)))
    startup = {name: startup_seconds(name) for name in ("pdftext", "tesseract")}
    lines += ["", "Start-up, process start to health SERVING: "
              + ", ".join(f"{name} {s:.2f} s" for name, s in startup.items()) + "."]
    update_section(args.out, "engines", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

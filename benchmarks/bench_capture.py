"""Pages as they arrive (issue 15): invoice fields per capture kind, `§` headings of a scanned
contract, and the cost of the orientation step next to plain `tesseract`.

    python -m benchmarks.bench_capture [--limit N] [--statute-pages N] [--repeat N] [--out docs/BENCHMARKS.md]

- **Fields per capture kind**: the first N dataset invoices (`bench_service.datasets.ZUGFERD_AWV`)
  delivered as each kind of `benchmarks.synth.capture` (seed = position in the sorted list; the
  single-image kinds one image per page), read by the tesseract engine as its server does
  (`finish_page` included), fields by `extract_fields`, compared as `bench_fields` does.
- **Statute**: `capture.statute_pdf` scanned at 200 dpi (`render_scanned_pdf`): `§ n` headings read
  at a line start, in order (longest common subsequence with the truth), and word recall.
- **Speed**: one clean 300 dpi page (the first dataset invoice rendered) read by `tesseract -l deu`
  (CLI, one OpenMP thread) and by the engine, alternately, `--repeat` times; the same page turned
  180 degrees through the engine. CPU seconds of the process (CLI) or thread (engine) are
  reported beside wall time: the machine is shared, CPU time is what the page costs.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import argparse
import io
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench_service.datasets import ZUGFERD_AWV
from bench_service.sections import machine_line, update_section
from benchmarks.bench_fields import Doc, KindResult, compare, dataset_docs
from benchmarks.bench_invariance import family_docs
from benchmarks.synth.capture import CAPTURES, SCAN_DPI, SINGLE_PAGE, capture, statute_pdf
from benchmarks.synth.degrade import render_page_image, render_scanned_pdf
from benchmarks.synth.families import SPLIT
from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.invoice.extract import extract_fields
from services.scaffold.engine import Engine, PageOptions
from services.scaffold.finish import finish_page

OCR_DPI = 300
# The rotation that turns each capture upright (the sideways PNG is turned 90 clockwise).
EXPECTED_ROTATION = {
    "upright": 0,
    "upright-png": 0,
    "upside-down": 180,
    "sideways": 270,
    "photo": 0,
    "photo-hard": 0,
    "fax-fine": 0,
    "fax-normal": 0,
}


@dataclass
class KindRun:
    fields: KindResult
    pages: int = 0
    seconds: float = 0.0
    rotations: Counter[str] = field(default_factory=Counter)  # "right" / "wrong"
    methods: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # field extraction failed (services/invoice)


def read_pages(engine: Engine, content: bytes) -> tuple[list[pb.PageResult], float]:
    start = time.perf_counter()
    with open_document(content) as doc:
        pages = []
        for index in range(doc.page_count):
            page = engine.process_page(doc, index, PageOptions(dpi=OCR_DPI))
            page.page_number = index + 1
            finish_page(page, PageOptions(language="de"))
            pages.append(page)
    return pages, time.perf_counter() - start


def page_count(pdf: bytes) -> int:
    with open_document(pdf) as doc:
        return doc.page_count


def run_kind(engine: Engine, kind: str, docs: list[Doc]) -> KindRun:
    run = KindRun(KindResult(kind))
    for doc in docs:
        if kind in SINGLE_PAGE:
            pages: list[pb.PageResult] = []
            for index in range(page_count(doc.pdf)):
                got, seconds = read_pages(engine, capture(doc.pdf, kind, seed=doc.seed, page=index).content)
                run.seconds += seconds
                for page in got:  # one image per page: number them as the document's pages
                    page.page_number = index + 1
                pages += got
        else:
            pages, seconds = read_pages(engine, capture(doc.pdf, kind, seed=doc.seed).content)
            run.seconds += seconds
        run.pages += len(pages)
        for page in pages:
            right = page.quality.rotation_degrees == EXPECTED_ROTATION[kind]
            run.rotations["right" if right else "wrong"] += 1
            run.methods[page.quality.orientation_method] += 1
        try:
            got = {f.name: f.value for f in extract_fields(pages).fields}
        except Exception as exc:  # noqa: BLE001  # an extraction bug must not end the benchmark
            run.errors.append(f"{doc.name}: {type(exc).__name__}")
            got = {}
        run.fields.add(doc.name, compare(doc.truth, got))
        print(f"{kind} {doc.name}: {run.fields.summary()}", file=sys.stderr)
    run.fields.seconds = run.seconds
    return run


# ---------------------------------------------------------------- statute


def _lcs(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], prev + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def _words(text: str) -> Counter[str]:
    return Counter(w.strip(".,;:()") for w in text.split() if w.strip(".,;:()"))


@dataclass
class StatuteRun:
    headings: int
    read_in_order: int
    eight_read: int  # headings read as "8 n" / "$ n" (not restored)
    word_recall: float
    seconds: float
    pages: int


def run_statute(engine: Engine, pages: int) -> StatuteRun:
    statute = statute_pdf(pages, seed=7)
    scan = render_scanned_pdf(statute.pdf, seed=7, dpi=SCAN_DPI)
    read, seconds = read_pages(engine, scan)
    expected = [h for page in statute.headings for h in page]
    found = [f"§ {m.group(1)}" for p in read for ln in p.lines if (m := re.match(r"^§ (\d+)\b", ln.text))]
    unrestored = sum(1 for p in read for ln in p.lines if re.match(r"^(?:8|\$|S) \d+ [A-ZÄÖÜ]", ln.text))
    truth, got = _words(statute.text), _words("\n".join(p.text for p in read))
    recall = sum((truth & got).values()) / max(1, sum(truth.values()))
    return StatuteRun(len(expected), _lcs(expected, found), unrestored, recall, seconds, len(read))


# ---------------------------------------------------------------- speed


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def cell(self) -> str:
        return f"{statistics.median(self.wall):.2f} s wall, {statistics.median(self.cpu):.2f} s CPU"


def _cli(path: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        ["tesseract", str(path), "-", "-l", "deu", "--dpi", str(OCR_DPI)],
        check=True,
        capture_output=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _engine(engine: Engine, content: bytes) -> tuple[float, float, str]:
    cpu, start = time.thread_time(), time.perf_counter()
    pages, _ = read_pages(engine, content)
    return time.perf_counter() - start, time.thread_time() - cpu, pages[0].quality.orientation_method


def run_speed(engine: Engine, repeat: int) -> tuple[dict[str, Timing], Counter[str]]:
    first = min(ZUGFERD_AWV.glob("*.pdf")).read_bytes()
    page = render_page_image(first, 0, OCR_DPI).convert("L")
    timings = {"cli": Timing(), "engine": Timing(), "engine-turned": Timing()}
    methods: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        page.save(path, dpi=(OCR_DPI, OCR_DPI))
        upright = path.read_bytes()
        buf = io.BytesIO()
        page.rotate(180).save(buf, format="PNG", dpi=(OCR_DPI, OCR_DPI))
        turned = buf.getvalue()
        _engine(engine, upright)  # warm-up: the APIs of this thread
        for _ in range(repeat):
            for name, measure in (("cli", lambda: _cli(path)), ("engine", lambda: _engine(engine, upright))):
                wall, cpu, *method = measure()
                timings[name].wall.append(wall)
                timings[name].cpu.append(cpu)
                if method:
                    methods[f"upright: {method[0]}"] += 1
            wall, cpu, method = _engine(engine, turned)
            timings["engine-turned"].wall.append(wall)
            timings["engine-turned"].cpu.append(cpu)
            methods[f"turned: {method}"] += 1
    return timings, methods


# ---------------------------------------------------------------- report


def report(
    args: argparse.Namespace,
    runs: list[KindRun],
    statute: StatuteRun | None,
    speed: tuple[dict[str, Timing], Counter[str]] | None,
) -> str:
    chosen = f"--split {args.split} --per-family {args.per_family}" if args.split else f"--limit {args.limit}"
    lines = [
        "## Pages as they arrive (issue 15)" + (f": {args.split.replace('_', '-')} families" if args.split else ""),
        "",
        (
            f"Command: `nice -n 10 python -m benchmarks.bench_capture {chosen} --statute-pages "
            f"{args.statute_pages} --repeat {args.repeat}`; {machine_line()}. Captures from "
            "`benchmarks/synth/capture.py` (seeded), Tesseract engine at 300 dpi as its server runs it "
            "(orientation, fax scaling, photo flattening, `finish_page`), one thread."
        ),
        "",
    ]
    if runs:
        base = runs[0].fields
        base_acc = sum(base.right.values()) / max(1, sum(base.total.values()))
        lines += [
            f"### Invoice fields per capture kind ({base.docs} "
            + (f"invoices of the {args.split.replace('_', '-')} families, generated" if args.split else "dataset invoices")
            + ")",
            "",
            "| capture | fields right | accuracy | vs upright | pages turned right | orientation by | s/page |",
            "|---|---|---|---|---|---|---|",
        ]
        for run in runs:
            right, total = sum(run.fields.right.values()), sum(run.fields.total.values())
            acc = right / max(1, total)
            methods = ", ".join(f"{m} {n}" for m, n in run.methods.most_common())
            lines.append(
                f"| {run.fields.kind} | {right}/{total} | {acc * 100:.1f} % | "
                f"{acc / base_acc * 100 if base_acc else 0:.0f} % | {run.rotations['right']}/{run.pages} | "
                f"{methods} | {run.seconds / max(1, run.pages):.1f} |"
            )
        errors = [f"{r.fields.kind} {e}" for r in runs for e in r.errors]
        if errors:
            lines += [
                "",
                "Field extraction raised (counted as all fields missed): " + "; ".join(errors) + ".",
            ]
        misses = [(r.fields.kind, *m) for r in runs for m in r.fields.misses]
        if misses:
            lines += ["", f"Misses ({len(misses)}; first 40): capture, invoice, field: expected / got", ""]
            lines += [f"- {k}, `{n}`, {f}: `{w}` / `{g}`" for k, n, f, w, g in misses[:40]]
        lines.append("")
    if statute:
        lines += [
            f"### `§` headings of a scanned contract ({statute.pages} pages, 200 dpi office scan)",
            "",
            "| headings | read as `§ n`, in order | left as `8 n`/`$ n` | word recall | s/page |",
            "|---|---|---|---|---|",
            (
                f"| {statute.headings} | {statute.read_in_order} | {statute.eight_read} | "
                f"{statute.word_recall * 100:.1f} % | {statute.seconds / max(1, statute.pages):.1f} |"
            ),
            "",
        ]
    if speed:
        timings, methods = speed
        cli, eng, turned = timings["cli"], timings["engine"], timings["engine-turned"]
        ratio_cpu = statistics.median(eng.cpu) / statistics.median(cli.cpu)
        ratio_wall = statistics.median(eng.wall) / statistics.median(cli.wall)
        lines += [
            f"### Upright clean 300 dpi page: engine vs `tesseract` CLI (median of {args.repeat}, alternating)",
            "",
            "| reader | time per page | engine / CLI |",
            "|---|---|---|",
            f"| `tesseract page.png - -l deu --dpi 300` | {cli.cell()} | |",
            (
                f"| tesseract engine (check + recognition + re-reads) | {eng.cell()} | "
                f"{ratio_cpu:.2f}x CPU, {ratio_wall:.2f}x wall |"
            ),
            f"| tesseract engine, the page upside down | {turned.cell()} | |",
            "",
            "Orientation decided by: " + ", ".join(f"{m} ({n})" for m, n in sorted(methods.items())) + ".",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=3, help="dataset invoices per capture kind")
    parser.add_argument("--kinds", default=",".join(CAPTURES))
    parser.add_argument("--statute-pages", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--split",
        choices=sorted(SPLIT),
        default="",
        help="instead of dataset invoices: the layout families of this split (section capture-SPLIT)",
    )
    parser.add_argument("--per-family", type=int, default=1, help="with --split: invoices per family")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    from services.registry import create_engine

    engine = create_engine("tesseract")
    engine.load()
    if args.split:
        docs = [item.doc for item in family_docs(args.per_family, SPLIT[args.split])]
    else:
        docs = dataset_docs(ZUGFERD_AWV, args.limit)
    runs = [run_kind(engine, kind, docs) for kind in args.kinds.split(",") if kind] if docs else []
    statute = run_statute(engine, args.statute_pages) if args.statute_pages else None
    speed = run_speed(engine, args.repeat) if args.repeat else None
    text = report(args, runs, statute, speed)
    if args.out:
        name = f"capture-{args.split.replace('_', '-')}" if args.split else "capture"
        update_section(args.out, name, text, after="capture")
    print(text)


if __name__ == "__main__":
    main()

"""Write stored runs' summaries into docs/BENCHMARKS.md (section `live-benchmark`).

    python -m bench_service.docs [--out docs/BENCHMARKS.md] data/benchmarks/<run_id> [...]

Each run's summary tables come with the exact command that made the run
(recorded by `ocrmesh bench` in run.json).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench_service.model import RunRecord
from bench_service.report import summary_markdown, winners

REPO = Path(__file__).resolve().parents[1]

INTRO = """\
## Live benchmark (issue: live benchmarking, which engine is best for which documents)

Made by `ocrmesh bench` (bench_service; the same runner behind `BenchmarkService.StartRun` and
`POST /api/v1/benchmark/run`) against backends started with
`ocrmesh serve pdftext --port 50161` and `ocrmesh serve tesseract --port 50162` (2 page workers each,
`OMP_THREAD_LIMIT=1`); the scanned twin of the dataset by `python -m benchmarks.make_scan_dataset`
(`render_scanned_pdf(pdf, seed=k, dpi=200)`, truth copied, `X.truth.txt` from the original text layer);
this section by `python -m bench_service.docs RUN_DIR ...`. Every document goes to every backend, two
documents in flight, one per backend. Times: avg = client wall time per document; p50/p95 = the engines'
own per-page timings of warm requests (the model load and one warm-up request are reported apart under
"cold start"). Accuracy = 1 − CER on white-space-normalised text against the PDF text layer (born
digital) or `X.truth.txt` (scans); reading order counts, so a two-column block read in another order
costs accuracy. Fields: exact match against `X.truth.json` (amounts as Decimal, IBAN compact, names with
white space normalised). RAM peak: the backend process's peak RSS as its `Status` reported it while the
run sampled (process peak, not per document).

Document classes (bench_service/classes.py): born-digital / clean-scan / degraded-scan from the router's
own page analysis plus, for scans, the best OCR confidence (< 0.90 = degraded); table-heavy = at least
half the pages have ruling-line tables; known-supplier = the supplier registry recognises the document.
All scans here were degraded the same way (200 dpi, skew, blur, noise, JPEG 75), so their clean/degraded
split is by Tesseract's confidence alone and says little; the router's analysis calls none of them poor.

GPU rows (surya, gotocr, deepseek) are produced the same way on the GPU machine: start those backends,
run `ocrmesh bench --dataset DIR --backends pdftext,tesseract,surya,gotocr,deepseek --address NAME=HOST:PORT ...`
(or `--target ROUTER`), then this script; they are not measured on this CPU-only machine.
"""


def section(records: list[RunRecord]) -> str:
    parts = [INTRO]
    for record in records:
        wins = ", ".join(f"{k} {v}" for k, v in winners(record.documents).items())
        parts += [
            f"### {record.dataset or 'uploads'}: {record.document_count} documents (run `{record.run_id}`)",
            "",
            f"Command: `{record.command}`  ",
            f"Machine: {record.machine}. Documents won: {wins}.",
            "",
            summary_markdown(record),
            "",
        ]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    from bench_service.sections import update_section

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="+", type=Path, help="run directories (with run.json)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    records = [RunRecord.model_validate_json((d / "run.json").read_bytes()) for d in args.runs]
    text = section(records)
    update_section(args.out, "live-benchmark", text)
    print(text)


if __name__ == "__main__":
    main()

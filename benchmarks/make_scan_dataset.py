"""Make a scanned twin of a born-digital dataset: every PDF printed and scanned back.

    python -m benchmarks.make_scan_dataset [--source DIR] [--out DIR] [--dpi 200] [--limit N]

Each `X.pdf` of the source becomes an image-only `X.pdf` made by
`benchmarks.synth.degrade.render_scanned_pdf(pdf, seed=k, dpi=200)` (k = its
1-based position in the sorted list, as in benchmarks/bench_fields.py), with
skew, blur, noise, grey paper and JPEG. `X.truth.json` is copied; `X.truth.txt`
is written from the original's text layer (pages separated by form feeds),
so a benchmark on the scans measures character accuracy against the real text.
"""

from __future__ import annotations

import argparse
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pymupdf

from bench_service.datasets import ZUGFERD_AWV
from benchmarks.synth.degrade import render_scanned_pdf
from services.intake.document import PYMUPDF_LOCK
from services.intake.pagetext import PAGE_SEPARATOR
from services.pdftext.textlayer import read_page

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ZUGFERD_AWV
DEFAULT_OUT = REPO / "data" / "datasets" / "zugferd-awv-scan"


def text_layer(pdf: bytes) -> str:
    with PYMUPDF_LOCK, pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pages = [read_page(doc, i) for i in range(doc.page_count)]
    return PAGE_SEPARATOR.join(p.text if p is not None else "" for p in pages)


def make_one(source: Path, out: Path, seed: int, dpi: int) -> str:
    pdf = source.read_bytes()
    (out / source.name).write_bytes(render_scanned_pdf(pdf, seed=seed, dpi=dpi))
    truth = source.with_name(source.stem + ".truth.json")
    if truth.is_file():
        shutil.copyfile(truth, out / truth.name)
    (out / f"{source.stem}.truth.txt").write_text(text_layer(pdf), encoding="utf-8")
    return source.name


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args(argv)
    pdfs = sorted(args.source.glob("*.pdf"))[: args.limit or None]
    if not pdfs:
        parser.error(f"no PDFs in {args.source}")
    args.out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(2) as pool:
        for name in pool.map(lambda kp: make_one(kp[1], args.out, kp[0], args.dpi), enumerate(pdfs, 1)):
            print("scanned", name)
    print(f"{len(pdfs)} documents in {args.out}")


if __name__ == "__main__":
    main()

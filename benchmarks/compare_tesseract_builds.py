"""Tesseract builds compared: the tesserocr wheel (bundled 5.5.4) against Debian's 5.3.

    python -m benchmarks.compare_tesseract_builds [--out docs/BENCHMARKS.md]

The same degraded 200 dpi scans of every 5th dataset invoice, rendered at
300 dpi, same `deu` data, psm 3, OMP_THREAD_LIMIT=1, no preprocessing: the
wheel in-process through tesserocr, Debian's build through its CLI (its time
includes process start and model load, which the in-process API pays once).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

import tesserocr
from PIL import ImageOps

from bench_service.sections import machine_line, update_section
from benchmarks.bench_engines import DEFAULT_DATASET, recall, tokens
from benchmarks.synth.degrade import render_scanned_pdf
from services.intake.document import open_document
from services.pdftext.textlayer import read_page
from services.tesseract.engine import find_tessdata

REPO = Path(__file__).resolve().parents[1]


def scanned_pages(dataset: Path, workdir: Path) -> list[tuple[Path, str]]:
    pages: list[tuple[Path, str]] = []
    for n, pdf in enumerate(sorted(dataset.glob("*.pdf"))[1::5]):
        content = pdf.read_bytes()
        with open_document(content) as doc:
            assert doc.pdf is not None
            reference = [read_page(doc.pdf, i).text for i in range(doc.page_count)]  # type: ignore[union-attr]
        with open_document(render_scanned_pdf(content, seed=50 + n, dpi=200)) as scan:
            for i in range(scan.page_count):
                path = workdir / f"page{len(pages)}.png"
                ImageOps.grayscale(scan.render(i, 300)).save(path)
                pages.append((path, reference[i]))
    return pages


def measure(pages: list[tuple[Path, str]], read: object) -> tuple[float, float]:
    hit = total = 0
    start = time.perf_counter()
    for path, reference in pages:
        h, n = recall(tokens(reference), tokens(read(path)))  # type: ignore[operator]
        hit, total = hit + h, total + n
    return 100 * hit / max(1, total), (time.perf_counter() - start) / len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    args = parser.parse_args()
    tessdata = find_tessdata()
    with tempfile.TemporaryDirectory() as tmp:
        pages = scanned_pages(args.dataset, Path(tmp))
        with tesserocr.PyTessBaseAPI(path=tessdata, lang="deu", psm=3) as api:

            def wheel(path: Path) -> str:
                api.SetImageFile(str(path))
                return api.GetUTF8Text()

            wheel_recall, wheel_seconds = measure(pages, wheel)

        def debian(path: Path) -> str:
            command = ["tesseract", str(path), "-", "-l", "deu", "--psm", "3"]
            return subprocess.run(command, capture_output=True, text=True, check=True).stdout

        debian_recall, debian_seconds = measure(pages, debian)
        debian_version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split()[1]
    lines = [
        "## Tesseract builds (issue: contract and backend servers)",
        "",
        f"Command: `python -m benchmarks.compare_tesseract_builds`; {len(pages)} degraded scan pages; {machine_line()}.",
        "",
        "| build | word recall | s/page |",
        "|---|---|---|",
        f"| tesserocr wheel, Tesseract {tesserocr.tesseract_version().split()[1]}, in-process | "
        f"{wheel_recall:.2f} % | {wheel_seconds:.2f} |",
        f"| Debian Tesseract {debian_version}, CLI (incl. process start) | {debian_recall:.2f} % | {debian_seconds:.2f} |",
        "",
        "The `tesseract` backend uses the wheel (no compiler or libtesseract-dev, Windows wheels exist) with "
        "Debian's `deu` data.",
    ]
    update_section(args.out, "tesseract-builds", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

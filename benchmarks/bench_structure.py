"""What the page structure costs a born-digital page: pdftext's reading vs its blocks and Markdown.

    python -m benchmarks.bench_structure [--repeat 5] [--out docs/BENCHMARKS.md]

Every page of the dataset's invoices (born digital) is read by the pdftext engine, then
`blocks.page_blocks` and `markdown.page_markdown` (what `finish_page` adds to every page) run on
its result; the target is structure adding at most 10 % to the page's time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench_service.datasets import ZUGFERD_AWV
from bench_service.sections import machine_line, update_section
from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.outputs.blocks import page_blocks
from services.outputs.markdown import page_markdown
from services.registry import create_engine
from services.scaffold.engine import PageOptions

TARGET_SHARE = 0.10


def measure(repeat: int) -> tuple[list[float], list[float], int]:
    """Per page: the engine's seconds and the structure's seconds (medians over `repeat`), and the blocks made."""
    engine = create_engine("pdftext")
    engine.load()
    reading, structure, blocks = [], [], 0
    for path in sorted(ZUGFERD_AWV.glob("*.pdf")):
        with open_document(path.read_bytes()) as document:
            for index in range(document.page_count):
                read_times, structure_times = [], []
                for _ in range(repeat):
                    started = time.perf_counter()
                    page = engine.process_page(document, index, PageOptions())
                    read_times.append(time.perf_counter() - started)
                    bare = pb.PageResult()
                    bare.CopyFrom(page)
                    del bare.blocks[:]
                    bare.markdown = ""
                    started = time.perf_counter()
                    made = page_blocks(bare)
                    bare.blocks.extend(made)
                    page_markdown(bare)
                    structure_times.append(time.perf_counter() - started)
                reading.append(statistics.median(read_times))
                structure.append(statistics.median(structure_times))
                blocks += len(made)
    return reading, structure, blocks


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    reading, structure, blocks = measure(args.repeat)
    shares = sorted(s / r for s, r in zip(structure, reading, strict=True) if r > 0)
    median_share = statistics.median(shares)
    verdict = "met" if median_share <= TARGET_SHARE else "NOT met"
    p90 = shares[int(0.9 * (len(shares) - 1))]
    text = "\n".join(
        [
            f"`python -m benchmarks.bench_structure --repeat {args.repeat}`; " + machine_line(),
            "",
            f"{len(reading)} born-digital pages of the dataset's invoices through the pdftext engine; {blocks} blocks made. "
            f"Target: structure adds at most {TARGET_SHARE:.0%} to a page's time: **{verdict}** (median).",
            "",
            "| measure | median | p90 | max |",
            "|---|---|---|---|",
            f"| pdftext reading a page | {statistics.median(reading) * 1000:.2f} ms | {sorted(reading)[int(0.9 * (len(reading) - 1))] * 1000:.2f} ms | {max(reading) * 1000:.2f} ms |",
            f"| blocks + Markdown of the page | {statistics.median(structure) * 1000:.2f} ms | {sorted(structure)[int(0.9 * (len(structure) - 1))] * 1000:.2f} ms | {max(structure) * 1000:.2f} ms |",
            f"| structure / reading | {median_share:.1%} | {p90:.1%} | {shares[-1]:.1%} |",
        ]
    )
    if args.out:
        update_section(args.out, "structure", text)
    print(text)


if __name__ == "__main__":
    main()

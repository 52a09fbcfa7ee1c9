"""What the page structure costs a born-digital page: pdftext's reading vs its blocks and Markdown.

    python -m benchmarks.bench_structure [--repeat 5] [--rest-rounds 3] [--out docs/BENCHMARKS.md]

Every page of the dataset's invoices (born digital) is read as the pdftext engine reads it
(`textlayer.read_page_lines`), then `finish.add_structure` (`text_tables`, `add_blocks`,
`blocks_markdown`: what the engine adds to every page, from the lines it read) runs on its result.
The target is structure adding at most 10 % to a born-digital page's time, measured against two
times: the page as a REST caller waits for it (the mesh as `ocrmesh up` starts it, pdftext, router
and gateway on loopback, each invoice posted to `POST /api/v1/ocr/process` with `backend=pdftext`,
one at a time: the document's time over its pages), and, stricter, the engine's own work on the page
(its `process_page`, structure included, and `finish_page`), which leaves out everything else a
page's answer costs (gRPC, the router, the invoice fields, JSON).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench_service.datasets import ZUGFERD_AWV
from bench_service.sections import machine_line, update_section
from clients.mesh import Mesh, MeshSettings
from services.intake.document import open_document
from services.invoice.extract import extract_fields
from services.pdftext.textlayer import read_page_lines
from services.registry import create_engine
from services.scaffold.engine import PageOptions
from services.scaffold.finish import add_structure, finish_page
from services.scaffold.ports import free_port

TARGET_SHARE = 0.10


@dataclass
class Measured:
    reading: list[float] = field(default_factory=list)  # per page: the engine's reading
    served: list[float] = field(default_factory=list)  # ... and finish_page
    structure: list[float] = field(default_factory=list)  # text tables, blocks and Markdown alone
    with_fields: list[float] = field(default_factory=list)  # served, plus the document's fields per page
    page_counts: list[int] = field(default_factory=list)  # per document, in the order of the pages
    blocks: int = 0
    tables: int = 0


def measure(repeat: int) -> Measured:
    """Per page (medians over `repeat`): the engine's reading without structure, the page as the server
    makes it (`process_page` and `finish_page`), the structure alone, and the page with its share of the document's invoice fields
    (`extract_fields`, what a REST answer carries); and the blocks and tables made."""
    engine = create_engine("pdftext")
    engine.load()
    m = Measured()
    for path in sorted(ZUGFERD_AWV.glob("*.pdf")):
        with open_document(path.read_bytes()) as document:
            m.page_counts.append(document.page_count)
            pages = []
            for index in range(document.page_count):
                read_times, served_times, structure_times = [], [], []
                for _ in range(repeat):
                    started = time.perf_counter()
                    page = engine.process_page(document, index, PageOptions())
                    finish_page(page, PageOptions())
                    served_times.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    read = read_page_lines(document.pdf, index)
                    read_times.append(time.perf_counter() - started)
                    assert read is not None, f"{path.name} page {index + 1}: no text layer"
                    bare, lines = read
                    started = time.perf_counter()
                    add_structure(bare, lines)
                    structure_times.append(time.perf_counter() - started)
                m.reading.append(statistics.median(read_times))
                m.served.append(statistics.median(served_times))
                m.structure.append(statistics.median(structure_times))
                m.blocks += len(bare.blocks)
                m.tables += len(bare.tables)
                pages.append(page)
            field_times = []
            for _ in range(repeat):
                started = time.perf_counter()
                extract_fields(pages)
                field_times.append(time.perf_counter() - started)
            per_page = statistics.median(field_times) / len(pages)
            m.with_fields += [s + per_page for s in m.served[-len(pages) :]]
    return m


async def _rest_seconds(gateway: str, documents: list[tuple[str, bytes]], rounds: int) -> list[float]:
    """Per document, the median over `rounds` of posting it to the gateway (backend=pdftext) until its
    answer is in, one document at a time."""
    times: list[list[float]] = [[] for _ in documents]
    async with httpx.AsyncClient(timeout=120) as http:

        async def post(name: str, content: bytes) -> None:
            response = await http.post(
                f"{gateway}/api/v1/ocr/process", files={"file": (name, content)}, data={"backend": "pdftext"}
            )
            response.raise_for_status()
            pages = response.json()["pages"]
            assert pages and all(page["blocks"] for page in pages), f"{name}: a page came back without blocks"

        for name, content in documents[:3]:  # warm the path
            await post(name, content)
        for _ in range(rounds):
            for k, (name, content) in enumerate(documents):
                started = time.perf_counter()
                await post(name, content)
                times[k].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def rest_page_seconds(rounds: int) -> list[float]:
    """Per document of the dataset (in `measure`'s order): its REST time over its pages, on a mesh of
    pdftext, router and gateway started as `ocrmesh up` starts them."""
    paths = sorted(ZUGFERD_AWV.glob("*.pdf"))
    documents = [(p.name, p.read_bytes()) for p in paths]
    settings = MeshSettings(
        router_port=free_port(), gateway_port=free_port(), backends={"pdftext": free_port()}, auth=False
    )
    with Mesh(settings, report=lambda _line: None) as mesh:
        return asyncio.run(_rest_seconds(mesh.components[-1].url, documents, rounds))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rest-rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    m = measure(args.repeat)
    reading, served, structure = m.reading, m.served, m.structure
    rest_seconds = rest_page_seconds(args.rest_rounds)
    # Per page: its document's REST time shared out over its pages; its structure against that.
    rest_per_page: list[float] = []
    for seconds, count in zip(rest_seconds, m.page_counts, strict=True):
        rest_per_page += [seconds / count] * count
    rest_shares = sorted(s / r for s, r in zip(structure, rest_per_page, strict=True) if r > 0)
    rest_verdict = "met" if statistics.median(rest_shares) <= TARGET_SHARE else "NOT met"
    shares = sorted(s / r for s, r in zip(structure, reading, strict=True) if r > 0)
    served_shares = sorted(s / r for s, r in zip(structure, served, strict=True) if r > 0)
    field_shares = sorted(s / r for s, r in zip(structure, m.with_fields, strict=True) if r > 0)
    median_share = statistics.median(served_shares)
    verdict = "met" if median_share <= TARGET_SHARE else "NOT met"

    def row(name: str, values: list[float], unit: str = "ms") -> str:
        ordered = sorted(values)
        scale, fmt = (1000, "{:.2f} ms") if unit == "ms" else (100, "{:.1f} %")
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        return f"| {name} | {fmt.format(statistics.median(ordered) * scale)} | {fmt.format(p90 * scale)} | {fmt.format(ordered[-1] * scale)} |"

    text = "\n".join(
        [
            f"`python -m benchmarks.bench_structure --repeat {args.repeat} --rest-rounds {args.rest_rounds}`; "
            + machine_line(),
            "",
            f"{len(reading)} born-digital pages of the dataset's invoices through the pdftext engine; {m.blocks} blocks "
            f"and {m.tables} tables of aligned text made (`services/outputs/text_tables.py`). "
            f"Target: structure adds at most {TARGET_SHARE:.0%} to a born-digital page's time. Against "
            f"the page as a REST caller waits for it (`backend=pdftext`, one document at a time, "
            f"{args.rest_rounds} rounds, its time over its pages): **{rest_verdict}** (median "
            f"{statistics.median(rest_shares):.1%}). Against the engine's own work on the page alone (its "
            f"reading, its structure and `finish_page`; no gRPC, router, fields or JSON): **{verdict}** "
            f"(median {median_share:.1%}).",
            "",
            "| measure | median | p90 | max |",
            "|---|---|---|---|",
            row("a page through REST (its document's time over its pages)", rest_per_page),
            row("pdftext reading a page (its structure left out)", reading),
            row("the page as the server makes it (process_page with structure + finish_page)", served),
            row("the page with its share of the invoice fields (+ extract_fields / pages)", m.with_fields),
            row("text tables + blocks + Markdown of the page", structure),
            row("structure / the page through REST", rest_shares, "%"),
            row("structure / the page as the server makes it", served_shares, "%"),
            row("structure / pdftext's reading alone", shares, "%"),
            row("structure / the page with its invoice fields", field_shares, "%"),
        ]
    )
    if args.out:
        update_section(args.out, "structure", text)
    print(text)


if __name__ == "__main__":
    main()

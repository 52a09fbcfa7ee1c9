"""`ocrmesh bench`: a benchmark run in-process against backend addresses (or the router), with a progress bar.

The run is the same as BenchmarkService's (`BenchmarkRunner`), stored the same
way (`--out`, default ./data/benchmarks: run.json, report.md, report.html and
latest-priors.json).
"""

from __future__ import annotations

import asyncio
import shlex
import sys
from pathlib import Path

from bench_service.classes import DocumentInspector
from bench_service.datasets import DatasetError, Datasets
from bench_service.model import Progress, RunRecord
from bench_service.report import mib, pct, secs
from bench_service.runner import BenchmarkRunner, RunEvent
from bench_service.settings import BenchSettings
from bench_service.store import RunStore, new_run_id


class BenchCliError(Exception):
    """A problem to report to the person at the terminal (exit code 2)."""


def parse_addresses(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, address = item.partition("=")
        if not sep or not name or ":" not in address:
            raise BenchCliError(f"--address {item!r}: expected NAME=HOST:PORT")
        out[name] = address
    return out


def run_bench(
    dataset: Path,
    backends: list[str],
    *,
    limit: int = 0,
    out: Path = Path("data/benchmarks"),
    target: str | None = None,
    addresses: dict[str, str] | None = None,
    dpi: int = 0,
    label: str = "",
    concurrency: int = 2,
    inspect: DocumentInspector,
) -> RunRecord:
    """Run, store and print; returns the record. `inspect`: a document's facts as the router sees them."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    from bench_service.host import machine_line

    dataset = dataset.resolve()
    known = {**BenchSettings().backends, **(addresses or {})}
    try:
        settings = BenchSettings(
            datasets_root=dataset.parent,
            data_dir=out,
            backends={b: known[b] for b in backends if b in known},
            router_address=target or "",
            routing="router" if target else "direct",
            concurrency=concurrency,
        )
    except ValueError as exc:
        raise BenchCliError(str(exc)) from None
    missing = [b for b in backends if b not in settings.backends]
    if missing and not target:
        raise BenchCliError(f"no address for {missing}; give --address NAME=HOST:PORT or --target ROUTER")
    try:
        documents = Datasets(dataset.parent).load(dataset.name, None, limit)
    except DatasetError as exc:
        raise BenchCliError(str(exc)) from None
    if not documents:
        raise BenchCliError(f"no documents in {dataset}")
    record = RunRecord(
        run_id=new_run_id(),
        dataset=dataset.name,
        backends=backends,
        routing="router" if target else "direct",
        router_address=target or "",
        label=label,
        command=" ".join(["ocrmesh", *(shlex.quote(a) for a in sys.argv[1:])]),
        machine=machine_line(),
        document_count=len(documents),
        progress=Progress(total=len(documents) * len(backends)),
    )
    console = Console(stderr=True)
    with Bar(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("preparing", total=record.progress.total)

        def on_event(event: RunEvent) -> None:
            description = event.message if event.kind == "phase" else f"{event.backend}: {event.document}"
            bar.update(task, completed=event.progress.done, description=description[:60])

        asyncio.run(BenchmarkRunner(settings, inspect=inspect).run(record, documents, dpi=dpi, on_event=on_event))
        bar.update(task, description="done")
    store = RunStore(out)
    store.finish(record)
    print_summary(record, Console(width=None if sys.stdout.isatty() else 200))
    console.print(f"reports: {store.run_dir(record.run_id)}/{{run.json,report.md,report.html}}")
    console.print(f"priors:  {store.priors_path}")
    return record


def print_summary(record: RunRecord, console: object) -> None:
    from rich.table import Table

    table = Table(title=f"Benchmark {record.run_id}: {record.dataset}, {record.document_count} documents")
    for column in ("backend", "ok", "avg/doc", "p50/page", "p95/page", "accuracy", "fields", "agreement",
                   "conf.", "RAM peak", "cold start", "errors", "wins"):  # fmt: skip
        table.add_column(column)
    for s in record.summaries:
        cold = f"loaded {secs(s.cold.load_seconds)}" if s.cold.loaded_by_run else s.cold.state_before
        table.add_row(
            s.backend, f"{s.succeeded}/{s.documents}", secs(s.avg_time), secs(s.p50_seconds_per_page),
            secs(s.p95_seconds_per_page), pct(s.accuracy), pct(s.field_accuracy), pct(s.agreement),
            f"{s.mean_confidence:.2f}", mib(s.ram_usage), cold,
            ", ".join(f"{k} {v}" for k, v in s.errors.items()) or "0", str(s.wins),
        )
    console.print(table)  # type: ignore[attr-defined]

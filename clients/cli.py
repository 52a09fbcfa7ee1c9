"""The `ocrmesh` command line.

Heavy imports (servers, engines) happen inside the commands that need them,
so `ocrmesh process` starts fast.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

# Where `ocrmesh up` and `ocrmesh router` listen by default: the router, which also hosts JobsService.
ROUTER_ADDRESS = "127.0.0.1:50051"

app = typer.Typer(add_completion=False, no_args_is_help=True, help="ocrmesh: self-hosted OCR for German business documents")


@app.command()
def serve(
    backend: Annotated[str, typer.Argument(help="Backend to serve: pdftext, tesseract, ...")],
    port: Annotated[Optional[int], typer.Option(help="gRPC port")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on")] = None,
    config: Annotated[Optional[Path], typer.Option(help="YAML config file (section 'server')")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Pages processed in parallel")] = None,
    metrics_port: Annotated[Optional[int], typer.Option(help="Prometheus port (0 = off)")] = None,
) -> None:
    """Run one backend as a standalone gRPC server until Ctrl-C."""
    from services.invoice.pipeline import build_invoice_fields
    from services.registry import UnknownBackendError, create_engine
    from services.scaffold.logs import configure_logging
    from services.scaffold.server import BackendServer, run_until_signal
    from services.scaffold.settings import ServerSettings, load_settings

    try:
        settings = load_settings(
            ServerSettings, config, "server", backend=backend, port=port, host=host, workers=workers,
            metrics_port=metrics_port,
        )
        engine = create_engine(backend, settings.engine)
    except (UnknownBackendError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    configure_logging(settings.log_level, service=backend)
    try:
        asyncio.run(run_until_signal(BackendServer(engine, settings, fields=build_invoice_fields)))
    except OSError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def process(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Document to process")],
    target: Annotated[str, typer.Option(help="Server address HOST:PORT (a backend or the router)")] = ROUTER_ADDRESS,
    backend: Annotated[str, typer.Option(help="Backend preference (router only)")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole result as JSON")] = False,
    first_page: Annotated[int, typer.Option(help="First page (1-based)")] = 0,
    last_page: Annotated[int, typer.Option(help="Last page (inclusive)")] = 0,
    dpi: Annotated[int, typer.Option(help="Rendering dpi for PDFs (0 = server default)")] = 0,
    language: Annotated[str, typer.Option(help="Document language")] = "de",
    fields: Annotated[bool, typer.Option(help="Extract invoice fields")] = True,
    timeout: Annotated[float, typer.Option(help="Deadline in seconds")] = 600.0,
) -> None:
    """Send FILE to a server and print pages as they stream in."""
    import grpc
    from google.protobuf import json_format
    from rich.console import Console
    from rich.progress import Progress

    from ocrmesh.v1 import ocr_pb2 as pb
    from ocrmesh_client import OcrClient, request_from_file

    options = pb.ProcessOptions(
        language=language, extract_fields=fields, first_page=first_page, last_page=last_page, dpi=dpi
    )
    request = request_from_file(file, backend=backend, options=options)
    console = Console(stderr=as_json)
    pages: list[pb.PageResult] = []
    document: pb.DocumentResult | None = None
    with OcrClient(target) as client:
        try:
            with Progress(console=Console(stderr=True), transient=True, redirect_stdout=False) as progress:
                task = progress.add_task(f"{file.name}", total=None)
                # On a terminal, print through the progress display so both stay readable.
                out = progress.console if sys.stdout.isatty() else console
                for event in client.stream(request, timeout=timeout):
                    kind = event.WhichOneof("event")
                    if kind == "page":
                        page = event.page
                        pages.append(page)
                        progress.update(task, total=page.page_count, completed=len(pages))
                        if not as_json:
                            out.print(
                                f"[bold]--- page {page.page_number}/{page.page_count}[/bold] "
                                f"({page.backend}, confidence {page.confidence:.2f}, {page.timings.total_seconds:.2f}s)",
                                highlight=False,
                            )
                            out.print(page.text, markup=False, highlight=False)
                    elif kind == "document":
                        document = event.document
        except grpc.RpcError as exc:
            typer.echo(f"error: {exc.code().name}: {exc.details()}", err=True)
            raise typer.Exit(1) from None
    if as_json:
        out = {
            "pages": [json_format.MessageToDict(p) for p in pages],
            "document": json_format.MessageToDict(document) if document else None,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    if document is not None and (document.fields.fields or document.fields.checks or document.warnings):
        _print_fields(console, document)


def _print_fields(console: object, document: object) -> None:
    from rich.table import Table

    table = Table(title="Invoice fields", show_lines=False)
    for column in ("field", "value", "source", "valid", "confidence"):
        table.add_column(column)
    for f in document.fields.fields:  # type: ignore[attr-defined]
        valid = "" if not f.HasField("valid") else ("yes" if f.valid else "NO")
        table.add_row(f.name, f.value, _source_name(f.source), valid, f"{f.confidence:.2f}")
    console.print(table)  # type: ignore[attr-defined]
    for check in document.fields.checks:  # type: ignore[attr-defined]
        mark = "ok " if check.passed else "FAILED"
        console.print(f"[{mark}] {check.name}: {check.message}", markup=False, highlight=False)  # type: ignore[attr-defined]
    for warning in document.warnings:  # type: ignore[attr-defined]
        console.print(f"warning: {warning}", markup=False)  # type: ignore[attr-defined]


def _source_name(value: int) -> str:
    from ocrmesh.v1 import ocr_pb2 as pb

    return pb.FieldSource.Name(value).removeprefix("FIELD_SOURCE_").lower()


@app.command()
def router(
    config: Annotated[
        Optional[Path], typer.Option(help="Router YAML config (section 'router'); default config/router.yaml")
    ] = None,
    port: Annotated[Optional[int], typer.Option(help="gRPC port")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on")] = None,
) -> None:
    """Run the router in front of the backends of its config until Ctrl-C (SIGHUP reloads the rules)."""
    from router_service.server import run_router
    from router_service.settings import load_router_settings

    try:
        settings = load_router_settings(config, port=port, host=host)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        run_router(settings)
    except OSError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None



@app.command()
def up(
    demo: Annotated[
        Optional[list[Path]],
        typer.Option(help="Process these documents through the REST gateway, print them, then stop (repeatable)"),
    ] = None,
    gateway_port: Annotated[Optional[int], typer.Option(help="REST port (default 8080)")] = None,
    router_port: Annotated[Optional[int], typer.Option(help="Router gRPC port (default 50051)")] = None,
    base_port: Annotated[Optional[int], typer.Option(help="First gRPC port of the backends (default 50061)")] = None,
) -> None:
    """Start the local mesh (backends, router, REST gateway) on loopback until Ctrl-C."""
    import signal as signal_module
    import threading

    from clients.mesh import Mesh, MeshSettings, process_via_rest

    overrides: dict[str, object] = {}
    if gateway_port is not None:
        overrides["gateway_port"] = gateway_port
    if router_port is not None:
        overrides["router_port"] = router_port
    settings = MeshSettings(**overrides)  # type: ignore[arg-type]
    if base_port is not None:
        settings.backends = {name: base_port + i for i, name in enumerate(settings.backends)}
    mesh = Mesh(settings)
    try:
        with mesh:
            typer.echo(mesh.describe(), err=True)
            gateway = mesh.components[-1].url
            if demo:
                for path in demo:
                    typer.echo(f"\n=== {path} (POST {gateway}/api/v1/ocr/process, backend=auto)", err=True)
                    _print_rest_result(process_via_rest(gateway, path))
                return
            typer.echo(f"REST: {gateway}/docs   gRPC: {mesh.components[-2].address}   Ctrl-C stops everything", err=True)
            stopped = threading.Event()
            signal_module.signal(signal_module.SIGINT, lambda *_: stopped.set())
            if hasattr(signal_module, "SIGTERM"):
                signal_module.signal(signal_module.SIGTERM, lambda *_: stopped.set())
            while not stopped.wait(0.5):
                for component in mesh.components:
                    if component.process is not None and component.process.poll() is not None:
                        typer.echo(f"error: {component.name} stopped unexpectedly; see {component.log_path}", err=True)
                        raise typer.Exit(1)
            typer.echo("stopping ...", err=True)
    except (RuntimeError, TimeoutError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


def _print_rest_result(result: dict) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(
        f"[bold]{result.get('document_id', '')[:12]}[/bold]  backend: {result.get('backend_used')}  "
        f"pages: {result.get('metadata', {}).get('pages')}  time: {result.get('processing_time', 0):.2f}s  "
        f"confidence: {result.get('confidence', 0):.2f}"
    )
    routing = result.get("routing") or {}
    if routing.get("rule"):
        console.print(f"routing: rule [bold]{routing['rule']}[/bold] - {routing.get('reason', '')}", highlight=False)
    table = Table(title="text.structured")
    table.add_column("field")
    table.add_column("value")
    for key, value in ((result.get("text") or {}).get("structured") or {}).items():
        table.add_row(key, f"{value:.2f}" if isinstance(value, float) else str(value))
    console.print(table)
    for check in result.get("checks") or []:
        if not check.get("passed"):
            console.print(f"check failed: {check.get('name')}: {check.get('message')}", markup=False, highlight=False)
    raw = (result.get("text") or {}).get("raw", "")
    console.print("[bold]text (first 25 lines):[/bold]")
    console.print("\n".join(raw.splitlines()[:25]), markup=False, highlight=False)

@app.command()
def gateway(
    upstream: Annotated[Optional[str], typer.Option(help="gRPC address of the router (or a backend)")] = None,
    port: Annotated[Optional[int], typer.Option(help="HTTP port (default 8080)")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on (default 127.0.0.1)")] = None,
) -> None:
    """Run the REST gateway (FastAPI, docs at /docs) in front of the router until Ctrl-C."""
    from pydantic import ValidationError

    from gateway_rest.app import run_gateway
    from gateway_rest.settings import GatewaySettings

    overrides = {k: v for k, v in {"upstream": upstream, "port": port, "host": host}.items() if v is not None}
    try:
        settings = GatewaySettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    run_gateway(settings)



# ---------------------------------------------------------------- models (weights of the model backends)

models_app = typer.Typer(no_args_is_help=True, help="Model weights: list what is on disk, download ahead of serving")
app.add_typer(models_app, name="models")


@models_app.command("list")
def models_list(
    models_dir: Annotated[Optional[Path], typer.Option(help="Models directory (default $OCRMESH_MODELS_DIR or ./models)")] = None,
) -> None:
    """Show every backend's weights: present or missing, size, locked commit."""
    from services.models.catalog import load_catalog
    from services.models.download import is_commit, is_url, status

    catalog = load_catalog()
    for backend, specs in catalog.specs.items():
        for spec in specs:
            s = status(spec, models_dir)
            state = "present" if s.present else "MISSING"
            size = s.size_bytes if s.present else spec.size_bytes
            if is_commit(spec.revision) or is_url(spec.source):
                pin = spec.revision
            else:
                pin = f"{spec.revision} (not a commit: locked on first download)"
            typer.echo(
                f"{backend:10} {spec.name:22} {state:8} {size / 1e9:7.2f} GB{'' if s.present else ' (expected)'}  "
                f"{spec.source}@{pin}" + (f"  locked {s.resolved_revision[:12]}" if s.resolved_revision else "")
            )
    for backend, reason in catalog.unavailable.items():
        typer.echo(f"{backend:10} (unavailable: {reason})")


@models_app.command("download")
def models_download(
    target: Annotated[str, typer.Argument(help="gotocr, deepseek, surya or all")] = "all",
    models_dir: Annotated[Optional[Path], typer.Option(help="Models directory (default $OCRMESH_MODELS_DIR or ./models)")] = None,
    update: Annotated[bool, typer.Option(help="Move the lock to the revision's current commit")] = False,
) -> None:
    """Download weights from the Hugging Face hub, verify their hashes and record them in a lock file."""
    from services.models.catalog import load_catalog
    from services.models.download import ModelCheckError, download

    try:
        specs = load_catalog().select(target)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    failed = False
    for spec in specs:
        typer.echo(f"{spec.backend}: {spec.source}@{spec.revision} -> {spec.local_dir(models_dir)}", err=True)
        try:
            lock = download(spec, models_dir, update=update)
        except (ModelCheckError, OSError, ValueError) as exc:  # hub errors are OSError/ValueError subclasses
            typer.echo(f"error: {spec.name}: {type(exc).__name__}: {exc}", err=True)
            failed = True
            continue
        typer.echo(f"{spec.name}: ok, commit {lock.resolved_revision}, {len(lock.files)} files verified", err=True)
    if failed:
        raise typer.Exit(1)


# ---------------------------------------------------------------- jobs (durable batches)


@app.command()
def jobs(
    upstream: Annotated[Optional[str], typer.Option(help="OcrService the documents go to (the router), HOST:PORT")] = None,
    port: Annotated[Optional[int], typer.Option(help="gRPC port (default 50071)")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on")] = None,
    data_dir: Annotated[Optional[Path], typer.Option(help="SQLite database and uploads (default ./data)")] = None,
    database_url: Annotated[Optional[str], typer.Option(help="postgresql://... to share one queue between replicas")] = None,
    config: Annotated[Optional[Path], typer.Option(help="YAML config file (section 'jobs')")] = None,
) -> None:
    """Serve JobsService (durable batch jobs with live progress) in front of an OcrService until Ctrl-C."""
    from jobs_service.server import run_jobs_server
    from jobs_service.settings import JobsSettings
    from services.scaffold.settings import load_settings

    try:
        settings = load_settings(
            JobsSettings, config, "jobs", upstream=upstream, port=port, host=host, data_dir=data_dir,
            database_url=database_url,
        )
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        run_jobs_server(settings)
    except OSError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def batch(
    paths: Annotated[list[Path], typer.Argument(exists=True, help="Files or directories of documents")],
    target: Annotated[
        str, typer.Option(help="JobsService address HOST:PORT (the router hosts it; or `ocrmesh jobs`)")
    ] = ROUTER_ADDRESS,
    backend: Annotated[str, typer.Option(help="Backend preference (auto: the router decides)")] = "auto",
    wait: Annotated[bool, typer.Option(help="Follow progress until the job is done")] = False,
    out: Annotated[Optional[Path], typer.Option(help="Write every document's result as JSON lines (implies --wait)")] = None,
    csv_path: Annotated[Optional[Path], typer.Option("--csv", help="Write the invoice fields, one row per document (implies --wait)")] = None,
    key: Annotated[Optional[str], typer.Option(help="Idempotency key (default: derived from the files)")] = None,
    interactive: Annotated[bool, typer.Option(help="Run ahead of batch work")] = False,
) -> None:
    """Submit documents as durable batch jobs; with --wait show progress and collect the results."""
    from jobs_service.batch_cli import BatchError, run_batch

    try:
        code = run_batch(
            paths, target=target, backend=backend, wait=wait or out is not None or csv_path is not None,
            out=out, csv_path=csv_path, key=key, interactive=interactive,
        )
    except BatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    raise typer.Exit(code)


# ---------------------------------------------------------------- bench (live benchmark, in-process)


@app.command()
def bench(
    dataset: Annotated[Path, typer.Option(exists=True, file_okay=False, help="Dataset folder (X.pdf + X.truth.json)")],
    backends: Annotated[str, typer.Option(help="Comma-separated backends to compare")] = "pdftext,tesseract",
    limit: Annotated[int, typer.Option(help="Only the first N documents (0 = all)")] = 0,
    out: Annotated[Path, typer.Option(help="Runs directory (run.json, report.md, report.html, latest-priors.json)")] = Path("data/benchmarks"),
    target: Annotated[Optional[str], typer.Option(help="Send documents through this router HOST:PORT")] = None,
    address: Annotated[Optional[list[str]], typer.Option(help="Backend address NAME=HOST:PORT (repeatable)")] = None,
    dpi: Annotated[int, typer.Option(help="Rendering dpi for PDF pages (0 = backend default)")] = 0,
    label: Annotated[str, typer.Option(help="A label for the run")] = "",
) -> None:
    """Benchmark backends on a dataset: time, accuracy, RAM/VRAM, confidence side by side; writes reports."""
    from bench_service.cli import BenchCliError, parse_addresses, run_bench
    from router_service.document_facts import inspect_document

    try:
        run_bench(
            dataset, [b for b in backends.split(",") if b], limit=limit, out=out, target=target,
            addresses=parse_addresses(address or []), dpi=dpi, label=label, inspect=inspect_document,
        )
    except BenchCliError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command("learn-supplier")
def learn_supplier(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="An invoice of the supplier")],
    target: Annotated[str, typer.Option(help="Server address (the router or a backend)")] = ROUTER_ADDRESS,
    supplier_id: Annotated[Optional[str], typer.Option("--id", help="Registry id (default: from the name)")] = None,
    correct: Annotated[
        Optional[list[str]], typer.Option("--set", help="Correct a field before saving: NAME=VALUE (repeatable)")
    ] = None,
    directory: Annotated[Path, typer.Option(help="Supplier registry")] = Path("config/suppliers"),
    yes: Annotated[bool, typer.Option("--yes", help="Save without asking")] = False,
) -> None:
    """Create or update a known supplier from a document whose fields a person confirmed."""
    import grpc

    from ocrmesh.v1 import ocr_pb2 as pb
    from ocrmesh_client import OcrClient, request_from_file
    from services.invoice.suppliers import upsert_supplier

    with OcrClient(target) as client:
        try:
            outcome = client.process(request_from_file(file), timeout=600)
        except grpc.RpcError as exc:
            typer.echo(f"error: {exc.code().name}: {exc.details()}", err=True)  # type: ignore[attr-defined]
            raise typer.Exit(1) from None
    assert outcome.document is not None
    fields = pb.InvoiceFields()
    fields.CopyFrom(outcome.document.fields)
    for assignment in correct or []:
        name, sep, value = assignment.partition("=")
        if not sep or not name:
            typer.echo(f"error: --set wants NAME=VALUE, got {assignment!r}", err=True)
            raise typer.Exit(2)
        existing = [f for f in fields.fields if f.name == name]
        if existing:
            existing[0].value = value
        else:
            fields.fields.add(name=name, value=value, source=pb.FIELD_SOURCE_UNSPECIFIED)
    keys = ("lieferant", "ust_id", "iban", "steuernummer")
    for f in fields.fields:
        if f.name in keys:
            typer.echo(f"{f.name:14} {f.value}")
    if not yes and not typer.confirm("Are these the supplier's details?"):
        raise typer.Exit(1)
    try:
        path = upsert_supplier(directory, fields, supplier_id)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"saved {path}")

def main() -> None:
    app()


if __name__ == "__main__":
    main()

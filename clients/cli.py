"""The `ocrmesh` command line.

Heavy imports (servers, engines) happen inside the commands that need them,
so `ocrmesh process` starts fast.
"""

from __future__ import annotations

import asyncio
import faulthandler
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from clients.exits import exit_on
from services import catalogue

if TYPE_CHECKING:
    from clients.backup import Summary

# Where `ocrmesh up` and `ocrmesh router` listen by default: the router, which also hosts JobsService.
ROUTER_ADDRESS = f"127.0.0.1:{catalogue.ROUTER_PORT}"
# Backend names for help texts.
BACKEND_NAMES = ", ".join(catalogue.BACKENDS)
MODEL_BACKEND_NAMES = ", ".join(name for name, entry in catalogue.BACKENDS.items() if entry.models_module)

app = typer.Typer(add_completion=False, no_args_is_help=True, help="ocrmesh: self-hosted OCR for German business documents")
ApiKeyOption = Annotated[
    Optional[str], typer.Option(help="API key (default: $OCRMESH_API_KEY, else the local admin key of `ocrmesh up`)")
]
NoAuthOption = Annotated[
    bool, typer.Option("--no-auth", help="Do not check API keys (loopback listeners only; logged as a warning)")
]


def _use_api_key(api_key: str | None) -> None:
    """An explicit --api-key wins over the environment and the stored key, for every client of this command."""
    if api_key is not None:
        import os

        from ocrmesh_client.auth import ENV_KEY

        os.environ[ENV_KEY] = api_key


@app.command()
def serve(
    backend: Annotated[str, typer.Argument(help=f"Backend to serve: {BACKEND_NAMES}")],
    port: Annotated[Optional[int], typer.Option(help="gRPC port")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on")] = None,
    config: Annotated[Optional[Path], typer.Option(help="YAML config file (section 'server')")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Pages processed in parallel")] = None,
    metrics_port: Annotated[Optional[int], typer.Option(help="Prometheus port (0 = off)")] = None,
    tls_cert: Annotated[Optional[Path], typer.Option(help="Server certificate (PEM): serve TLS")] = None,
    tls_key: Annotated[Optional[Path], typer.Option(help="Server key (PEM)")] = None,
    tls_client_ca: Annotated[
        Optional[Path], typer.Option(help="Accept only clients with a certificate of this CA (mutual TLS)")
    ] = None,
    keys_file: Annotated[
        Optional[Path], typer.Option(help="API keys accepted (`ocrmesh keys export`; read again when it changes)")
    ] = None,
    insecure: Annotated[
        bool,
        typer.Option(
            "--insecure",
            help="Allow a non-loopback address without TLS + (mTLS or keys) (OCRMESH_INSECURE=1; private networks only)",
        ),
    ] = False,
) -> None:
    """Run one backend as a standalone gRPC server until Ctrl-C.

    On an address other machines reach it needs TLS and mutual TLS and/or a keys file, or --insecure."""
    from services.invoice.pipeline import build_invoice
    from services.registry import UnknownBackendError, create_engine
    from services.scaffold.logs import configure_logging
    from services.scaffold.server import BackendServer, run_until_signal
    from services.scaffold.settings import ServerSettings, load_settings

    with exit_on(UnknownBackendError, ValueError, code=2):
        settings = load_settings(
            ServerSettings, config, "server", backend=backend, port=port, host=host, workers=workers,
            metrics_port=metrics_port, tls_cert=tls_cert, tls_key=tls_key, tls_client_ca=tls_client_ca,
            keys_file=keys_file, insecure=True if insecure else None,
        )
        settings.check_exposure()  # before the engine is built (model engines import a lot)
        engine = create_engine(backend, settings.engine)
        server = BackendServer(engine, settings, fields=build_invoice)
    configure_logging(settings.log_level, service=backend)
    with exit_on(OSError, code=1):
        asyncio.run(run_until_signal(server))


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
    api_key: ApiKeyOption = None,
    output_format: Annotated[
        Optional[str],
        typer.Option("--format", help="Write the document as markdown, text or pdf (searchable) instead of the pages"),
    ] = None,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="Where --format writes (default: stdout)")] = None,
) -> None:
    """Send FILE to a server and print pages as they stream in."""
    _use_api_key(api_key)
    if output_format is not None:
        from services.outputs.render import FORMATS

        if output_format not in FORMATS:
            typer.echo(f"error: --format must be one of {', '.join(FORMATS)}", err=True)
            raise typer.Exit(2)
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
    quiet = as_json or output_format is not None  # stdout carries the JSON or the document
    console = Console(stderr=quiet)
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
                        if not quiet:
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
    if output_format is not None:
        _write_document(output_format, file.read_bytes(), pages, document, out_path)
        return
    if as_json:
        out = {
            "pages": [json_format.MessageToDict(p) for p in pages],
            "document": json_format.MessageToDict(document) if document else None,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    if document is not None and (document.fields.fields or document.fields.checks or document.warnings):
        _print_fields(console, document)


def _write_document(
    output_format: str, content: bytes, pages: list[Any], document: Any, out_path: Path | None
) -> None:
    """The processed document as Markdown, text or a searchable PDF (services/outputs), to a file or stdout."""
    from services.intake.errors import IntakeError
    from services.intake.pagetext import PAGE_SEPARATOR
    from services.outputs.render import render_document

    text = document.text if document is not None else PAGE_SEPARATOR.join(p.text for p in pages)
    with exit_on(IntakeError, code=1):
        body = render_document(output_format, content, pages, text)
    if out_path is not None:
        out_path.write_bytes(body)
        typer.echo(f"wrote {out_path}", err=True)
    else:
        sys.stdout.buffer.write(body)


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
    no_auth: NoAuthOption = False,
) -> None:
    """Run the router in front of the backends of its config until Ctrl-C (SIGHUP reloads the rules)."""
    from router_service.server import run_router
    from router_service.settings import load_router_settings

    with exit_on(ValueError, code=2):
        settings = load_router_settings(config, port=port, host=host, auth=False if no_auth else None)
    with exit_on(OSError, code=1):
        run_router(settings)



@app.command()
def up(
    demo: Annotated[
        Optional[list[Path]],
        typer.Option(help="Process these documents through the REST gateway, print them, then stop (repeatable)"),
    ] = None,
    gateway_port: Annotated[Optional[int], typer.Option(help=f"REST port (default {catalogue.GATEWAY_PORT})")] = None,
    router_port: Annotated[Optional[int], typer.Option(help=f"Router gRPC port (default {catalogue.ROUTER_PORT})")] = None,
    base_port: Annotated[Optional[int], typer.Option(help="First gRPC port of the backends (default: each its catalogue port)")] = None,
    models: Annotated[bool, typer.Option(help="Also start the model engines whose weights are present")] = True,
    metrics: Annotated[bool, typer.Option(help="Prometheus endpoints for the backends and the router")] = True,
    no_auth: NoAuthOption = False,
) -> None:
    """Start the local mesh (backends, router, REST gateway) on loopback until Ctrl-C; restarts what crashes."""
    import signal as signal_module
    import time

    from clients.local_engines import choose_engines
    from clients.mesh import Mesh, MeshSettings, process_via_rest

    overrides: dict[str, object] = {"metrics": metrics}
    if gateway_port is not None:
        overrides["gateway_port"] = gateway_port
    if router_port is not None:
        overrides["router_port"] = router_port
    if no_auth:
        overrides["auth"] = False
    settings = MeshSettings(**overrides)  # type: ignore[arg-type]
    if models:
        for choice in choose_engines():
            if choice.name in settings.backends:
                continue
            if choice.start:
                settings.backends[choice.name] = choice.port
                settings.background.add(choice.name)
            else:
                typer.echo(f"{choice.name}: not started: {choice.reason}", err=True)
    if base_port is not None:
        settings.backends = {name: base_port + i for i, name in enumerate(settings.backends)}

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    # SIGTERM (and Ctrl-Break on Windows) stops like Ctrl-C, at start-up too; during the stop, signals are ignored.
    # SIGINT is set too: started in the background of a script (a CI step, `make test &`), a process inherits
    # SIGINT ignored, and Ctrl-C (or `kill -INT`) would not stop the mesh.
    stop_signals = [
        getattr(signal_module, name) for name in ("SIGINT", "SIGTERM", "SIGBREAK") if hasattr(signal_module, name)
    ]
    for sig in stop_signals:
        signal_module.signal(sig, interrupt)
    mesh = Mesh(settings, report=lambda line: typer.echo(line, err=True))
    mesh.plan()
    try:
        mesh.start()
        typer.echo(mesh.describe(), err=True)
        local = mesh.local_key
        if local is None:
            typer.echo("WARNING: --no-auth: API keys are not checked (loopback only)", err=True)
        elif local.created:
            typer.echo(f"admin API key (shown once; the local CLI reads it from {local.path}): {local.key}", err=True)
        gateway = mesh.components[-1].url
        if demo:
            for path in demo:
                typer.echo(f"\n=== {path} (POST {gateway}/api/v1/ocr/process, backend=auto)", err=True)
                _print_rest_result(process_via_rest(gateway, path, api_key=local.key if local else ""))
            return
        typer.echo(f"REST: {gateway}/docs   gRPC: {mesh.components[-2].address}   Ctrl-C stops everything", err=True)
        while True:
            time.sleep(0.2)
            mesh.supervise()
    except KeyboardInterrupt:
        typer.echo("stopping ...", err=True)
    except (RuntimeError, TimeoutError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        for sig in stop_signals:
            signal_module.signal(sig, signal_module.SIG_IGN)
        mesh.stop()


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
    port: Annotated[Optional[int], typer.Option(help=f"HTTP port (default {catalogue.GATEWAY_PORT})")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on (default 127.0.0.1)")] = None,
    no_auth: NoAuthOption = False,
    tls_cert: Annotated[Optional[Path], typer.Option(help="Certificate (PEM): serve HTTPS")] = None,
    tls_key: Annotated[Optional[Path], typer.Option(help="Its private key (PEM)")] = None,
) -> None:
    """Run the REST gateway (FastAPI, docs at /docs) in front of the router until Ctrl-C."""
    from pydantic import ValidationError

    from gateway_rest.app import run_gateway
    from gateway_rest.settings import GatewaySettings

    given = {"upstream": upstream, "port": port, "host": host, "tls_cert": tls_cert, "tls_key": tls_key}
    overrides: dict[str, object] = {k: v for k, v in given.items() if v is not None}
    if no_auth:
        overrides["auth"] = False
    with exit_on(ValidationError, code=2):
        settings = GatewaySettings(**overrides)  # type: ignore[arg-type]
    run_gateway(settings)



# ---------------------------------------------------------------- keys, certs (clients/keys_cli.py)

from clients.keys_cli import certs_app, keys_app  # registered beside the other commands

app.add_typer(keys_app, name="keys")
app.add_typer(certs_app, name="certs")


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
    target: Annotated[str, typer.Argument(help=f"{MODEL_BACKEND_NAMES} or all")] = "all",
    models_dir: Annotated[Optional[Path], typer.Option(help="Models directory (default $OCRMESH_MODELS_DIR or ./models)")] = None,
    update: Annotated[bool, typer.Option(help="Move the lock to the revision's current commit")] = False,
) -> None:
    """Download weights from the Hugging Face hub, verify their hashes and record them in a lock file."""
    from services.models.catalog import load_catalog
    from services.models.download import ModelCheckError, download

    with exit_on(ValueError, code=2):
        specs = load_catalog().select(target)
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
    port: Annotated[Optional[int], typer.Option(help=f"gRPC port (default {catalogue.JOBS_PORT})")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on")] = None,
    data_dir: Annotated[Optional[Path], typer.Option(help="SQLite database and uploads (default ./data)")] = None,
    database_url: Annotated[Optional[str], typer.Option(help="postgresql://... to share one queue between replicas")] = None,
    config: Annotated[Optional[Path], typer.Option(help="YAML config file (section 'jobs')")] = None,
    no_auth: NoAuthOption = False,
) -> None:
    """Serve JobsService (durable batch jobs with live progress) in front of an OcrService until Ctrl-C.

    Callers need API keys of its database (`ocrmesh keys create`); it calls the upstream with
    $OCRMESH_API_KEY, else the local admin key."""
    from jobs_service.server import run_jobs_server
    from jobs_service.settings import JobsSettings
    from services.scaffold.settings import load_settings

    with exit_on(ValueError, code=2):
        settings = load_settings(
            JobsSettings, config, "jobs", upstream=upstream, port=port, host=host, data_dir=data_dir,
            database_url=database_url, auth=False if no_auth else None,
        )
    with exit_on(OSError, code=1):
        run_jobs_server(settings)


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
    output_format: Annotated[
        Optional[str],
        typer.Option("--format", help="Write each completed document as markdown, text or pdf (searchable) into --out-dir (implies --wait)"),
    ] = None,
    out_dir: Annotated[Optional[Path], typer.Option(help="Folder for --format's files, one per document")] = None,
    api_key: ApiKeyOption = None,
) -> None:
    """Submit documents as durable batch jobs; with --wait show progress and collect the results."""
    _use_api_key(api_key)
    from jobs_service.batch_cli import BatchError, run_batch

    with exit_on(BatchError, code=1):
        code = run_batch(
            paths, target=target, backend=backend,
            wait=wait or out is not None or csv_path is not None or output_format is not None,
            out=out, csv_path=csv_path, key=key, interactive=interactive, output_format=output_format, out_dir=out_dir,
        )
    raise typer.Exit(code)


# ---------------------------------------------------------------- backup / restore (operations)


def _state_locations(data_dir: Optional[Path], suppliers: Optional[Path]) -> tuple[Path, Path, Path, str]:
    """Data directory, supplier templates, benchmark directory and PostgreSQL URL, as the mesh's settings name them."""
    from bench_service.settings import BenchSettings
    from jobs_service.settings import JobsSettings
    from router_service.analysis import SUPPLIERS_DIR

    settings = JobsSettings()
    return data_dir or settings.data_dir, suppliers or SUPPLIERS_DIR, BenchSettings().data_dir, settings.database_url


def _state_command(done: str, action: Callable[[], Summary]) -> None:
    """Run a backup or restore; its error as one line and exit code 1."""
    from clients.backup import BackupError

    with exit_on(BackupError, code=1):
        summary = action()
    typer.echo(f"{done} {summary.describe()}")


@app.command()
def backup(
    dest: Annotated[Path, typer.Argument(help="A new directory, or a file name ending in .tar.gz")],
    data_dir: Annotated[Optional[Path], typer.Option(help="Data directory (default $OCRMESH_JOBS_DATA_DIR or ./data)")] = None,
    suppliers: Annotated[Optional[Path], typer.Option(help="Supplier templates (default config/suppliers)")] = None,
) -> None:
    """Back up the jobs database (SQLite online backup, safe while the mesh runs), data files and supplier templates."""
    from clients.backup import backup as run_backup

    data, supplier_dir, bench_dir, database_url = _state_locations(data_dir, suppliers)
    _state_command("backup written to", lambda: run_backup(dest, data, supplier_dir, database_url, bench_dir))


@app.command()
def restore(
    src: Annotated[Path, typer.Argument(exists=True, help="A backup directory or .tar.gz made by `ocrmesh backup`")],
    data_dir: Annotated[Optional[Path], typer.Option(help="Data directory (default $OCRMESH_JOBS_DATA_DIR or ./data)")] = None,
    suppliers: Annotated[Optional[Path], typer.Option(help="Supplier templates (default config/suppliers)")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite a database in use (a running mesh); restart it afterwards")] = False,
) -> None:
    """Restore a backup into the data directory and the supplier templates (stop the mesh first)."""
    from clients.backup import restore as run_restore

    data, supplier_dir, bench_dir, database_url = _state_locations(data_dir, suppliers)
    _state_command(
        "restored into",
        lambda: run_restore(src, data, supplier_dir, force=force, database_url=database_url, bench_dir=bench_dir),
    )


# ---------------------------------------------------------------- bench (live benchmark, in-process)


@app.command()
def bench(
    dataset: Annotated[Path, typer.Option(exists=True, file_okay=False, help="Dataset folder (X.pdf + X.truth.json)")],
    backends: Annotated[str, typer.Option(help="Comma-separated backends to compare")] = ",".join(catalogue.LOCAL_BACKENDS),
    limit: Annotated[int, typer.Option(help="Only the first N documents (0 = all)")] = 0,
    out: Annotated[Path, typer.Option(help="Runs directory (run.json, report.md, report.html, latest-priors.json)")] = Path("data/benchmarks"),
    target: Annotated[Optional[str], typer.Option(help="Send documents through this router HOST:PORT")] = None,
    address: Annotated[Optional[list[str]], typer.Option(help="Backend address NAME=HOST:PORT (repeatable)")] = None,
    dpi: Annotated[int, typer.Option(help="Rendering dpi for PDF pages (0 = backend default)")] = 0,
    label: Annotated[str, typer.Option(help="A label for the run")] = "",
    api_key: ApiKeyOption = None,
) -> None:
    """Benchmark backends on a dataset: time, accuracy, RAM/VRAM, confidence side by side; writes reports."""
    _use_api_key(api_key)
    from bench_service.cli import BenchCliError, parse_addresses, run_bench
    from router_service.document_facts import inspect_document

    with exit_on(BenchCliError, code=2):
        run_bench(
            dataset, [b for b in backends.split(",") if b], limit=limit, out=out, target=target,
            addresses=parse_addresses(address or []), dpi=dpi, label=label, inspect=inspect_document,
        )


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
    api_key: ApiKeyOption = None,
) -> None:
    """Create or update a known supplier from a document whose fields a person confirmed.

    Besides its name and identifiers, where each confirmed field stands on the page (and the label
    before it) is saved as the supplier's template; it guides the extraction of its next documents.
    """
    _use_api_key(api_key)
    import grpc

    from ocrmesh.v1 import ocr_pb2 as pb
    from ocrmesh_client import OcrClient, request_from_file
    from services.invoice.suppliers import apply_corrections, upsert_supplier

    with OcrClient(target) as client:
        try:
            outcome = client.process(request_from_file(file), timeout=600)
        except grpc.RpcError as exc:
            typer.echo(f"error: {exc.code().name}: {exc.details()}", err=True)  # type: ignore[attr-defined]
            raise typer.Exit(1) from None
    assert outcome.document is not None
    fields = pb.InvoiceFields()
    fields.CopyFrom(outcome.document.fields)
    corrections = {}
    for assignment in correct or []:
        name, sep, value = assignment.partition("=")
        if not sep or not name:
            typer.echo(f"error: --set wants NAME=VALUE, got {assignment!r}", err=True)
            raise typer.Exit(2)
        corrections[name] = value
    apply_corrections(fields, corrections)
    keys = ("lieferant", "ust_id", "iban", "steuernummer")
    for f in fields.fields:
        if f.name in keys:
            typer.echo(f"{f.name:14} {f.value}")
    if not yes and not typer.confirm("Are these the supplier's details?"):
        raise typer.Exit(1)
    with exit_on(ValueError, code=2):
        path = upsert_supplier(directory, fields, supplier_id, outcome.pages)
    typer.echo(f"saved {path}")

def main() -> None:
    # A fatal signal in a native library (grpc, MuPDF, torch) writes every thread's Python stack to
    # stderr, which `up` and the containers keep as the process's log.
    faulthandler.enable()
    app()


if __name__ == "__main__":
    main()

"""`ocrmesh batch`: submit a folder of documents as durable jobs, follow them, write JSONL and CSV.

A submission travels as one gRPC message, so the files are split into jobs of
at most CHUNK_BYTES. Without `--key` the idempotency key is derived from the
files' contents, so running the same command again (say after a lost
connection) attaches to the jobs already made instead of doing the work twice.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import grpc

from jobs_service.client import JobsClient, submit_request
from ocrmesh.v1 import jobs_pb2 as jpb
from services.intake.errors import IntakeError
from services.invoice.typed_fields import TYPE_FIELDS
from services.outputs.render import FORMATS, render_document
from services.outputs.render import SUFFIXES as OUTPUT_SUFFIXES

SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".xml"}
INVOICE_FIELDS = (
    "rechnungsnummer", "datum", "betrag_netto", "mwst", "betrag_brutto", "waehrung", "ust_id", "steuernummer",
    "iban", "bic", "lieferant",
)  # fmt: skip
# The CSV's columns after file, status, type and review: the invoice fields, then every type's own.
CSV_FIELDS = (*INVOICE_FIELDS, *(name for name in TYPE_FIELDS if name not in INVOICE_FIELDS))
CHUNK_BYTES = 48 * 1024 * 1024
FINAL = {jpb.JOB_STATUS_COMPLETED, jpb.JOB_STATUS_FAILED, jpb.JOB_STATUS_CANCELLED}
# How long a follower keeps reconnecting while the jobs server is away (restart, deploy).
RECONNECT_SECONDS = 600.0


class BatchError(Exception):
    """A problem the user can fix (no files, server unreachable, bad request)."""


@dataclass
class Submitted:
    job_id: str
    files: list[Path]
    created: bool


def collect(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            files.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in files))
    if not unique:
        raise BatchError("no documents found (PDF, PNG, JPEG, TIFF, WebP or XML)")
    return unique


def chunked(files: list[tuple[Path, bytes]]) -> list[list[tuple[Path, bytes]]]:
    groups: list[list[tuple[Path, bytes]]] = [[]]
    size = 0
    for item in files:
        if groups[-1] and size + len(item[1]) > CHUNK_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += len(item[1])
    return groups


def derived_key(group: list[tuple[Path, bytes]], backend: str) -> str:
    h = hashlib.sha256(f"ocrmesh-batch|{backend}|".encode())
    for path, content in group:
        h.update(path.name.encode() + b"\0" + hashlib.sha256(content).digest())
    return "batch-" + h.hexdigest()[:32]


def run_batch(
    paths: list[Path],
    *,
    target: str,
    backend: str = "auto",
    wait: bool = False,
    out: Path | None = None,
    csv_path: Path | None = None,
    key: str | None = None,
    interactive: bool = False,
    output_format: str | None = None,
    out_dir: Path | None = None,
) -> int:
    if output_format is not None and output_format not in FORMATS:
        raise BatchError(f"--format must be one of {', '.join(FORMATS)}")
    if (output_format is None) != (out_dir is None):
        raise BatchError("--format and --out-dir go together")
    files = [(p, p.read_bytes()) for p in collect(paths)]
    groups = chunked(files)
    priority = jpb.JOB_PRIORITY_INTERACTIVE if interactive else jpb.JOB_PRIORITY_BATCH
    submitted: list[Submitted] = []
    started = time.monotonic()
    with JobsClient(target) as client:
        for i, group in enumerate(groups):
            group_key = (f"{key}-{i + 1}" if len(groups) > 1 else key) if key else derived_key(group, backend)
            request = submit_request(
                [(p.name, content) for p, content in group], backend=backend, idempotency_key=group_key, priority=priority
            )
            try:
                response = client.submit(request, timeout=30)
            except grpc.RpcError as exc:
                raise BatchError(f"{target}: {exc.code().name}: {exc.details()}") from None
            submitted.append(Submitted(response.job.job_id, [p for p, _ in group], response.created))
            note = "" if response.created else " (already submitted: following the existing job)"
            print(f"job {response.job.job_id}: {len(group)} documents{note}", file=sys.stderr)
        if not wait:
            for s in submitted:
                print(s.job_id)
            return 0
        _follow(client, submitted)
        jobs = [client.get(s.job_id, include_results=True, include_pages=output_format is not None) for s in submitted]
    if output_format is not None and out_dir is not None:
        _write_documents(submitted, jobs, dict(files), output_format, out_dir)
    return _report(submitted, jobs, out, csv_path, time.monotonic() - started)


def _write_documents(
    submitted: list[Submitted], jobs: list[jpb.Job], contents: dict[Path, bytes], output_format: str, out_dir: Path
) -> None:
    """Every completed document as `out_dir/<file stem>.<suffix>` (services/outputs renders it).

    A searchable PDF is drawn on the file as it was sent, which this side still has.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for s, job in zip(submitted, jobs, strict=True):
        for doc in job.documents:
            if doc.status != jpb.DOCUMENT_STATUS_COMPLETED or doc.index >= len(s.files):
                continue
            path = s.files[doc.index]
            name = f"{path.stem}.{OUTPUT_SUFFIXES[output_format]}"
            if name in used:  # the same name in two folders
                name = f"{path.stem}-{len(used) + 1}.{OUTPUT_SUFFIXES[output_format]}"
            used.add(name)
            try:
                body = render_document(output_format, contents[path], doc.pages, doc.result.text)
            except IntakeError as exc:
                print(f"not written: {path.name}: {exc}", file=sys.stderr)
                continue
            (out_dir / name).write_bytes(body)
    print(f"wrote {len(used)} {output_format} files to {out_dir}", file=sys.stderr)


def _follow(client: JobsClient, submitted: list[Submitted]) -> None:
    """Progress bars (documents, pages) fed by one WatchJob stream per job; reconnects after a restart."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    total = sum(len(s.files) for s in submitted)
    state: dict[str, jpb.JobProgress] = {}
    eta: dict[str, float] = {}
    lock = threading.Lock()
    errors: list[str] = []
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.fields[note]}"), console=Console(stderr=True), transient=False,
    ) as progress:  # fmt: skip
        docs_bar = progress.add_task("documents", total=total, note="")
        pages_bar = progress.add_task("pages", total=None, note="")

        def render() -> None:
            with lock:
                processed = sum(p.processed for p in state.values())
                pages = sum(p.pages_done for p in state.values())
                pages_total = sum(p.pages_total for p in state.values())
                failed = sum(p.failed for p in state.values())
                cached = sum(p.cached for p in state.values())
                left = max(eta.values(), default=0.0)
            note = ", ".join(x for x in (f"{failed} failed" if failed else "", f"{cached} cached" if cached else "") if x)
            progress.update(docs_bar, completed=processed, note=note)
            progress.update(
                pages_bar, completed=pages, total=pages_total or None, note=f"~{left:.0f}s left" if left else ""
            )

        def watch(job_id: str) -> None:
            deadline = time.monotonic() + RECONNECT_SECONDS
            while True:
                try:
                    for event in client.watch(job_id):
                        with lock:
                            state[job_id] = event.progress
                            eta[job_id] = event.estimated_seconds_remaining
                        render()
                        if event.status in FINAL:
                            return
                        deadline = time.monotonic() + RECONNECT_SECONDS
                except grpc.RpcError as exc:
                    if exc.code() not in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED) or (
                        time.monotonic() > deadline
                    ):
                        errors.append(f"job {job_id}: {exc.code().name}: {exc.details()}")
                        return
                    time.sleep(1.0)

        threads = [threading.Thread(target=watch, args=(s.job_id,), daemon=True) for s in submitted]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if errors:
        raise BatchError("; ".join(errors))


def _fields(result: object) -> dict[str, str]:
    """The first value of each exported field; a list field (parteien) as "a; b"."""
    values: dict[str, str] = {}
    for field in result.fields.fields:  # type: ignore[attr-defined]
        if field.name in CSV_FIELDS and field.name not in values:
            values[field.name] = "; ".join(field.value.splitlines())
    return values


def _report(
    submitted: list[Submitted], jobs: list[jpb.Job], out: Path | None, csv_path: Path | None, seconds: float
) -> int:
    from google.protobuf import json_format

    status_name = {v: k.removeprefix("DOCUMENT_STATUS_").lower() for k, v in jpb.DocumentStatus.items()}
    rows = []
    for s, job in zip(submitted, jobs, strict=True):
        for doc in job.documents:
            path = s.files[doc.index] if doc.index < len(s.files) else Path(doc.filename)
            rows.append((job, doc, path))
    if out is not None:
        with out.open("w", encoding="utf-8") as f:
            for job, doc, path in rows:
                line = {
                    "job_id": job.job_id,
                    "index": doc.index,
                    "file": str(path),
                    "document_id": doc.document_id,
                    "status": status_name.get(doc.status, "unknown"),
                    "cached": doc.cached,
                    "attempts": doc.attempts,
                    "pages": doc.pages_done,
                    "error": {"code": doc.error.code, "message": doc.error.message} if doc.HasField("error") else None,
                    "result": json_format.MessageToDict(doc.result, preserving_proto_field_name=True)
                    if doc.HasField("result")
                    else None,
                }
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
    if csv_path is not None:
        with csv_path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["file", "status", "document_type", "needs_review", *CSV_FIELDS])
            for _job, doc, path in rows:
                values = _fields(doc.result) if doc.HasField("result") else {}
                kind = doc.result.document_type.type if doc.HasField("result") else ""
                review = str(doc.result.fields.needs_review).lower() if doc.HasField("result") else ""
                writer.writerow(
                    [str(path), status_name.get(doc.status, "unknown"), kind, review, *(values.get(n, "") for n in CSV_FIELDS)]
                )
    completed = sum(1 for _j, d, _p in rows if d.status == jpb.DOCUMENT_STATUS_COMPLETED)
    failed = [(d, p) for _j, d, p in rows if d.status != jpb.DOCUMENT_STATUS_COMPLETED]
    for doc, path in failed:
        print(f"failed: {path.name}: {doc.error.code}: {doc.error.message}", file=sys.stderr)
    per_minute = len(rows) / seconds * 60 if seconds > 0 else 0.0
    print(
        f"{completed}/{len(rows)} documents completed in {seconds:.1f}s ({per_minute:.0f}/min)"
        + (f", {len(failed)} not completed" if failed else ""),
        file=sys.stderr,
    )
    return 1 if failed else 0

"""Batch jobs: documents per minute, time to a submit's response, memory of the runner over 1000 documents.

    python -m benchmarks.bench_jobs [--out docs/BENCHMARKS.md] [--scanned N] [--small N] [--database-url URL]

Everything runs as its own process, as in production: the backends
(`ocrmesh serve pdftext|tesseract`) and the jobs server (`ocrmesh jobs`,
SQLite in a temporary data directory unless --database-url) in front of them.
Born-digital: 100 distinct dataset invoices (each PDF with a trailing comment,
so no cache hits) through pdftext. Scanned: dataset invoices printed and
scanned back (`render_scanned_pdf(pdf, seed=k, dpi=200)`) through tesseract
(2 workers). Submit: one new single-page document at a time, 30 times; and a
100-document batch. Memory: resident set of the jobs process, sampled every
100 documents while 1000 small one-page documents go through pdftext.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench_service.datasets import ZUGFERD_AWV
from bench_service.sections import machine_line, update_section
from clients.processes import stop_processes
from jobs_service.client import JobsClient, submit_request
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import OcrClient
from services.scaffold.ports import free_port

REPO = Path(__file__).resolve().parents[1]
DATASET = ZUGFERD_AWV
FINAL = {jpb.JOB_STATUS_COMPLETED, jpb.JOB_STATUS_FAILED, jpb.JOB_STATUS_CANCELLED}


def spawn(args: list[str], env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", *args, "--port", str(port)],
        cwd=REPO,
        env={**os.environ, "OMP_THREAD_LIMIT": "1", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    target = f"127.0.0.1:{port}"
    with OcrClient(target) as client:
        client.wait_for_serving(timeout=60)
    return proc, target


def distinct(content: bytes, k: int) -> bytes:
    return content + f"\n%bench-copy-{k}\n".encode()


def run_job(client: JobsClient, docs: list[tuple[str, bytes]], backend: str, **kw: object) -> tuple[float, jpb.Job]:
    begin = time.perf_counter()
    job = client.submit(submit_request(docs, backend=backend, **kw)).job  # type: ignore[arg-type]
    for event in client.watch(job.job_id):
        if event.status in FINAL:
            break
    return time.perf_counter() - begin, client.get(job.job_id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None, help="write the 'jobs' section into this Markdown file")
    parser.add_argument("--scanned", type=int, default=12, help="scanned invoices through tesseract")
    parser.add_argument("--small", type=int, default=1000, help="small documents for the memory series")
    parser.add_argument("--database-url", default="", help="PostgreSQL instead of SQLite")
    args = parser.parse_args()

    files = sorted(DATASET.glob("*.pdf"))
    minimum = DATASET / "MINIMUM_zugferd_2p0_MINIMUM.pdf"
    procs: list[subprocess.Popen[bytes]] = []
    lines: list[str] = []
    try:
        pdftext, pdftext_target = spawn(["serve", "pdftext", "--workers", "2"])
        tesseract, tesseract_target = spawn(["serve", "tesseract", "--workers", "2"])
        procs += [pdftext, tesseract]
        with tempfile.TemporaryDirectory(prefix="bench-jobs-") as data:
            common = ["--data-dir", data, "--no-auth"] + (["--database-url", args.database_url] if args.database_url else [])
            env = {"OCRMESH_JOBS_MAX_IN_FLIGHT": "4", "OCRMESH_JOBS_DEFAULT_BACKEND_CONCURRENCY": "4"}
            jobs_born, born_target = spawn(["jobs", "--upstream", pdftext_target, *common], env)
            procs.append(jobs_born)
            store = "PostgreSQL" if args.database_url else "SQLite (WAL, synchronous=FULL)"
            with JobsClient(born_target) as client:
                # --- born-digital throughput
                docs = [(f"{k:03d}.pdf", distinct(files[k % len(files)].read_bytes(), k)) for k in range(100)]
                seconds, job = run_job(client, docs, "pdftext")
                pages = job.progress.pages_done
                born = (len(docs) / seconds * 60, pages / seconds * 60, seconds, job.progress.completed, pages)
                print(f"born-digital: {born[0]:.0f} documents/min, {born[1]:.0f} pages/min ({seconds:.1f}s)")

                # --- time from submit to response
                single = []
                for k in range(30):
                    doc = [(f"s{k}.pdf", distinct(minimum.read_bytes(), 10_000 + k))]
                    begin = time.perf_counter()
                    client.submit(submit_request(doc, backend="pdftext"))
                    single.append((time.perf_counter() - begin) * 1000)
                batch_docs = [(f"b{k}.pdf", distinct(files[k % len(files)].read_bytes(), 20_000 + k)) for k in range(100)]
                begin = time.perf_counter()
                client.submit(submit_request(batch_docs, backend="pdftext"))
                batch_ms = (time.perf_counter() - begin) * 1000
                single.sort()
                p50, p95 = statistics.median(single), single[int(len(single) * 0.95) - 1]
                batch_mb = sum(len(c) for _n, c in batch_docs) / 1e6
                print(f"submit: single p50 {p50:.1f} ms, p95 {p95:.1f} ms; 100 documents ({batch_mb:.1f} MB) {batch_ms:.0f} ms")
                time.sleep(3)

                # --- memory over many small documents
                rss: list[tuple[int, float]] = []
                proc = psutil.Process(jobs_born.pid)
                rss.append((0, proc.memory_info().rss / 2**20))
                small = [(f"m{k}.pdf", distinct(minimum.read_bytes(), 50_000 + k)) for k in range(args.small)]
                begin = time.perf_counter()
                job = client.submit(submit_request(small, backend="pdftext")).job
                next_mark = 100
                for event in client.watch(job.job_id):
                    if event.progress.processed >= next_mark:
                        rss.append((event.progress.processed, proc.memory_info().rss / 2**20))
                        next_mark += 100
                    if event.status in FINAL:
                        break
                small_seconds = time.perf_counter() - begin
                print("runner RSS (documents, MiB):", ", ".join(f"{n}: {m:.0f}" for n, m in rss))
                print(f"small documents: {args.small / small_seconds * 60:.0f}/min")

            # --- scanned throughput (tesseract)
            # Its own store: a runner on the same store would be a replica with pdftext as its upstream.
            jobs_born.terminate()
            jobs_born.wait(timeout=20)
            scan_data = Path(data) / "scanned"
            common = ["--data-dir", str(scan_data), "--no-auth"] + (["--database-url", args.database_url] if args.database_url else [])
            jobs_scan, scan_target = spawn(["jobs", "--upstream", tesseract_target, *common], env)
            procs.append(jobs_scan)
            from benchmarks.synth.degrade import render_scanned_pdf

            scans = [
                (f"scan{k}.pdf", render_scanned_pdf(files[k % len(files)].read_bytes(), seed=k, dpi=200))
                for k in range(args.scanned)
            ]
            with JobsClient(scan_target) as client:
                seconds, job = run_job(client, scans, "tesseract", options=pb.ProcessOptions(dpi=200))
            scanned = (len(scans) / seconds * 60, job.progress.pages_done / seconds * 60, seconds, job.progress.completed,
                       job.progress.pages_done)  # fmt: skip
            print(f"scanned: {scanned[0]:.1f} documents/min, {scanned[1]:.1f} pages/min ({seconds:.1f}s)")
            for doc in job.documents:
                if doc.status != jpb.DOCUMENT_STATUS_COMPLETED:
                    print(f"  not completed: {doc.filename}: {doc.error.code} {doc.error.message}")
    finally:
        stop_processes(procs, 20)

    lines += [
        machine_line(),
        "",
        f"`python -m benchmarks.bench_jobs` — backends and the jobs server (store: {store}) as separate processes "
        "on loopback, runner max_in_flight 4, backends 2 workers each.",
        "",
        "| batch | documents | pages | seconds | documents/min | pages/min |",
        "|---|---|---|---|---|---|",
        f"| born-digital (pdftext) | {born[3]} | {born[4]} | {born[2]:.1f} | {born[0]:.0f} | {born[1]:.0f} |",
        f"| scanned 200 dpi (tesseract) | {scanned[3]} | {scanned[4]} | {scanned[2]:.1f} | {scanned[0]:.1f} | "
        f"{scanned[1]:.1f} |",
        "",
        f"Time from submit to response: one document p50 **{p50:.1f} ms**, p95 {p95:.1f} ms (30 submissions, "
        f"target < 50 ms); a 100-document batch ({batch_mb:.1f} MB in one message) {batch_ms:.0f} ms. "
        "Each includes hashing, writing every upload durably (fsync + rename) and the commit.",
        "",
        f"Resident memory of the jobs process over {args.small} small one-page documents "
        f"({args.small / small_seconds * 60:.0f} documents/min):",
        "",
        "| documents done | " + " | ".join(str(n) for n, _ in rss) + " |",
        "|---|" + "---|" * len(rss),
        "| RSS MiB | " + " | ".join(f"{m:.0f}" for _, m in rss) + " |",
    ]
    if args.out is not None:
        update_section(args.out, "jobs", "## Batch jobs\n\n" + "\n".join(lines))
        print(f"wrote section 'jobs' of {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

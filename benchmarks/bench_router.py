"""The router and the REST facade, measured on the whole local mesh.

    python -m benchmarks.bench_router [--rounds 3] [--rest-seconds 15] [--health-seconds 20] [--out docs/BENCHMARKS.md]

Starts the mesh as `ocrmesh up` does (pdftext, tesseract, router, gateway as
separate processes on free loopback ports) and measures:
- router overhead per document: the same born-digital dataset invoices sent
  to `pdftext` directly and through the router (`backend=auto`, which picks
  pdftext), sequentially, same run; overhead = routed − direct per document;
- REST throughput: concurrent clients posting born-digital invoices to
  `POST /api/v1/ocr/process` with `backend=auto`, documents per second;
- `GET /api/v1/health` latency while 10 clients keep the OCR engine busy with
  scans (benchmarks.bench_gateway_health), and while a REST batch of scanned
  invoices runs through the jobs service.

The mesh gets a fresh, temporary jobs state (`OCRMESH_JOBS_DATA_DIR`), so the
jobs service's result cache cannot answer the batch from an earlier run: its
scans really go through Tesseract (checked: no document may come from the cache).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from bench_service.datasets import ZUGFERD_AWV
from bench_service.sections import machine_line, update_section
from benchmarks.bench_gateway_health import measure_stats, percentile, prober
from benchmarks.synth.degrade import render_scanned_pdf
from clients.mesh import Mesh, MeshSettings
from ocrmesh_client import AsyncOcrClient, build_request
from services.scaffold.ports import free_port

REPO = Path(__file__).resolve().parents[1]
DATASET = ZUGFERD_AWV


async def overhead(direct: str, router: str, documents: list[bytes], rounds: int) -> dict[str, float]:
    deltas: list[float] = []
    direct_times: list[float] = []
    analysis_times: list[float] = []
    presumed = 0  # documents sent to pdftext as presumed born digital, confirmed by its reading
    async with AsyncOcrClient(direct) as d, AsyncOcrClient(router) as r:
        for content in documents[:2]:  # warm both paths
            await d.process(build_request(content))
            await r.process(build_request(content))
        for _ in range(rounds):
            for content in documents:
                t0 = time.perf_counter()
                await d.process(build_request(content), timeout=60)
                t1 = time.perf_counter()
                outcome = await r.process(build_request(content), timeout=60)
                t2 = time.perf_counter()
                assert outcome.document is not None and outcome.document.metadata.backends == ["pdftext"]
                direct_times.append(t1 - t0)
                deltas.append((t2 - t1) - (t1 - t0))
                analysis_times.append(outcome.document.routing.analysis_seconds)
                presumed += "(as pdftext read it)" in outcome.document.routing.reason
    return {
        "documents": float(len(deltas)),
        "direct_median_ms": statistics.median(direct_times) * 1000,
        "overhead_median_ms": statistics.median(deltas) * 1000,
        "overhead_p90_ms": statistics.quantiles(deltas, n=10)[-1] * 1000,
        "analysis_median_ms": statistics.median(analysis_times) * 1000,
        "presumed": float(presumed),
    }


async def rest_throughput(gateway: str, documents: list[tuple[str, bytes]], seconds: float, clients: int) -> dict[str, float]:
    done = 0
    errors = 0
    stop = time.perf_counter() + seconds
    cycle = itertools.cycle(documents)

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal done, errors
        while time.perf_counter() < stop:
            name, content = next(cycle)
            response = await http.post(
                f"{gateway}/api/v1/ocr/process", files={"file": (name, content)}, data={"backend": "auto"}
            )
            if response.status_code == 200:
                done += 1
            else:
                errors += 1

    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=clients + 2)) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    elapsed = time.perf_counter() - start
    return {"documents": float(done), "errors": float(errors), "per_second": done / elapsed, "clients": float(clients)}


async def health_during_batch(gateway: str, paths: list[Path], documents: int) -> dict[str, float]:
    """Submit a batch of scanned invoices and probe `GET /api/v1/health` until it is done."""
    scans = [
        ("files", (f"scan-{i}.pdf", render_scanned_pdf(paths[i % len(paths)].read_bytes(), seed=i, dpi=200)))
        for i in range(documents)
    ]
    samples: list[float] = []
    seen: Counter[str] = Counter()
    stop = asyncio.Event()
    async with httpx.AsyncClient(timeout=120) as http, httpx.AsyncClient() as probe:
        started = time.perf_counter()
        accepted = await http.post(f"{gateway}/api/v1/ocr/batch", files=scans)
        submit_seconds = time.perf_counter() - started
        accepted.raise_for_status()
        job_id = accepted.json()["job_id"]
        probing = asyncio.create_task(prober(probe, gateway, 0.05, stop, samples, seen))
        while (await http.get(f"{gateway}/api/v1/ocr/job/{job_id}", params={"results": "false"})).json()[
            "status"
        ] not in ("completed", "failed", "cancelled"):
            await asyncio.sleep(0.5)
        batch_seconds = time.perf_counter() - started
        stop.set()
        await probing
        progress = (await http.get(f"{gateway}/api/v1/ocr/job/{job_id}", params={"results": "false"})).json()[
            "progress"
        ]
    if progress["cached"] or progress["completed"] != documents:
        raise RuntimeError(f"the batch must run every scan through OCR, got progress {progress}")
    ms = [s * 1000 for s in samples]
    return {
        "documents": float(documents),
        "submit_ms": submit_seconds * 1000,
        "batch_seconds": batch_seconds,
        "samples": float(len(ms)),
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms, default=float("nan")),
    }


async def run(args: argparse.Namespace) -> str:
    paths = sorted(DATASET.glob("*.pdf"))
    documents = [p.read_bytes() for p in paths]
    settings = MeshSettings(
        router_port=free_port(),
        gateway_port=free_port(),
        backends={"pdftext": free_port(), "tesseract": free_port()},
        auth=False,  # the figures below are the router's and the facade's own (API keys: tests/test_auth.py)
    )
    with (
        tempfile.TemporaryDirectory(prefix="ocrmesh-bench-jobs-") as jobs_state,
        Mesh(settings, env={"OCRMESH_JOBS_DATA_DIR": jobs_state}) as mesh,
    ):
        pdftext = mesh.components[0].address
        router = mesh.components[-2].address
        gateway = mesh.components[-1].url
        ov = await overhead(pdftext, router, documents, args.rounds)
        rest = await rest_throughput(gateway, list(zip((p.name for p in paths), documents, strict=True)),
                                     args.rest_seconds, args.rest_clients)
        health_args = argparse.Namespace(
            document=paths[0], pages=2, dpi=200, image_format="jpeg", clients=10,
            warmup=2.0, duration=args.health_seconds, interval=0.05,
        )
        _ok, health = await measure_stats(gateway, health_args)
        during_batch = await health_during_batch(gateway, paths, args.batch_documents)
    lines = [
        "## Router and REST facade (issue: router and REST facade)",
        "",
        f"Command: `python -m benchmarks.bench_router`; the mesh as `ocrmesh up` starts it; {machine_line()}.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| router overhead per document, median (routed − direct, {int(ov['documents'])} born-digital invoices) "
        f"| {ov['overhead_median_ms']:.1f} ms (p90 {ov['overhead_p90_ms']:.1f} ms; direct pdftext median "
        f"{ov['direct_median_ms']:.1f} ms; {int(ov['presumed'])} of them presumed born digital) | < 5 ms |",
        f"| REST `backend=auto`, born-digital invoices, {int(rest['clients'])} clients | "
        f"{rest['per_second']:.1f} documents/s ({int(rest['documents'])} done, {int(rest['errors'])} errors) "
        f"| >= 50 /s |",
        f"| `GET /api/v1/health` while 10 clients keep tesseract busy ({int(health['samples'])} probes) | "
        f"p50 {health['p50_ms']:.1f} ms, p99 {health['p99_ms']:.1f} ms, max {health['max_ms']:.1f} ms | p99 < 100 ms |",
        f"| `GET /api/v1/health` during a REST batch of {int(during_batch['documents'])} scanned invoices "
        f"({during_batch['batch_seconds']:.0f} s, {int(during_batch['samples'])} probes; submit answered in "
        f"{during_batch['submit_ms']:.0f} ms) | p50 {during_batch['p50_ms']:.1f} ms, p99 {during_batch['p99_ms']:.1f} ms, "
        f"max {during_batch['max_ms']:.1f} ms | p99 < 100 ms |",
        "",
        "Router overhead is everything the router adds: opening and checking the PDF, the analysis "
        f"(median {ov['analysis_median_ms']:.2f} ms per invoice: every page uses fonts and the rules give one "
        "pdftext run, so the router presumes the invoice born digital and leaves reading the text layer to "
        "pdftext, which declines any page without a usable one; router_service/presumption.py), planning, the "
        "second gRPC call, and the result: one call of an idle pdftext replica read every page, so its "
        "document, fields included, is the result, with the routing added (under the REST load the "
        "replica is busy and the router extracts the fields beside it). The direct call extracts fields "
        "too, so both sides do the same field work. The batch runs on a "
        "fresh jobs state, so no scan is answered from the result cache of an earlier run.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rest-seconds", type=float, default=15.0)
    parser.add_argument("--rest-clients", type=int, default=8)
    parser.add_argument("--health-seconds", type=float, default=20.0)
    parser.add_argument("--batch-documents", type=int, default=12)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    args = parser.parse_args()
    markdown = asyncio.run(run(args))
    update_section(args.out, "router", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
